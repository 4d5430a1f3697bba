package org.saepj.search;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.saepj.diversity.Diversity;
import org.saepj.task.RegressionMetrics;

/**
 * The final ensemble measured on the test partition.
 *
 * @param testAccuracy accuracy of the weighted logits
 * @param testLoss mean cross-entropy of the weighted logits
 * @param ensembleSize members
 * @param parameters parameters of all members
 * @param diversity pairwise diversity of the members' predictions
 * @param nmiWithLabels each member's normalised mutual information with the labels
 * @param viMatrix normalised variation of information between each pair of members
 * @param inferenceSamplesPerSecond throughput of the whole ensemble, batched, one thread
 * @param inferenceSeconds the wall time of that throughput measurement
 * @param classification confusion matrix, per-class precision/recall/F1, macro-F1 and the binary ROC AUC (null in
 *     reports written before it existed; null for regression)
 * @param trainAccuracy accuracy of the weighted logits on the training partition, beside the test accuracy to show
 *     over- or under-fitting (null in reports written before it existed)
 * @param memberTestAccuracies each final member's own test accuracy, in the members' order (null in reports written
 *     before it existed)
 * @param memberTrainAccuracies each final member's own accuracy on the training partition, in the members' order
 *     (null in reports written before it existed)
 * @param regression RMSE, MAE, R², the mean-predictor baseline and the ambiguity decomposition (regression only: the
 *     key is absent from classification reports)
 * @param memberTestRmse each final member's own test RMSE, in the members' order (regression only: the key is absent
 *     from classification reports and from reports written before it existed)
 * @param calibration ECE, NLL, Brier score and the reliability bins on the test data, with and without the temperature
 *     fitted on the validation part (classification only; absent from reports written before it existed)
 */
public record FinalMetrics(
        double testAccuracy,
        double testLoss,
        int ensembleSize,
        long parameters,
        Diversity diversity,
        double[] nmiWithLabels,
        double[][] viMatrix,
        double inferenceSamplesPerSecond,
        double inferenceSeconds,
        org.saepj.ensemble.ClassificationMetrics classification,
        Double trainAccuracy,
        double[] memberTestAccuracies,
        double[] memberTrainAccuracies,
        @JsonInclude(JsonInclude.Include.NON_NULL) RegressionMetrics regression,
        @JsonInclude(JsonInclude.Include.NON_NULL) double[] memberTestRmse,
        @JsonInclude(JsonInclude.Include.NON_NULL) org.saepj.ensemble.CalibrationReport calibration) {
    /** @return the task's headline on the test partition: the accuracy, or a regression's RMSE in the data's unit */
    @JsonIgnore
    public double headline() {
        return regression == null ? testAccuracy : regression.rmse();
    }
}
