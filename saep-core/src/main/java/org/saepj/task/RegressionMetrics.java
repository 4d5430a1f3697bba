package org.saepj.task;

import java.util.List;

/**
 * How a regression ensemble's values meet the true values, in the data's unit, with the ambiguity decomposition of
 * its error (Krogh &amp; Vedelsby 1995): for members combined by normalised weights {@code v_j = w_j / Σ w},
 * {@code ensembleMse = averageMemberMse − averageAmbiguity}, the ambiguity being each member's mean squared distance
 * from the combination, weighted by {@code v_j}. A larger ambiguity at the same member error is a more diverse
 * ensemble.
 *
 * @param rmse root mean squared error of the ensemble's values
 * @param mae mean absolute error
 * @param r2 coefficient of determination, {@code 1 − SSE / SST} around the mean of these true values
 * @param baselineRmse the RMSE of predicting the training part's mean for every sample
 * @param ensembleMse the squared error of the normalised combination (equal to {@code rmse²} when the weights sum to 1)
 * @param averageMemberMse the weighted average of the members' squared errors
 * @param averageAmbiguity the weighted average of the members' squared distances from the combination
 */
public record RegressionMetrics(
        double rmse,
        double mae,
        double r2,
        double baselineRmse,
        double ensembleMse,
        double averageMemberMse,
        double averageAmbiguity) {
    /**
     * Measures an ensemble.
     *
     * @param combined the ensemble's outputs, standardised, one per sample
     * @param members each member's outputs, standardised
     * @param weights the members' mixture weights
     * @param y the true values, with the training part's standardisation
     * @return the measures, in the data's unit
     */
    public static RegressionMetrics of(float[] combined, List<float[]> members, double[] weights, RealValues y) {
        int n = y.size();
        double[] truth = y.values();
        double mean = 0;
        for (double t : truth) {
            mean += t;
        }
        mean /= n;
        double sse = 0;
        double sae = 0;
        double sst = 0;
        double baseline = 0;
        for (int i = 0; i < n; i++) {
            double e = y.toValue(combined[i]) - truth[i];
            sse += e * e;
            sae += Math.abs(e);
            sst += (truth[i] - mean) * (truth[i] - mean);
            baseline += (truth[i] - y.mean()) * (truth[i] - y.mean());
        }
        double[] v = normalised(weights);
        double memberMse = 0;
        double ambiguity = 0;
        double ensembleMse = 0;
        for (int i = 0; i < n; i++) {
            double f = 0;
            for (int j = 0; j < v.length; j++) {
                f += v[j] * y.toValue(members.get(j)[i]);
            }
            ensembleMse += (f - truth[i]) * (f - truth[i]);
            for (int j = 0; j < v.length; j++) {
                double h = y.toValue(members.get(j)[i]);
                memberMse += v[j] * (h - truth[i]) * (h - truth[i]);
                ambiguity += v[j] * (h - f) * (h - f);
            }
        }
        return new RegressionMetrics(
                Math.sqrt(sse / n),
                sae / n,
                sst > 0 ? 1 - sse / sst : Double.NaN,
                Math.sqrt(baseline / n),
                ensembleMse / n,
                memberMse / n,
                ambiguity / n);
    }

    /** Weights scaled to sum to 1; uniform when they sum to 0 (no convex combination to decompose). */
    private static double[] normalised(double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] v = new double[weights.length];
        for (int j = 0; j < v.length; j++) {
            v[j] = sum != 0 ? weights[j] / sum : 1.0 / v.length;
        }
        return v;
    }
}
