package org.saepj.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.engine.Architecture;

/** Our side of the throughput rows: its timing and its warm-up by PyTorch's rule. */
class ParallelStepsTest {
    private static final Dataset DATA = ResidualCnnTest.tiny(128);
    private static final Architecture NET =
            new Architecture.DenseStack(new Shape(8, 8, 1), new int[] {16}, DATA.classCount());

    @Test
    void timesTheStepsOfEachThreadsNetwork() throws Exception {
        for (int threads = 1; threads <= 2; threads++) {
            ParallelSteps.Timing timing = new ParallelSteps(NET, DATA, EngineBench.LR).run(3, threads);
            assertThat(timing.samplesPerSecond())
                    .as("threads " + threads)
                    .isPositive()
                    .isFinite();
            assertThat(timing.samplesPerCpuSecond())
                    .as("threads " + threads)
                    .isPositive()
                    .isFinite();
        }
    }

    /** A network that cannot train on the data fails the run before any thread waits for the others. */
    @Test
    @Timeout(30)
    void aNetworkThatCannotTrainFailsTheRun() {
        Architecture wrong = new Architecture.DenseStack(new Shape(4, 4, 1), new int[] {16}, DATA.classCount());
        assertThatThrownBy(() -> new ParallelSteps(wrong, DATA, EngineBench.LR).run(3, 2))
                .isInstanceOf(ExecutionException.class);
    }

    @Test
    void ourWarmUpRunsUntilItsStepTimesSettleOrTheCap() throws Exception {
        SettleRule.Outcome warmUp = EngineBench.warmUpOurs(NET, DATA, 1);
        // At least two windows of runs, counted in steps.
        assertThat(warmUp.steps()).isGreaterThanOrEqualTo(2 * SettleRule.DEFAULT.window() * EngineBench.WARM_UP_STEPS);
        assertThat(warmUp.steps() % EngineBench.WARM_UP_STEPS).isZero();
        assertThat(warmUp.steps()).isLessThanOrEqualTo(SettleRule.DEFAULT.maxSteps() * EngineBench.WARM_UP_STEPS);
    }
}
