package org.saepj.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The classes that labels written as text stand for, everywhere a label is text (a CSV's label column,
 * {@code saep prune}'s label files), and their order.
 *
 * <p>A label that is a number ({@link StrictNumbers}) stands for its value: {@code 1}, {@code 1.0}, {@code 01},
 * {@code +1} and {@code 1e0} are one class. That class is named by the value's canonical spelling — no sign for a
 * positive value, no leading zeros, no trailing zeros after the point ({@code 1}, {@code -0.25}, {@code 0} for
 * {@code -0}), and scientific notation as {@link BigDecimal#toString()} writes it beyond 21 digits of padding
 * ({@code 1E+30}) — rather than the first spelling met, so that a training file and a test file that spell a class
 * differently agree, and the name does not depend on which row comes first. Any other label is text, compared as
 * written. Classes are ordered numbers first, by value, then text in sorting order; the order is the class index,
 * which decides ties (a vote's tie goes to the lowest class).
 */
public final class ClassOrder {
    /** Beyond this many zeros of padding a canonical number is written in scientific notation. */
    private static final int PLAIN_PADDING = 21;

    private ClassOrder() {}

    /**
     * @param text a label as written
     * @return whether it is a whole number of up to nine digits, read as a class index
     */
    public static boolean isIndex(String text) {
        return text.matches("[+-]?\\d{1,9}");
    }

    /**
     * @param label a label as written
     * @return the name of the class it stands for: a number's canonical spelling, or the text itself
     */
    public static String name(String label) {
        return value(label).map(ClassOrder::canonical).orElse(label);
    }

    /**
     * @param labels the labels as written, repeats allowed
     * @return the names of the classes they stand for, in class order
     */
    public static List<String> of(Collection<String> labels) {
        TreeMap<BigDecimal, String> numbers = new TreeMap<>(); // compareTo: 1 and 1.0 are one key
        TreeSet<String> text = new TreeSet<>();
        for (String label : new HashSet<>(labels)) {
            Optional<BigDecimal> v = value(label);
            if (v.isPresent()) {
                numbers.putIfAbsent(v.get(), canonical(v.get()));
            } else {
                text.add(label);
            }
        }
        List<String> order = new ArrayList<>(numbers.values());
        order.addAll(text);
        return order;
    }

    /**
     * @param classes class names
     * @param label a label as written, or another spelling of a class name
     * @return the index of the class it stands for, or -1 when it is none of them
     */
    public static int indexOf(List<String> classes, String label) {
        String name = name(label);
        for (int c = 0; c < classes.size(); c++) {
            // A name stored by an older version may be spelt otherwise ("+1"): compared as the class it stands for.
            if (name(classes.get(c)).equals(name)) {
                return c;
            }
        }
        return -1;
    }

    private static Optional<BigDecimal> value(String label) {
        if (!StrictNumbers.isNumber(label)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(label));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an exponent beyond ±2^31: not a value BigDecimal holds, kept as text
        }
    }

    private static String canonical(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.signum() == 0) {
            return "0";
        }
        return Math.abs(v.scale()) <= PLAIN_PADDING ? v.toPlainString() : v.toString();
    }
}
