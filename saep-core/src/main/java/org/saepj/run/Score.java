package org.saepj.run;

import org.saepj.task.Task;

/**
 * The metric a run is summarised and compared by: its task's headline metric ({@code accuracy} for classification,
 * {@code RMSE} for regression), and which way is better. Tables, plots and "best" marks read it instead of assuming
 * accuracy, so a comparison of regression runs ranks the lowest error first.
 *
 * @param metric the metric's name as tables print it after "test ": {@code accuracy}, {@code RMSE}
 * @param higherIsBetter whether a larger value is better
 */
public record Score(String metric, boolean higherIsBetter) {
    /** Classification's headline, and the metric of every report written before regression existed. */
    public static final Score ACCURACY = new Score("accuracy", true);

    /**
     * @param task a task
     * @return its headline metric
     */
    public static Score of(Task task) {
        return new Score(task.headlineMetric(), task.higherIsBetter());
    }

    /** @return whether the metric is a proportion in [0, 1] (accuracy), drawn on a proportion's honest axis */
    public boolean isProportion() {
        return equals(ACCURACY);
    }

    /** @return the label of the test figure: "test accuracy", "test RMSE" */
    public String label() {
        return "test " + metric;
    }

    /** @return the metric's name for a JSON key after a prefix: {@code Accuracy}, {@code Rmse} (as in testRmse) */
    public String key() {
        String lower = metric.toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /**
     * @param series what a chart draws of this metric
     * @return accuracy on an honest axis (at least 5 points, its range in the caption); null for an error, drawn on
     *     its own scale
     */
    Charts.Axis axis(java.util.List<Charts.Series> series) {
        return isProportion() ? Charts.Axis.accuracy(series) : null;
    }

    /**
     * @param a one value
     * @param b another
     * @return whether {@code a} is strictly better than {@code b}
     */
    public boolean better(double a, double b) {
        return higherIsBetter ? a > b : a < b;
    }
}
