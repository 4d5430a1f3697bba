package org.saepj.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Label smoothing of the classification loss: its value, its gradient, ε = 0, and regression's refusal. */
class LabelSmoothingTest {
    private static final int BATCH = 5;
    private static final int CLASSES = 4;

    private static float[] logits(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] z = new float[BATCH * CLASSES];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (rng.nextDouble() * 6 - 3);
        }
        return z;
    }

    private static final int[] LABELS = {0, 3, 1, 1, 2};

    @Test
    void zeroSmoothingIsThePlainLossBitForBit() {
        float[] z = logits(1);
        ClassLabels y = new ClassLabels(LABELS, java.util.List.of("a", "b", "c", "d"));
        Loss plain = ClassificationTask.INSTANCE.loss(y);
        Loss smoothed = ClassificationTask.INSTANCE.trainingLoss(y, 0);
        int[] rows = {4, 0, 2, 1, 3};
        float[] g1 = new float[z.length];
        float[] g2 = new float[z.length];
        assertThat(smoothed.batch(z, rows, BATCH, g2)).isEqualTo(plain.batch(z, rows, BATCH, g1));
        assertThat(g2).containsExactly(g1);
        assertThat(smoothed.mean(z)).isEqualTo(plain.mean(z));
    }

    @Test
    void valueIsTheCrossEntropyAgainstTheSmoothedTarget() {
        // by hand for one sample of two classes, logits (0, 0), label 0, ε = 0.2: q = (0.9, 0.1), p = (½, ½),
        // loss = −0.9·ln ½ − 0.1·ln ½ = ln 2
        float one =
                SoftmaxCrossEntropy.smoothedLossAndGradient(new float[] {0, 0}, new int[] {0}, null, 1, 2, 0.2, null);
        assertThat((double) one).isCloseTo(Math.log(2), within(1e-6));
        // logits (2, 0), label 1, ε = 0.1: p1 = 1/(1 + e²), q = (0.05, 0.95)
        double lse = Math.log(Math.exp(2) + 1);
        double expected = 0.05 * (lse - 2) + 0.95 * lse;
        float[] grad = new float[2];
        float two =
                SoftmaxCrossEntropy.smoothedLossAndGradient(new float[] {2, 0}, new int[] {1}, null, 1, 2, 0.1, grad);
        assertThat((double) two).isCloseTo(expected, within(1e-6));
        double p0 = Math.exp(2) / (Math.exp(2) + 1);
        assertThat((double) grad[0]).isCloseTo(p0 - 0.05, within(1e-6));
        assertThat((double) grad[1]).isCloseTo(1 - p0 - 0.95, within(1e-6));
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        float[] z = logits(2);
        double eps = 0.15;
        float[] grad = new float[z.length];
        SoftmaxCrossEntropy.smoothedLossAndGradient(z, LABELS, null, BATCH, CLASSES, eps, grad);
        double h = 1e-3;
        for (int i = 0; i < z.length; i++) {
            float keep = z[i];
            z[i] = (float) (keep + h);
            double up = SoftmaxCrossEntropy.smoothedMeanLoss(z, LABELS, CLASSES, eps);
            z[i] = (float) (keep - h);
            double down = SoftmaxCrossEntropy.smoothedMeanLoss(z, LABELS, CLASSES, eps);
            z[i] = keep;
            assertThat((double) grad[i]).as("logit %d", i).isCloseTo((up - down) / (2 * h), within(2e-4));
        }
        // the gradient of each sample sums to 0: softmax and the smoothed target both sum to 1
        for (int b = 0; b < BATCH; b++) {
            double sum = 0;
            for (int j = 0; j < CLASSES; j++) {
                sum += grad[b * CLASSES + j];
            }
            assertThat(sum).isCloseTo(0, within(1e-7));
        }
    }

    @Test
    void batchAndMeanAgree() {
        float[] z = logits(3);
        float batch = SoftmaxCrossEntropy.smoothedLossAndGradient(z, LABELS, null, BATCH, CLASSES, 0.1, null);
        assertThat((double) batch)
                .isCloseTo(SoftmaxCrossEntropy.smoothedMeanLoss(z, LABELS, CLASSES, 0.1), within(1e-6));
        ClassLabels y = new ClassLabels(LABELS, java.util.List.of("a", "b", "c", "d"));
        Loss smoothed = ClassificationTask.INSTANCE.trainingLoss(y, 0.1);
        double[] combined = new double[CLASSES];
        double[] delta = new double[CLASSES];
        float[] grad = new float[z.length];
        smoothed.batch(z, new int[] {0, 1, 2, 3, 4}, BATCH, grad);
        for (int j = 0; j < CLASSES; j++) {
            combined[j] = z[CLASSES + j];
        }
        smoothed.sampleGradient(combined, 1, delta);
        for (int j = 0; j < CLASSES; j++) {
            // the batch gradient is the mean's: the sample's own times 1/batch
            assertThat(delta[j] / BATCH).isCloseTo(grad[CLASSES + j], within(1e-6));
        }
    }

    @Test
    void refusesSmoothingOutOfRangeAndForValues() {
        ClassLabels y = new ClassLabels(LABELS, java.util.List.of("a", "b", "c", "d"));
        assertThatThrownBy(() -> ClassificationTask.INSTANCE.trainingLoss(y, 1))
                .hasMessage("label smoothing must be in [0, 1), got 1.0");
        RealValues v = new RealValues(new double[] {1, 2});
        assertThat(RegressionTask.INSTANCE.trainingLoss(v, 0)).isNotNull();
        assertThatThrownBy(() -> RegressionTask.INSTANCE.trainingLoss(v, 0.1))
                .hasMessage("label smoothing applies to classes, and a regression task has none");
    }
}
