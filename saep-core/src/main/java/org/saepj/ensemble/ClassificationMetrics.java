package org.saepj.ensemble;

import java.util.Arrays;

/**
 * How an ensemble's predictions meet the labels: the confusion matrix (rows the true class, columns the predicted
 * one), per-class precision, recall and F1 with their support, macro-F1, and for two classes the ROC AUC of the
 * probability of class 1. Definitions as scikit-learn's defaults ({@code zero_division=0}): a class never predicted
 * has precision 0, one without samples recall 0, and F1 is 0 where precision + recall is 0; macro-F1 averages the
 * classes that occur among the labels or the predictions. The AUC is the Mann–Whitney statistic, tied scores counting
 * one half; it does not exist (NaN, written {@code null}) for more than two classes or a class without samples.
 *
 * @param confusion {@code confusion[true][predicted]}: sample counts
 * @param precision per class
 * @param recall per class
 * @param f1 per class
 * @param support samples of each class
 * @param macroF1 the mean F1 over the classes that occur
 * @param rocAuc the binary ROC AUC, or NaN
 */
public record ClassificationMetrics(
        int[][] confusion,
        double[] precision,
        double[] recall,
        double[] f1,
        int[] support,
        double macroF1,
        double rocAuc) {
    /**
     * @param logits the ensemble's logits, {@code n × classes}
     * @param labels the true classes
     * @param classes the number of classes
     * @return the metrics
     */
    public static ClassificationMetrics of(float[] logits, int[] labels, int classes) {
        int[] predicted = Logits.argmax(logits, classes);
        int[][] confusion = new int[classes][classes];
        for (int i = 0; i < labels.length; i++) {
            confusion[labels[i]][predicted[i]]++;
        }
        double[] precision = new double[classes];
        double[] recall = new double[classes];
        double[] f1 = new double[classes];
        int[] support = new int[classes];
        double f1Sum = 0;
        int occurring = 0;
        for (int c = 0; c < classes; c++) {
            int tp = confusion[c][c];
            int predictedC = 0;
            for (int t = 0; t < classes; t++) {
                predictedC += confusion[t][c];
                support[c] += confusion[c][t];
            }
            precision[c] = predictedC == 0 ? 0 : (double) tp / predictedC;
            recall[c] = support[c] == 0 ? 0 : (double) tp / support[c];
            f1[c] = precision[c] + recall[c] == 0 ? 0 : 2 * precision[c] * recall[c] / (precision[c] + recall[c]);
            if (predictedC > 0 || support[c] > 0) {
                f1Sum += f1[c];
                occurring++;
            }
        }
        double auc = classes == 2 ? rocAuc(positiveScores(logits, labels.length), labels) : Double.NaN;
        return new ClassificationMetrics(
                confusion, precision, recall, f1, support, occurring == 0 ? Double.NaN : f1Sum / occurring, auc);
    }

    /** @return the softmax probability of class 1 of each two-class row */
    private static double[] positiveScores(float[] logits, int n) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            // softmax(z)_1 = 1 / (1 + e^(z0 − z1)), monotone in z1 − z0: the ranking the AUC needs.
            s[i] = 1 / (1 + Math.exp((double) logits[2 * i] - logits[2 * i + 1]));
        }
        return s;
    }

    /**
     * @param scores each sample's score for class 1
     * @param labels 0 or 1
     * @return the probability that a random positive scores above a random negative (ties one half), NaN without both
     */
    static double rocAuc(double[] scores, int[] labels) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRanks = 0;
        long positives = 0;
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j < order.length && scores[order[j]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0; // ranks i+1 … j share their mean
            for (int k = i; k < j; k++) {
                if (labels[order[k]] == 1) {
                    positiveRanks += rank;
                    positives++;
                }
            }
            i = j;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassificationMetrics m
                && Arrays.deepEquals(m.confusion, confusion)
                && Arrays.equals(m.precision, precision)
                && Arrays.equals(m.recall, recall)
                && Arrays.equals(m.f1, f1)
                && Arrays.equals(m.support, support)
                && Double.compare(m.macroF1, macroF1) == 0
                && Double.compare(m.rocAuc, rocAuc) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(confusion) * 31 + Double.hashCode(macroF1);
    }

    @Override
    public String toString() {
        return "ClassificationMetrics[macroF1=" + macroF1 + ", rocAuc=" + rocAuc + ", confusion="
                + Arrays.deepToString(confusion) + "]";
    }
}
