package org.saepj.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Temperature scaling fitted on held-out logits, and the calibration it is judged by. */
class TemperatureScalingTest {
    private static final int CLASSES = 4;

    /**
     * Samples whose labels are drawn from softmax(z), presented as logits {@code sharpness · z}: calibrated at
     * sharpness 1, over-confident above it, under-confident below it.
     */
    private record Sample(float[] logits, int[] labels) {}

    private static Sample sample(int n, double sharpness, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] logits = new float[n * CLASSES];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            float[] z = new float[CLASSES];
            for (int c = 0; c < CLASSES; c++) {
                z[c] = (float) (rng.nextGaussian() * 1.5);
            }
            double[] p = Logits.softmax(z);
            double u = rng.nextDouble();
            int y = CLASSES - 1;
            for (int c = 0; c < CLASSES; c++) {
                u -= p[c];
                if (u < 0) {
                    y = c;
                    break;
                }
            }
            labels[i] = y;
            for (int c = 0; c < CLASSES; c++) {
                logits[i * CLASSES + c] = (float) (z[c] * sharpness);
            }
        }
        return new Sample(logits, labels);
    }

    @Test
    void anOverConfidentModelGetsATemperatureNearItsSharpnessThatLowersTheNllAndEceOfOtherData() {
        Sample validation = sample(4000, 3, 1);
        Sample test = sample(4000, 3, 2);
        double t = TemperatureScaling.fit(validation.logits(), validation.labels(), CLASSES)
                .orElseThrow();
        assertThat(t).isCloseTo(3, within(0.3));
        double before = TemperatureScaling.nll(test.logits(), test.labels(), CLASSES, 1);
        double after = TemperatureScaling.nll(test.logits(), test.labels(), CLASSES, t);
        assertThat(after).isLessThan(before - 0.2);
        // the NLL is lowest at the fitted temperature on the data it was fitted on
        double fitted = TemperatureScaling.nll(validation.logits(), validation.labels(), CLASSES, t);
        assertThat(fitted)
                .isLessThan(TemperatureScaling.nll(validation.logits(), validation.labels(), CLASSES, t * 1.05))
                .isLessThan(TemperatureScaling.nll(validation.logits(), validation.labels(), CLASSES, t / 1.05));
        double eceBefore = Calibration.expectedError(test.logits(), test.labels(), CLASSES);
        float[] scaled = TemperatureScaling.apply(test.logits(), t);
        double eceAfter = Calibration.expectedError(scaled, test.labels(), CLASSES);
        // over-confidence by three is far from calibrated; scaled back it is within sampling noise
        assertThat(eceBefore).isGreaterThan(0.15);
        assertThat(eceAfter).isLessThan(0.04);
        // no prediction changes
        assertThat(Logits.argmax(scaled, CLASSES)).isEqualTo(Logits.argmax(test.logits(), CLASSES));
    }

    @Test
    void anUnderConfidentModelGetsATemperatureBelowOneAndACalibratedOneStaysNearOne() {
        Sample under = sample(4000, 0.5, 3);
        assertThat(TemperatureScaling.fit(under.logits(), under.labels(), CLASSES)
                        .orElseThrow())
                .isCloseTo(0.5, within(0.06));
        Sample calibrated = sample(4000, 1, 4);
        assertThat(TemperatureScaling.fit(calibrated.logits(), calibrated.labels(), CLASSES)
                        .orElseThrow())
                .isCloseTo(1, within(0.1));
        assertThat(Calibration.expectedError(calibrated.logits(), calibrated.labels(), CLASSES))
                .isLessThan(0.04);
    }

    @Test
    void theReportMeasuresTheTestDataWithAndWithoutTheTemperatureFittedOnHeldOutData() {
        Sample validation = sample(3000, 2.5, 5);
        Sample test = sample(3000, 2.5, 6);
        CalibrationReport r = CalibrationReport.scaled(
                test.logits(), test.labels(), validation.logits(), validation.labels(), CLASSES, "fitted");
        assertThat(r.temperature()).isCloseTo(2.5, within(0.3));
        assertThat(r.nllScaled()).isLessThan(r.nll());
        assertThat(r.eceScaled()).isLessThan(r.ece());
        assertThat(r.brierScaled()).isLessThan(r.brier());
        assertThat(r.eceAsSaved()).isEqualTo(r.eceScaled());
        assertThat(r.reliability().samples()).isEqualTo(3000);
        assertThat(r.reliability().expectedError()).isEqualTo(r.ece());
        CalibrationReport none = CalibrationReport.unscaled(test.logits(), test.labels(), CLASSES, "none");
        assertThat(none.temperature()).isNull();
        assertThat(none.eceAsSaved()).isEqualTo(r.ece());
        assertThat(none.nll()).isCloseTo(Logits.meanLoss(test.logits(), test.labels(), CLASSES), within(1e-4));
    }

    /**
     * Held-out data with every class first by a margin has no NLL minimum: T → 0 would make every test prediction
     * certain, wrong ones included, so none is fitted and the report says why.
     */
    @Test
    void heldOutDataWithoutAnErrorNearTheBoundaryFitsNoTemperature() {
        float[] separable = {4, 0, 0, 1, 0, 5, 1, 0, 1, 0, 3, 0};
        int[] right = {0, 1, 2};
        assertThat(TemperatureScaling.fit(separable, right, CLASSES)).isEmpty();
        Sample test = sample(500, 2.5, 8);
        CalibrationReport r =
                CalibrationReport.scaled(test.logits(), test.labels(), separable, right, CLASSES, "fitted");
        assertThat(r.temperature()).isNull();
        assertThat(r.note()).contains("no temperature", "3 validation samples");
        assertThat(r.eceAsSaved()).isEqualTo(r.ece());
    }

    @Test
    void aTemperatureNeedsSamplesAndTwoClasses() {
        assertThatThrownBy(() -> TemperatureScaling.fit(new float[0], new int[0], 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one sample");
    }
}
