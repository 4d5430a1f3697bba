package org.saepj.data.split;

import java.util.Arrays;
import java.util.List;

/**
 * Stratified K-fold partition: the folds are disjoint, cover every sample, and each class's count differs
 * by at most one between folds (each class is dealt round-robin, continuing where the previous class
 * stopped, so fold sizes also differ by at most one).
 */
public final class StratifiedKFold {
    private StratifiedKFold() {}

    /**
     * @param labels class index of each sample
     * @param k the number of folds, 2 or more and at most the sample count
     * @param seed shuffles the samples within each class
     * @return the test indices of each fold, each sorted ascending
     */
    public static int[][] folds(int[] labels, int k, long seed) {
        if (k < 2 || k > labels.length) {
            throw new IllegalArgumentException(
                    "folds must be between 2 and the sample count " + labels.length + ", got " + k);
        }
        List<int[]> byClass = Stratified.shuffledByClass(labels, Stratified.classCount(labels), seed);
        int[][] folds = new int[k][];
        int[] sizes = new int[k];
        int next = 0;
        int[] assignment = new int[labels.length];
        for (int[] idx : byClass) {
            for (int i : idx) {
                assignment[i] = next;
                sizes[next]++;
                next = (next + 1) % k;
            }
        }
        int[] fill = new int[k];
        for (int f = 0; f < k; f++) {
            folds[f] = new int[sizes[f]];
        }
        for (int i = 0; i < labels.length; i++) {
            folds[assignment[i]][fill[assignment[i]]++] = i;
        }
        return folds;
    }

    /**
     * @param folds the folds from {@link #folds}
     * @param testFold the fold held out
     * @return the indices of every other fold, sorted ascending
     */
    public static int[] trainIndices(int[][] folds, int testFold) {
        return Arrays.stream(folds, 0, folds.length)
                .filter(f -> f != folds[testFold])
                .flatMapToInt(Arrays::stream)
                .sorted()
                .toArray();
    }
}
