package org.saepj.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * SGD with momentum and coupled weight decay against PyTorch's {@code torch.optim.SGD} step, written here in double
 * as {@code _single_tensor_sgd} runs it: {@code d = g + λ·θ}; {@code buf = d} on the first step, then
 * {@code buf = μ·buf + d} (dampening 0); {@code θ = θ − lr·buf}, with the rate changing from step to step.
 */
class SgdWeightDecayTest {
    private static final float[] THETA = {0.5f, -1.25f, 2f, 0f};
    private static final float[][] GRADS = {
        {0.1f, -0.2f, 3f, 0f}, {-0.4f, 0.05f, 1f, 2f}, {0.3f, 0.3f, -0.5f, 1e-3f}, {0f, 0f, 0f, 0f}, {1f, -1f, 0.2f, 0f}
    };

    @Test
    void firstStepByHand() {
        // lr = 0.1, λ = 0.1: θ = 0.5, g = 0.1 → d = 0.1 + 0.05 = 0.15, θ = 0.5 − 0.015 = 0.485;
        // θ = 0, g = 0 → stays 0; θ = 2, g = 3 → d = 3.2, θ = 1.68
        float[] p = THETA.clone();
        new OptimizerSpec.SgdMomentum(0.1f, 0.9f, 0, 0.1f).create(4).step(p, GRADS[0]);
        assertThat((double) p[0]).isCloseTo(0.485, within(1e-7));
        assertThat((double) p[1]).isCloseTo(-1.25 - 0.1 * (-0.2 - 0.125), within(1e-7));
        assertThat((double) p[2]).isCloseTo(1.68, within(1e-6));
        assertThat(p[3]).isZero();
    }

    @Test
    void stepsFollowPyTorchsSgdWithAChangingRate() {
        double lr = 0.05;
        double mu = 0.9;
        double wd = 5e-3;
        int decaySteps = 4;
        float[] factors = {1f, 0.5f, 1f, 0.25f, 1f}; // a schedule's factor on top of the cosine decay
        double[] theta = new double[4];
        for (int i = 0; i < 4; i++) {
            theta[i] = THETA[i];
        }
        double[] buf = null;
        float[] ours = THETA.clone();
        Optimizer opt = new OptimizerSpec.SgdMomentum(0.05f, 0.9f, decaySteps, 5e-3f).create(4);
        for (int s = 0; s < GRADS.length; s++) {
            double lrS = lr * 0.5 * (1 + Math.cos(Math.PI * Math.min(s, decaySteps) / decaySteps)) * factors[s];
            double[] d = new double[4];
            for (int i = 0; i < 4; i++) {
                d[i] = GRADS[s][i] + wd * theta[i];
            }
            if (buf == null) {
                buf = d.clone();
            } else {
                for (int i = 0; i < 4; i++) {
                    buf[i] = mu * buf[i] + d[i];
                }
            }
            for (int i = 0; i < 4; i++) {
                theta[i] -= lrS * buf[i];
            }
            opt.learningRateFactor(factors[s]);
            opt.step(ours, GRADS[s]);
            for (int i = 0; i < 4; i++) {
                assertThat((double) ours[i]).as("step %d parameter %d", s, i).isCloseTo(theta[i], within(1e-6));
            }
        }
        assertThat(opt.steps()).isEqualTo(GRADS.length);
    }

    @Test
    void theDecayShrinksParametersAndZeroDecayIsTheOldStep() {
        float[] decayed = THETA.clone();
        float[] plain = THETA.clone();
        float[] zero = THETA.clone();
        Optimizer d = new OptimizerSpec.SgdMomentum(0.1f, 0.9f, 0, 0.5f).create(4);
        Optimizer p = new OptimizerSpec.SgdMomentum(0.1f, 0.9f, 0).create(4);
        Optimizer z =
                new OptimizerSpec.SgdMomentum(0.1f, 0.9f, 0).withWeightDecay(0f).create(4);
        float[] none = new float[4];
        for (int s = 0; s < 3; s++) {
            d.step(decayed, none);
            p.step(plain, none);
            z.step(zero, GRADS[s]);
        }
        // without gradients the decay alone pulls every parameter towards 0, and nothing moves without it
        assertThat(plain).containsExactly(THETA);
        for (int i = 0; i < 3; i++) {
            assertThat(Math.abs(decayed[i])).isLessThan(Math.abs(THETA[i]));
            assertThat(Math.signum(decayed[i])).isEqualTo(Math.signum(THETA[i]));
        }
        float[] old = THETA.clone();
        Optimizer o = new OptimizerSpec.SgdMomentum(0.1f, 0.9f, 0).create(4);
        for (int s = 0; s < 3; s++) {
            o.step(old, GRADS[s]);
        }
        assertThat(zero).containsExactly(old);
        assertThat(new OptimizerSpec.SgdMomentum(0.1f, 0.9f, 3))
                .isEqualTo(new OptimizerSpec.SgdMomentum(0.1f, 0.9f, 3, 0f));
    }
}
