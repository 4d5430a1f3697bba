package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.saepj.engine.optim.Optimizer;
import org.saepj.engine.optim.OptimizerSpec;

/**
 * SGD with momentum and coupled weight decay against PyTorch (through DJL, test scope only). DJL's own SGD follows
 * MXNet's update, so the test runs {@code torch.optim.SGD}'s step as PyTorch 2 writes it ({@code _single_tensor_sgd},
 * dampening 0, no Nesterov) in PyTorch's float32 tensors: {@code d = g + λ·θ}, {@code buf = d} on the first step and
 * {@code μ·buf + d} after it, {@code θ = θ − lr·buf}, the rate following the cosine decay as a scheduler sets it.
 */
class SgdWeightDecayCrossCheckTest {
    @Test
    void stepsMatchPyTorch() {
        int n = 2000;
        int steps = 6;
        int decaySteps = 5;
        float lr = 0.05f;
        float mu = 0.9f;
        float wd = 5e-4f;
        SplittableRandom rng = new SplittableRandom(17);
        float[] theta = new float[n];
        for (int i = 0; i < n; i++) {
            theta[i] = (float) (rng.nextGaussian() * 0.1);
        }
        float[][] grads = new float[steps][n];
        for (float[] g : grads) {
            for (int i = 0; i < n; i++) {
                g[i] = (float) (rng.nextGaussian() * 0.05);
            }
        }
        float[] ours = theta.clone();
        Optimizer opt = new OptimizerSpec.SgdMomentum(lr, mu, decaySteps, wd).create(n);
        try (NDManager m = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice(), "PyTorch")) {
            NDArray param = m.create(theta);
            NDArray buf = null;
            for (int s = 0; s < steps; s++) {
                float rate = (float) (lr * 0.5 * (1 + Math.cos(Math.PI * Math.min(s, decaySteps) / decaySteps)));
                NDArray d = m.create(grads[s]).add(param.mul(wd));
                buf = buf == null ? d : buf.mul(mu).add(d);
                param = param.sub(buf.mul(rate));
                opt.step(ours, grads[s]);
                float[] theirs = param.toFloatArray();
                for (int i = 0; i < n; i++) {
                    assertThat((double) ours[i])
                            .as("step %d parameter %d", s, i)
                            .isCloseTo(theirs[i], within(1e-7 + 1e-6 * Math.abs(theirs[i])));
                }
            }
        }
    }
}
