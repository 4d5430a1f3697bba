package org.saepj.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.saepj.SaepException;

/**
 * The order of classes given by name, everywhere a label is text (a CSV's label column, {@code saep prune}'s label
 * files): whole numbers by value, anything else in sorting order. The order is the class index, which decides
 * ties (a vote's tie goes to the lowest class).
 */
public final class ClassOrder {
    private ClassOrder() {
    }

    /**
     * @param text a label as written
     * @return whether it is a whole number of up to nine digits, read as a class index
     */
    public static boolean isIndex(String text) {
        return text.matches("[+-]?\\d{1,9}");
    }

    /**
     * @param labels the labels as written, repeats allowed
     * @param where the file or option they came from, for messages
     * @return the distinct labels in class order
     * @throws SaepException when two spellings name one number ("1" and "01")
     */
    public static List<String> of(Collection<String> labels, String where) {
        TreeSet<String> distinct = new TreeSet<>(labels);
        if (!distinct.stream().allMatch(ClassOrder::isIndex)) {
            return new ArrayList<>(distinct);
        }
        // Whole-number labels are ordered by value; two spellings of one number would be one class twice.
        Map<Integer, String> byValue = new TreeMap<>();
        for (String s : distinct) {
            String other = byValue.putIfAbsent(Integer.parseInt(s), s);
            if (other != null) {
                throw new SaepException(where + ": labels '" + other + "' and '" + s + "' are the same number written two ways:"
                        + " write each class one way");
            }
        }
        return new ArrayList<>(byValue.values());
    }
}
