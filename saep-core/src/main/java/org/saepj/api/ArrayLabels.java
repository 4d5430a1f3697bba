package org.saepj.api;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.saepj.DataException;
import org.saepj.SaepException;
import org.saepj.data.ClassOrder;

/**
 * Labels given as Java arrays, as class indices: the classes they stand for are ordered as a CSV's label column
 * orders them ({@link ClassOrder}: numbers by value, then text), so that a model fitted on arrays and one searched on
 * the same rows written as CSV have the same classes in the same order.
 *
 * @param classNames the name of each class index ({@code 7} for the int label 7)
 * @param indices each row's class index
 */
record ArrayLabels(List<String> classNames, int[] indices) {
    /**
     * @param labels one int label per row
     * @param rows the number of feature rows
     * @param what the argument's name, for messages
     * @return the labels as class indices
     * @throws SaepException when the count differs from the rows
     */
    static ArrayLabels of(int[] labels, int rows, String what) {
        if (labels == null) {
            throw new DataException(what + ": null: expected one label per row of features");
        }
        return of(Arrays.stream(labels).mapToObj(Integer::toString).toArray(String[]::new), rows, what);
    }

    /**
     * @param labels one label per row
     * @param rows the number of feature rows
     * @param what the argument's name, for messages
     * @return the labels as class indices
     * @throws SaepException when the count differs from the rows or a label is null
     */
    static ArrayLabels of(String[] labels, int rows, String what) {
        requireCount(labels, rows, what);
        List<String> classes = ClassOrder.of(Arrays.asList(labels));
        return new ArrayLabels(classes, indices(classes, labels, what));
    }

    /**
     * @param classes a model's classes
     * @param labels one label per row, each the name of one of the classes (or another spelling of a number)
     * @param rows the number of feature rows
     * @param what the argument's name, for messages
     * @return the labels as indices into {@code classes}
     * @throws SaepException naming the first label that is not a class
     */
    static int[] indicesIn(List<String> classes, String[] labels, int rows, String what) {
        requireCount(labels, rows, what);
        return indices(classes, labels, what);
    }

    /**
     * @param classes a model's classes
     * @param labels one int label per row
     * @param rows the number of feature rows
     * @param what the argument's name, for messages
     * @return the labels as indices into {@code classes}
     * @throws SaepException naming the first label that is not a class
     */
    static int[] indicesIn(List<String> classes, int[] labels, int rows, String what) {
        if (labels == null) {
            throw new DataException(what + ": null: expected one label per row of features");
        }
        return indicesIn(
                classes, Arrays.stream(labels).mapToObj(Integer::toString).toArray(String[]::new), rows, what);
    }

    private static void requireCount(String[] labels, int rows, String what) {
        if (labels == null) {
            throw new DataException(what + ": null: expected one label per row of features");
        }
        if (labels.length != rows) {
            throw new DataException(what + ": " + labels.length + " labels for " + rows
                    + " rows of features: expected one label per row");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == null) {
                throw new DataException(what + ": the label of row " + i + " is null");
            }
        }
    }

    private static int[] indices(List<String> classes, String[] labels, String what) {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            index.put(ClassOrder.name(classes.get(c)), c);
        }
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            Integer c = index.get(ClassOrder.name(labels[i]));
            if (c == null) {
                throw new DataException(what + ": the label '" + SaepException.printable(labels[i]) + "' of row " + i
                        + " is not a class of the model (" + String.join(", ", classes) + ")");
            }
            out[i] = c;
        }
        return out;
    }
}
