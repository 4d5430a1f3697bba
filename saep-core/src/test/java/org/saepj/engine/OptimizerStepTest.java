package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.saepj.engine.optim.Optimizer;
import org.saepj.engine.optim.OptimizerSpec;

/** Each optimizer's updates against the formulas of spec §3, computed here independently in double. */
class OptimizerStepTest {
    private static final float[] THETA = {0.5f, -1.25f, 2f, 0f};
    private static final float[][] GRADS = {{0.1f, -0.2f, 3f, 0f}, {-0.4f, 0.05f, 1f, 2f}, {0.3f, 0.3f, -0.5f, 1e-3f}};

    @Test
    void rmsPropInTensorFlowOneForm() {
        double lr = 0.003;
        double[] theta = toDouble(THETA);
        double[] ms = {1, 1, 1, 1};
        float[] ours = THETA.clone();
        Optimizer opt = new OptimizerSpec.RmsProp(0.003f).create(4);
        for (float[] g : GRADS) {
            for (int i = 0; i < 4; i++) {
                ms[i] = 0.9 * ms[i] + 0.1 * g[i] * g[i];
                theta[i] -= lr * g[i] / Math.sqrt(ms[i] + 1e-10);
            }
            opt.step(ours, g);
            assertClose(ours, theta);
        }
    }

    @Test
    void sgdMomentumWithCosineDecay() {
        int decaySteps = 2;
        double lr = 0.003;
        double[] theta = toDouble(THETA);
        double[] accum = new double[4];
        float[] ours = THETA.clone();
        Optimizer opt = new OptimizerSpec.SgdMomentum(0.003f, 0.9f, decaySteps).create(4);
        for (int s = 0; s < GRADS.length; s++) {
            double lrS = lr * 0.5 * (1 + Math.cos(Math.PI * Math.min(s, decaySteps) / decaySteps));
            for (int i = 0; i < 4; i++) {
                accum[i] = 0.9 * accum[i] + GRADS[s][i];
                theta[i] -= lrS * accum[i];
            }
            opt.step(ours, GRADS[s]);
            assertClose(ours, theta);
        }
        // The third step is at s = 2 = S: the rate has decayed to zero and the parameters stand still.
        float[] before = ours.clone();
        opt.step(ours, GRADS[0]);
        assertThat(ours).containsExactly(before);
    }

    @Test
    void adamWithBiasCorrection() {
        double lr = 0.01;
        double b1 = 0.9;
        double b2 = 0.999;
        double[] theta = toDouble(THETA);
        double[] m = new double[4];
        double[] v = new double[4];
        float[] ours = THETA.clone();
        Optimizer opt = new OptimizerSpec.Adam(0.01f).create(4);
        for (int s = 1; s <= GRADS.length; s++) {
            for (int i = 0; i < 4; i++) {
                double g = GRADS[s - 1][i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mHat = m[i] / (1 - Math.pow(b1, s));
                double vHat = v[i] / (1 - Math.pow(b2, s));
                theta[i] -= lr * mHat / (Math.sqrt(vHat) + 1e-8);
            }
            opt.step(ours, GRADS[s - 1]);
            assertClose(ours, theta);
        }
        assertThat(opt.steps()).isEqualTo(3);
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    private static void assertClose(float[] ours, double[] reference) {
        for (int i = 0; i < ours.length; i++) {
            assertThat((double) ours[i]).as("parameter %d", i).isCloseTo(reference[i], within(1e-6));
        }
    }
}
