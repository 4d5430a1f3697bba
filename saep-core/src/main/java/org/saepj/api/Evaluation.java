package org.saepj.api;

import org.saepj.ensemble.Calibration;
import org.saepj.ensemble.ClassificationMetrics;
import org.saepj.ensemble.Logits;

/**
 * A classifier measured on labelled rows, as {@code saep evaluate} measures a saved ensemble, with its calibration.
 *
 * @param samples the number of rows
 * @param accuracy the share of rows whose predicted class is their label
 * @param logLoss the mean cross-entropy of the predicted probabilities (natural logarithm)
 * @param calibrationError the expected calibration error ({@link Calibration}: {@value Calibration#BINS} bins of
 *     confidence)
 * @param metrics the confusion matrix, per-class precision, recall and F1, macro-F1 and, for two classes, the ROC AUC
 */
public record Evaluation(
        int samples, double accuracy, double logLoss, double calibrationError, ClassificationMetrics metrics) {
    /**
     * @param logits the ensemble's logits, {@code samples × classes}
     * @param labels the true class indices
     * @param classes the number of classes
     * @return the measures
     */
    static Evaluation of(float[] logits, int[] labels, int classes) {
        return new Evaluation(
                labels.length,
                Logits.accuracy(logits, labels, classes),
                Logits.meanLoss(logits, labels, classes),
                Calibration.expectedError(logits, labels, classes),
                ClassificationMetrics.of(logits, labels, classes));
    }

    /** @return the unweighted mean of the classes' F1 scores */
    public double macroF1() {
        return metrics.macroF1();
    }
}
