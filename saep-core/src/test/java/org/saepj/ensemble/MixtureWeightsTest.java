package org.saepj.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.saepj.engine.optim.OptimizerSpec;

/** Learned mixture weights: the gradient against finite differences of the objective, and what a fit learns. */
class MixtureWeightsTest {
    static final int CLASSES = 4;

    static float[] randomLogits(SplittableRandom rng, int rows, double scale) {
        float[] h = new float[rows * CLASSES];
        for (int i = 0; i < h.length; i++) {
            h[i] = (float) (rng.nextGaussian() * scale);
        }
        return h;
    }

    @Test
    void gradientMatchesFiniteDifferencesOfTheObjective() {
        SplittableRandom rng = new SplittableRandom(5);
        int rows = 16;
        float[][] h = {randomLogits(rng, rows, 2), randomLogits(rng, rows, 1), randomLogits(rng, rows, 3)};
        int[] labels = rng.ints(rows, 0, CLASSES).toArray();
        double[] complexities = {0, 1, Math.sqrt(2)};
        Objective objective = new Objective(0.01, 0.002);
        float[] w = {0.5f, -0.2f, 0.3f};
        float[] grad = new float[3];
        MixtureWeights.gradient(
                h,
                org.saepj.task.ClassificationTask.crossEntropy(labels, CLASSES),
                CLASSES,
                java.util.stream.IntStream.range(0, rows).toArray(),
                0,
                rows,
                w,
                complexities,
                objective,
                new double[2 * CLASSES],
                grad);

        double eps = 1e-6;
        for (int j = 0; j < 3; j++) {
            double[] plus = toDouble(w);
            double[] minus = toDouble(w);
            plus[j] += eps;
            minus[j] -= eps;
            double numeric = (objectiveInDouble(h, plus, complexities, objective, labels)
                            - objectiveInDouble(h, minus, complexities, objective, labels))
                    / (2 * eps);
            assertThat((double) grad[j]).as("weight %d", j).isCloseTo(numeric, within(1e-5));
        }
    }

    /** F_obj computed in double throughout, so that finite differences are exact to about 1e-9. */
    static double objectiveInDouble(float[][] h, double[] w, double[] complexities, Objective objective, int[] labels) {
        int rows = labels.length;
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            double[] f = new double[CLASSES];
            for (int j = 0; j < h.length; j++) {
                for (int c = 0; c < CLASSES; c++) {
                    f[c] += w[j] * h[j][r * CLASSES + c];
                }
            }
            double max = Arrays.stream(f).max().orElseThrow();
            double sum = Arrays.stream(f).map(v -> Math.exp(v - max)).sum();
            loss += Math.log(sum) + max - f[labels[r]];
        }
        return loss / rows + objective.penalty(w, complexities);
    }

    @Test
    void aFitWeighsTheInformativeMemberUpAndTheNoiseDown() {
        SplittableRandom rng = new SplittableRandom(9);
        int rows = 64 * 50;
        int[] labels = rng.ints(rows, 0, CLASSES).toArray();
        float[] informative = new float[rows * CLASSES];
        for (int r = 0; r < rows; r++) {
            informative[r * CLASSES + labels[r]] = 2;
        }
        float[] noise = randomLogits(rng, rows, 2);
        int[] batches = rng.ints(rows, 0, rows).toArray();
        double[] w = MixtureWeights.fit(
                List.of(informative, noise),
                org.saepj.task.ClassificationTask.crossEntropy(labels, CLASSES),
                CLASSES,
                batches,
                64,
                new double[2],
                new Objective(0, 0),
                new OptimizerSpec.RmsProp(0.01f));
        assertThat(w[0]).isGreaterThan(0.8); // from 0.5
        assertThat(Math.abs(w[1])).isLessThan(0.2);
    }

    static double[] toDouble(float[] w) {
        return new double[] {w[0], w[1], w[2]};
    }
}
