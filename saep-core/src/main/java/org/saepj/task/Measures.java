package org.saepj.task;

import org.saepj.diversity.Diversity;
import org.saepj.ensemble.ClassificationMetrics;

/**
 * What a task measures of an ensemble on test data: the classification fields the reports have always held, and
 * the regression measures. A field a task does not measure is NaN, empty, or null.
 *
 * @param accuracy accuracy of the combined outputs (NaN for regression)
 * @param loss the task's mean loss of the combined outputs
 * @param diversity pairwise diversity of the members' predicted classes (no pairs for regression)
 * @param nmiWithLabels each member's normalised mutual information with the labels (empty for regression)
 * @param viMatrix variation of information between members (empty for regression)
 * @param classification confusion matrix and per-class figures, or null
 * @param regression RMSE, MAE, R², the mean-predictor baseline and the ambiguity decomposition, or null
 */
public record Measures(
        double accuracy,
        double loss,
        Diversity diversity,
        double[] nmiWithLabels,
        double[][] viMatrix,
        ClassificationMetrics classification,
        RegressionMetrics regression) {}
