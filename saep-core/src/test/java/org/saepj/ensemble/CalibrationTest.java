package org.saepj.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The expected calibration error on cases worked out by hand. */
class CalibrationTest {
    /** @return logits whose softmax over two classes puts probability p on class 0 */
    private static float[] twoClass(double... p) {
        float[] out = new float[p.length * 2];
        for (int i = 0; i < p.length; i++) {
            out[2 * i] = (float) Math.log(p[i] / (1 - p[i]));
        }
        return out;
    }

    @Test
    void confidentAndRightIsCalibrated() {
        float[] logits = {30, 0, 0, 30};
        assertThat(Calibration.expectedError(logits, new int[] {0, 1}, 2)).isCloseTo(0, within(1e-9));
    }

    @Test
    void eachBinWeighsItsGapByItsShareOfSamples() {
        // Four samples at confidence 0.9 (bin (0.8667, 0.9333]), three right: gap |0.75 − 0.9| = 0.15.
        // Two samples at confidence 0.6 (bin (0.5333, 0.6]), both wrong: gap |0 − 0.6| = 0.6.
        float[] logits = twoClass(0.9, 0.9, 0.9, 0.9, 0.6, 0.6);
        int[] labels = {0, 0, 0, 1, 1, 1};
        double expected = 4.0 / 6 * 0.15 + 2.0 / 6 * 0.6;
        assertThat(Calibration.expectedError(logits, labels, 2)).isCloseTo(expected, within(1e-6));
    }

    @Test
    void sizesThatDoNotMatchAreRefused() {
        assertThatThrownBy(() -> Calibration.expectedError(new float[3], new int[] {0, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 2 samples × 2 classes");
    }
}
