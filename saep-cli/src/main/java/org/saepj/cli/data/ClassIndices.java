package org.saepj.cli.data;

import java.util.Arrays;

/**
 * Renumbers the class indices of given labels and predictions onto 0..K−1 in their numeric order, K the
 * number of distinct values: the pruning criteria depend only on which predictions agree and on their
 * order (PAP's ties go to the lowest class), so this changes no decision, and a stray large index costs an
 * entry, not an array of that size.
 */
public final class ClassIndices {
    private ClassIndices() {
    }

    /**
     * @param labels the true labels, renumbered in place
     * @param predictions each member's predicted labels, renumbered in place
     * @return K, the number of distinct values
     */
    public static int compact(int[] labels, int[][] predictions) {
        int[] distinct = Arrays.stream(predictions).flatMapToInt(Arrays::stream).toArray();
        distinct = Arrays.copyOf(distinct, distinct.length + labels.length);
        System.arraycopy(labels, 0, distinct, distinct.length - labels.length, labels.length);
        distinct = Arrays.stream(distinct).distinct().sorted().toArray();
        renumber(labels, distinct);
        for (int[] member : predictions) {
            renumber(member, distinct);
        }
        return distinct.length;
    }

    private static void renumber(int[] values, int[] distinct) {
        for (int i = 0; i < values.length; i++) {
            values[i] = Arrays.binarySearch(distinct, values[i]);
        }
    }
}
