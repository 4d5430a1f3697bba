package org.saepj.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** AdamW's update against steps computed by hand, and the learning-rate schedule's factors. */
class AdamWAndScheduleTest {
    private static final float[] THETA = {0.5f, -1.25f, 2f, 0f};
    private static final float[][] GRADS = {{0.1f, -0.2f, 3f, 0f}, {-0.4f, 0.05f, 1f, 2f}, {0.3f, 0.3f, -0.5f, 1e-3f}};

    @Test
    void firstAdamWStepByHand() {
        // Step 1: m̂ = g, v̂ = g², so Adam moves each parameter by lr·g/(|g| + ε) ≈ lr·sign(g), after the decay
        // θ·(1 − lr·λ). With lr = 0.1, λ = 0.5: θ = 0.5, g = 0.1 → 0.5·0.95 − 0.1·0.1/(0.1 + 1e-8) = 0.375.
        float[] p = {0.5f, -1.25f, 2f, 0f};
        Optimizer opt = new OptimizerSpec.AdamW(0.1f, 0.5f).create(4);
        opt.step(p, new float[] {0.1f, -0.2f, 3f, 0f});
        assertThat((double) p[0]).isCloseTo(0.375, within(1e-6));
        assertThat((double) p[1]).isCloseTo(-1.25 * 0.95 + 0.1, within(1e-6));
        assertThat((double) p[2]).isCloseTo(2 * 0.95 - 0.1, within(1e-6));
        // a zero gradient leaves only the decay: 0 stays 0
        assertThat(p[3]).isZero();
    }

    @Test
    void adamWAgainstTheFormulaOverSteps() {
        double lr = 0.01;
        double wd = 0.1;
        double b1 = 0.9;
        double b2 = 0.999;
        double[] theta = {0.5, -1.25, 2, 0};
        double[] m = new double[4];
        double[] v = new double[4];
        float[] ours = THETA.clone();
        Optimizer opt = new OptimizerSpec.AdamW(0.01f, 0.1f).create(4);
        for (int s = 1; s <= GRADS.length; s++) {
            for (int i = 0; i < 4; i++) {
                double g = GRADS[s - 1][i];
                theta[i] *= 1 - lr * wd; // decoupled: the decay never enters the moments
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mHat = m[i] / (1 - Math.pow(b1, s));
                double vHat = v[i] / (1 - Math.pow(b2, s));
                theta[i] -= lr * mHat / (Math.sqrt(vHat) + 1e-8);
            }
            opt.step(ours, GRADS[s - 1]);
            for (int i = 0; i < 4; i++) {
                assertThat((double) ours[i]).as("step %d parameter %d", s, i).isCloseTo(theta[i], within(1e-6));
            }
        }
    }

    @Test
    void adamWWithoutDecayIsAdam() {
        float[] adam = THETA.clone();
        float[] adamW = THETA.clone();
        Optimizer a = new OptimizerSpec.Adam(0.01f).create(4);
        Optimizer w = new OptimizerSpec.AdamW(0.01f, 0f).create(4);
        for (float[] g : GRADS) {
            a.step(adam, g);
            w.step(adamW, g);
        }
        assertThat(adamW).containsExactly(adam);
    }

    @Test
    void factorOneChangesNoBitAndAFactorScalesTheStep() {
        for (OptimizerSpec spec : new OptimizerSpec[] {
            new OptimizerSpec.Adam(0.01f),
            new OptimizerSpec.RmsProp(0.01f),
            new OptimizerSpec.SgdMomentum(0.01f, 0.9f, 3),
            new OptimizerSpec.AdamW(0.01f, 0.1f)
        }) {
            float[] plain = THETA.clone();
            float[] scaled = THETA.clone();
            float[] halved = THETA.clone();
            Optimizer p = spec.create(4);
            Optimizer s = spec.create(4);
            Optimizer h = spec.create(4);
            s.learningRateFactor(1f);
            h.learningRateFactor(0f);
            for (float[] g : GRADS) {
                p.step(plain, g);
                s.step(scaled, g);
                h.step(halved, g);
            }
            assertThat(scaled).as("%s", spec).containsExactly(plain);
            assertThat(halved).as("%s with a zero rate stands still", spec).containsExactly(THETA);
        }
    }

    @Test
    void constantWithoutWarmupIsOneEverywhere() {
        LearningRateSchedule c = LearningRateSchedule.CONSTANT;
        assertThat(c.isConstant()).isTrue();
        for (int s = 0; s < 10; s++) {
            assertThat(c.factor(s, 10)).isEqualTo(1f);
        }
    }

    @Test
    void warmupRisesLinearlyThenCosineFallsToZero() {
        LearningRateSchedule s = new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 4);
        assertThat(s.isConstant()).isFalse();
        // warm-up: (s + 1)/W
        assertThat(s.factor(0, 12)).isEqualTo(0.25f);
        assertThat(s.factor(1, 12)).isEqualTo(0.5f);
        assertThat(s.factor(3, 12)).isEqualTo(1f);
        // cosine over the 8 remaining steps: ½(1 + cos(π·k/8))
        assertThat(s.factor(4, 12)).isEqualTo(1f);
        assertThat((double) s.factor(6, 12)).isCloseTo(0.5 * (1 + Math.cos(Math.PI / 4)), within(1e-7));
        assertThat((double) s.factor(8, 12)).isCloseTo(0.5, within(1e-7));
        assertThat((double) s.factor(11, 12)).isCloseTo(0.5 * (1 + Math.cos(Math.PI * 7 / 8)), within(1e-7));
        // never negative, decreasing after the warm-up
        for (int k = 4; k < 11; k++) {
            assertThat(s.factor(k + 1, 12)).isLessThan(s.factor(k, 12)).isPositive();
        }
    }

    @Test
    void cosineWithoutWarmupAndWarmupThenConstant() {
        LearningRateSchedule cos = new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 0);
        assertThat(cos.factor(0, 100)).isEqualTo(1f);
        assertThat((double) cos.factor(50, 100)).isCloseTo(0.5, within(1e-7));
        LearningRateSchedule warm = new LearningRateSchedule(LearningRateSchedule.Kind.CONSTANT, 10);
        assertThat(warm.factor(4, 100)).isEqualTo(0.5f);
        assertThat(warm.factor(9, 100)).isEqualTo(1f);
        assertThat(warm.factor(99, 100)).isEqualTo(1f);
        // a run shorter than its warm-up only warms up
        assertThat(warm.factor(2, 3)).isEqualTo(0.3f);
    }

    @Test
    void refusesANegativeWarmupAndUnknownKinds() {
        assertThatThrownBy(() -> new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, -1))
                .hasMessageContaining("warm-up steps must be 0 or more, got -1");
        assertThatThrownBy(() -> LearningRateSchedule.Kind.parse("linear"))
                .hasMessage("'linear' is not understood: expected constant, cosine or onecycle");
        assertThatThrownBy(() -> new LearningRateSchedule(LearningRateSchedule.Kind.ONECYCLE, 5))
                .hasMessage("onecycle warms up over its first 30% of steps itself: it takes no warm-up steps, got 5");
        assertThat(LearningRateSchedule.Kind.parse(" Cosine ")).isEqualTo(LearningRateSchedule.Kind.COSINE);
    }

    @Test
    void oneCycleByHand() {
        // S = 100: the rise ends at 0.3·100 − 1 = 29, from 1/25 to 1; then down to 1/25/10⁴ = 4e-6 at step 99
        LearningRateSchedule one = new LearningRateSchedule(LearningRateSchedule.Kind.ONECYCLE, 0);
        assertThat(one.isConstant()).isFalse();
        assertThat((double) one.factor(0, 100)).isCloseTo(0.04, within(1e-8));
        assertThat((double) one.factor(29, 100)).isCloseTo(1, within(1e-7));
        assertThat((double) one.factor(99, 100)).isCloseTo(4e-6, within(1e-10));
        // half-way down, (64 − 29)/(99 − 29) = ½: the mean of 1 and 4e-6
        assertThat((double) one.factor(64, 100)).isCloseTo((1 + 4e-6) / 2, within(1e-7));
        // half-way up, step 14.5 is not a step: at 14 the cosine is just below the mean of 0.04 and 1
        double pct = 14 / 29.0;
        assertThat((double) one.factor(14, 100))
                .isCloseTo(1 + (0.04 - 1) / 2 * (Math.cos(Math.PI * pct) + 1), within(1e-7));
        assertThat(one.toString()).isEqualTo("onecycle");
        assertThat(LearningRateSchedule.Kind.parse("onecycle")).isEqualTo(LearningRateSchedule.Kind.ONECYCLE);
    }

    @Test
    void oneCycleIsPyTorchsLoopOverItsPhases() {
        for (int total : new int[] {1, 2, 3, 7, 10, 100, 454, 4545}) {
            LearningRateSchedule one = new LearningRateSchedule(LearningRateSchedule.Kind.ONECYCLE, 0);
            for (int s = 0; s < total; s++) {
                assertThat((double) one.factor(s, total))
                        .as("step %d of %d", s, total)
                        .isCloseTo(pyTorchOneCycle(s, total, 0.003) / 0.003, within(2e-7));
            }
        }
    }

    /** OneCycleLR.get_lr of PyTorch 2 (two phases, cos annealing, defaults), transcribed line by line. */
    private static double pyTorchOneCycle(int stepNum, int totalSteps, double maxLr) {
        double initialLr = maxLr / 25.0;
        double minLr = initialLr / 1e4;
        double[][] phases = {
            {0.3 * totalSteps - 1, initialLr, maxLr}, {totalSteps - 1, maxLr, minLr},
        };
        double startStep = 0;
        for (int i = 0; i < phases.length; i++) {
            double endStep = phases[i][0];
            if (stepNum <= endStep || i == phases.length - 1) {
                double pct = (stepNum - startStep) / (endStep - startStep);
                double cosOut = Math.cos(Math.PI * pct) + 1;
                return phases[i][2] + (phases[i][1] - phases[i][2]) / 2.0 * cosOut;
            }
            startStep = endStep;
        }
        throw new AssertionError("unreachable");
    }
}
