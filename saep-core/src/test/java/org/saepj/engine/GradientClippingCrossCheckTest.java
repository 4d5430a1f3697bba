package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.saepj.engine.optim.ClippedOptimizer;

/**
 * Gradient clipping against PyTorch (through DJL, test scope only). DJL does not expose
 * {@code torch.nn.utils.clip_grad_norm_}, so the test runs its steps as PyTorch 2 writes them, in PyTorch's float32
 * tensors: the norm of each parameter's gradient, the norm of those norms, {@code clip_coef = maxNorm / (total +
 * 1e-6)} clamped at 1, and every gradient multiplied by it. Our clipping of the same gradients, laid end to end as the
 * network keeps them, must agree.
 */
class GradientClippingCrossCheckTest {
    /** The sizes of the parameter tensors: a small network's weights and biases. */
    private static final int[] TENSORS = {784 * 32, 32, 32 * 32, 32, 32 * 10, 10};

    @Test
    void clippedGradientsMatchPyTorch() {
        for (double maxNorm : new double[] {0.5, 5, 1e6}) {
            SplittableRandom rng = new SplittableRandom(11);
            int n = 0;
            for (int t : TENSORS) {
                n += t;
            }
            float[] flat = new float[n];
            for (int i = 0; i < n; i++) {
                flat[i] = (float) (rng.nextGaussian() * 0.05);
            }
            float[] ours = flat.clone();
            double ourNorm = ClippedOptimizer.clip(ours, maxNorm);
            try (NDManager m =
                    NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice(), "PyTorch")) {
                NDList grads = new NDList();
                NDList norms = new NDList();
                int at = 0;
                for (int t : TENSORS) {
                    float[] part = java.util.Arrays.copyOfRange(flat, at, at + t);
                    NDArray g = m.create(part);
                    grads.add(g);
                    norms.add(g.norm().reshape(1));
                    at += t;
                }
                NDArray total = NDArrays.concat(norms).norm();
                NDArray coef = m.create((float) maxNorm).div(total.add(1e-6f)).minimum(1f);
                assertThat(ourNorm).as("norm, max %s", maxNorm).isCloseTo(total.getFloat(), within(1e-5));
                at = 0;
                for (NDArray g : grads) {
                    float[] theirs = g.mul(coef).toFloatArray();
                    for (int i = 0; i < theirs.length; i++) {
                        assertThat((double) ours[at + i])
                                .as("gradient %d, max %s", at + i, maxNorm)
                                .isCloseTo(theirs[i], within(1e-8 + 1e-6 * Math.abs(theirs[i])));
                    }
                    at += theirs.length;
                }
            }
        }
    }
}
