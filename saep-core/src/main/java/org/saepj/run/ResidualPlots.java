package org.saepj.run;

import java.util.Arrays;
import org.saepj.task.RealValues;

/**
 * The residual plots of a regression ensemble on rows whose true values are known: its predictions against the true
 * values (on the diagonal when perfect) and the residuals (true − predicted) against the predictions (scattered
 * evenly around zero when the errors are not systematic), both in the data's unit.
 */
public final class ResidualPlots {
    private final double[] actual;
    private final double[] predicted;

    private ResidualPlots(double[] actual, double[] predicted) {
        this.actual = actual;
        this.predicted = predicted;
    }

    /**
     * @param combined the ensemble's outputs, standardised, one per sample
     * @param y the true values, with the standardisation the outputs are mapped back with
     * @return the plots of those predictions
     */
    public static ResidualPlots of(float[] combined, RealValues y) {
        if (combined.length != y.size()) {
            throw new IllegalArgumentException(combined.length + " outputs for " + y.size() + " values");
        }
        double[] predicted = new double[combined.length];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = y.toValue(combined[i]);
        }
        return new ResidualPlots(y.values().clone(), predicted);
    }

    /** @return the predictions (y) against the true values (x), under the diagonal of a perfect prediction */
    public byte[] predictedVsActual() {
        double lo = Math.min(min(actual), min(predicted));
        double hi = Math.max(max(actual), max(predicted));
        return Charts.points(
                "Predicted against actual",
                "actual value",
                "predicted value",
                new Charts.Series("samples", actual, predicted, null),
                new Charts.Series("perfect prediction", new double[] {lo, hi}, new double[] {lo, hi}, null));
    }

    /** @return the residuals, true − predicted (y), against the predictions (x), over the zero line */
    public byte[] residualsVsPredicted() {
        double[] residuals = new double[actual.length];
        for (int i = 0; i < residuals.length; i++) {
            residuals[i] = actual[i] - predicted[i];
        }
        return Charts.points(
                "Residuals against predicted",
                "predicted value",
                "residual (actual − predicted)",
                new Charts.Series("samples", predicted, residuals, null),
                new Charts.Series(
                        "no error", new double[] {min(predicted), max(predicted)}, new double[] {0, 0}, null));
    }

    /**
     * Adds both plots under one heading.
     *
     * @param html the page
     * @param rows which rows the plots are of, for the heading ("test data")
     * @return the page
     */
    public HtmlReport addTo(HtmlReport html, String rows) {
        return html.heading("Residuals (" + rows + ")")
                .paragraph("Each point is one of the " + actual.length + " samples. Points on the diagonal are"
                        + " predicted exactly; residuals spread evenly around zero, with no trend or funnel, show"
                        + " errors that are not systematic.")
                .image("Predicted against actual (" + rows + ")", predictedVsActual())
                .image("Residuals against predicted (" + rows + ")", residualsVsPredicted());
    }

    /** @return how many samples are plotted */
    public int samples() {
        return actual.length;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}
