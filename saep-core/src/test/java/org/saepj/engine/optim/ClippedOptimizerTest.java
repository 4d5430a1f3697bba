package org.saepj.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Gradient clipping by the global norm against a computation by hand. */
class ClippedOptimizerTest {
    @Test
    void aNormAboveTheLimitIsScaledToItByHand() {
        // ‖(3, 4, 0, 12)‖ = 13; limit 6.5 → factor 6.5/(13 + 1e-6)
        float[] g = {3f, 4f, 0f, 12f};
        double norm = ClippedOptimizer.clip(g, 6.5);
        assertThat(norm).isEqualTo(13.0);
        double f = 6.5 / (13 + 1e-6);
        assertThat((double) g[0]).isCloseTo(3 * f, within(1e-7));
        assertThat((double) g[1]).isCloseTo(4 * f, within(1e-7));
        assertThat(g[2]).isZero();
        assertThat((double) g[3]).isCloseTo(12 * f, within(1e-6));
        double after = Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[3] * g[3]);
        assertThat(after).isCloseTo(6.5, within(1e-5));
    }

    @Test
    void aNormWithinTheLimitLeavesEveryBit() {
        float[] g = {3f, 4f, 0f, 12f};
        ClippedOptimizer.clip(g, 13.00001);
        assertThat(g).containsExactly(3f, 4f, 0f, 12f);
        ClippedOptimizer.clip(g, 100);
        assertThat(g).containsExactly(3f, 4f, 0f, 12f);
        // at the limit itself the factor 13/(13 + 1e-6) is just below 1, and PyTorch scales: so do we
        ClippedOptimizer.clip(g, 13);
        assertThat(g[3]).isLessThan(12f);
    }

    @Test
    void theWrappedOptimizerStepsOnTheClippedGradients() {
        float[] theta = {1f, 1f};
        float[] clipped = theta.clone();
        float[] byHand = theta.clone();
        Optimizer c = new ClippedOptimizer(new OptimizerSpec.RmsProp(0.1f).create(2), 0.5);
        Optimizer r = new OptimizerSpec.RmsProp(0.1f).create(2);
        c.step(clipped, new float[] {6f, 8f});
        float f = (float) (0.5 / (10 + 1e-6));
        r.step(byHand, new float[] {6f * f, 8f * f});
        assertThat(clipped).containsExactly(byHand);
        assertThat(c.steps()).isEqualTo(1);
    }

    @Test
    void refusesALimitThatIsNotAbove0() {
        Optimizer o = new OptimizerSpec.Adam(0.1f).create(1);
        assertThatThrownBy(() -> new ClippedOptimizer(o, 0))
                .hasMessage("the clipping norm must be a number above 0, got 0.0");
    }
}
