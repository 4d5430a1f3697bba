package org.saepj.data.split;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Shared step of the stratified splits: each class's sample indices, shuffled with a seed. */
final class Stratified {
    private Stratified() {}

    static List<int[]> shuffledByClass(int[] labels, int classCount, long seed) {
        int[] counts = new int[classCount];
        for (int y : labels) {
            counts[y]++;
        }
        List<int[]> byClass = new ArrayList<>(classCount);
        int[] fill = new int[classCount];
        for (int c = 0; c < classCount; c++) {
            byClass.add(new int[counts[c]]);
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i])[fill[labels[i]]++] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int[] idx : byClass) {
            shuffle(idx, rng);
        }
        return byClass;
    }

    static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    static int classCount(int[] labels) {
        int max = -1;
        for (int y : labels) {
            if (y < 0) {
                throw new IllegalArgumentException("negative label " + y);
            }
            max = Math.max(max, y);
        }
        return max + 1;
    }
}
