package org.saepj.data;

import java.util.List;

/**
 * The paper's binary tasks: keep only classes c0 and c1 and relabel them 0 and 1, keeping their names, so
 * the subnetworks get a 2-way head (spec §2; the released code kept a 10-way head, spec §10.8).
 *
 * @param first the class that becomes 0
 * @param second the class that becomes 1
 */
public record BinaryPair(int first, int second) {
    /**
     * Checks that the classes differ and are not negative.
     *
     * @param first the class that becomes 0
     * @param second the class that becomes 1
     */
    public BinaryPair {
        if (first < 0 || second < 0 || first == second) {
            throw new IllegalArgumentException("a pair needs two different class indices, got " + first + "," + second);
        }
    }

    /**
     * @param data a dataset containing both classes
     * @return the samples of the two classes, in their original order, labelled 0 and 1
     */
    public Dataset apply(Dataset data) {
        if (first >= data.classCount() || second >= data.classCount()) {
            throw new IllegalArgumentException(
                    "pair " + first + "," + second + " needs classes below " + data.classCount());
        }
        int[] y = data.labels();
        int n = 0;
        for (int label : y) {
            if (label == first || label == second) {
                n++;
            }
        }
        int[] idx = new int[n];
        int k = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == first || y[i] == second) {
                idx[k++] = i;
            }
        }
        Dataset picked = data.subset(idx, data.name() + "/pair" + first + "v" + second);
        int[] relabelled = new int[n];
        for (int i = 0; i < n; i++) {
            relabelled[i] = picked.labels()[i] == first ? 0 : 1;
        }
        return new Dataset(
                picked.name(),
                picked.features(),
                relabelled,
                picked.shape(),
                List.of(data.classNames().get(first), data.classNames().get(second)));
    }
}
