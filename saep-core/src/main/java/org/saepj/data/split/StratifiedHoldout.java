package org.saepj.data.split;

import java.util.Arrays;
import java.util.List;

/**
 * Stratified holdout: a seeded fraction of each class is held out (rounded to the nearest sample, at least
 * one per class when the class has two or more samples and the fraction is positive).
 */
public final class StratifiedHoldout {
    private StratifiedHoldout() {}

    /**
     * The two parts of a holdout split, indices sorted ascending.
     *
     * @param kept the indices that stay (for example the training partition)
     * @param heldOut the indices held out
     */
    public record Parts(int[] kept, int[] heldOut) {}

    /**
     * @param labels class index of each sample
     * @param fraction the share held out, in (0, 1)
     * @param seed shuffles the samples within each class
     * @return the kept and held-out indices
     */
    public static Parts split(int[] labels, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("holdout fraction must be in (0, 1), got " + fraction);
        }
        List<int[]> byClass = Stratified.shuffledByClass(labels, Stratified.classCount(labels), seed);
        int[] held = new int[labels.length];
        int[] kept = new int[labels.length];
        int h = 0;
        int k = 0;
        for (int[] idx : byClass) {
            int take = (int) Math.round(idx.length * fraction);
            if (take == 0 && idx.length >= 2) {
                take = 1;
            }
            if (take == idx.length && idx.length >= 2) {
                take = idx.length - 1;
            }
            for (int i = 0; i < idx.length; i++) {
                if (i < take) {
                    held[h++] = idx[i];
                } else {
                    kept[k++] = idx[i];
                }
            }
        }
        int[] keptOut = Arrays.copyOf(kept, k);
        int[] heldOut = Arrays.copyOf(held, h);
        Arrays.sort(keptOut);
        Arrays.sort(heldOut);
        return new Parts(keptOut, heldOut);
    }
}
