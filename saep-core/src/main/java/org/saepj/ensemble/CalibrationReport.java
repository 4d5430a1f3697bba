package org.saepj.ensemble;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.OptionalDouble;

/**
 * How well the final ensemble's probabilities match its accuracy on the test data, before and, when a temperature
 * was fitted on the validation part, after temperature scaling ({@link TemperatureScaling}). The temperature is
 * never fitted on the test data; the test data only measures.
 *
 * @param ece the expected calibration error ({@link Calibration}, {@value Calibration#BINS} bins) of the logits
 * @param nll their mean negative log-likelihood
 * @param brier their Brier score
 * @param reliability their confidence bins, for a reliability diagram
 * @param temperature the fitted temperature, or null when none was fitted
 * @param note what was done: where the temperature was fitted, or why none was
 * @param eceScaled the ECE of the logits divided by the temperature, or null
 * @param nllScaled their NLL, or null
 * @param brierScaled their Brier score, or null
 * @param reliabilityScaled their confidence bins, or null
 */
public record CalibrationReport(
        double ece,
        double nll,
        double brier,
        Calibration.Bins reliability,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double temperature,
        String note,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double eceScaled,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double nllScaled,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double brierScaled,
        @JsonInclude(JsonInclude.Include.NON_NULL) Calibration.Bins reliabilityScaled) {

    /**
     * The test data's calibration with no temperature.
     *
     * @param logits the ensemble's test logits
     * @param labels the test labels
     * @param classes the number of classes
     * @param note why no temperature was fitted
     * @return the report
     */
    public static CalibrationReport unscaled(float[] logits, int[] labels, int classes, String note) {
        return new CalibrationReport(
                Calibration.expectedError(logits, labels, classes),
                TemperatureScaling.nll(logits, labels, classes, 1),
                Calibration.brier(logits, labels, classes),
                Calibration.reliability(logits, labels, classes),
                null,
                note,
                null,
                null,
                null,
                null);
    }

    /**
     * Fits a temperature on held-out logits and measures the test data with and without it.
     *
     * @param logits the ensemble's test logits
     * @param labels the test labels
     * @param heldOut the ensemble's logits on the validation part
     * @param heldOutLabels its labels
     * @param classes the number of classes
     * @param note where the temperature was fitted
     * @return the report; unscaled, saying why, when the held-out data cannot bound a temperature
     */
    public static CalibrationReport scaled(
            float[] logits, int[] labels, float[] heldOut, int[] heldOutLabels, int classes, String note) {
        OptionalDouble fitted = TemperatureScaling.fit(heldOut, heldOutLabels, classes);
        if (fitted.isEmpty()) {
            return unscaled(
                    logits,
                    labels,
                    classes,
                    "no temperature: on the " + heldOutLabels.length + " validation samples the NLL keeps falling"
                            + " as the temperature goes to 0 (no sample close to a wrong class), so they cannot fit"
                            + " one; a larger validation part can (--validation)");
        }
        double t = fitted.getAsDouble();
        float[] scaled = TemperatureScaling.apply(logits, t);
        CalibrationReport before = unscaled(logits, labels, classes, note);
        return new CalibrationReport(
                before.ece(),
                before.nll(),
                before.brier(),
                before.reliability(),
                t,
                note,
                Calibration.expectedError(scaled, labels, classes),
                TemperatureScaling.nll(logits, labels, classes, t),
                Calibration.brier(scaled, labels, classes),
                Calibration.reliability(scaled, labels, classes));
    }

    /** @return the ECE of the probabilities the saved ensemble gives: after scaling when a temperature was fitted */
    public double eceAsSaved() {
        return eceScaled == null ? ece : eceScaled;
    }

    /** @return the NLL of the probabilities the saved ensemble gives */
    public double nllAsSaved() {
        return nllScaled == null ? nll : nllScaled;
    }
}
