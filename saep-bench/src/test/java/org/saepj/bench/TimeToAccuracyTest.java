package org.saepj.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;

/** The time-to-accuracy row's procedure, without timing: when it stops, what it reports, and that both engines run. */
class TimeToAccuracyTest {
    private static final Dataset DATA = ResidualCnnTest.tiny(128);

    /** Predicts every sample right once it has taken {@code after} steps, class 0 before. */
    private static TimeToAccuracy.Trainee learnsAfter(int after) {
        return new TimeToAccuracy.Trainee() {
            private int steps;

            @Override
            public void step(float[] x, int[] rows, float[] labels, int batch) {
                steps++;
            }

            @Override
            public long[] predict(float[] x, int count) {
                long[] out = new long[count];
                for (int i = 0; i < count; i++) {
                    // The tiny set's class: whether the top half is the bright one.
                    out[i] = steps >= after && x[i * 64] < 0.5f ? 1 : 0;
                }
                return out;
            }
        };
    }

    @Test
    void stopsAtTheFirstCheckThatReachesTheTarget() throws Exception {
        TimeToAccuracy.Settings s = new TimeToAccuracy.Settings(0.9, 100, 10, 1000, 0.01f, 16);
        TimeToAccuracy.Result r = TimeToAccuracy.run(learnsAfter(25), DATA, DATA, s);
        assertThat(r.reached()).isTrue();
        assertThat(r.steps()).isEqualTo(30);
        assertThat(r.accuracy()).isEqualTo(1.0);
        assertThat(r.seconds()).isNotNegative();
    }

    @Test
    void reportsAnUnreachedTargetAtTheStepCap() throws Exception {
        TimeToAccuracy.Settings s = new TimeToAccuracy.Settings(0.9, 100, 10, 25, 0.01f, 16);
        TimeToAccuracy.Result r = TimeToAccuracy.run(learnsAfter(1000), DATA, DATA, s);
        assertThat(r.reached()).isFalse();
        assertThat(r.steps()).isEqualTo(25);
        assertThat(r.accuracy()).isEqualTo(0.5);
    }

    @Test
    void measuresTheAccuracyOnTheFirstTestSamplesOnly() throws Exception {
        // 50 samples: 25 of each class, across a partial last chunk.
        assertThat(TimeToAccuracy.accuracy(learnsAfter(1), DATA, 50)).isEqualTo(0.5);
    }

    @Test
    void bothEnginesRunItOnATinySize() throws Exception {
        Engine.getEngine("PyTorch");
        ResidualCnn net = new ResidualCnn(new Shape(8, 8, 1), 4, 1, 2);
        TimeToAccuracy.Settings s = new TimeToAccuracy.Settings(0.5, 70, 5, 10, 0.01f, 16);
        for (TimeToAccuracy.Result r : new TimeToAccuracy.Result[] {
            TimeToAccuracy.ours(net.architecture(), DATA, DATA, s), TimeToAccuracy.djl(net, DATA, DATA, s)
        }) {
            assertThat(r.steps()).isBetween(5L, 10L);
            assertThat(r.accuracy()).isBetween(0.0, 1.0);
            assertThat(r.reached()).isEqualTo(r.accuracy() >= 0.5);
        }
    }

    @Test
    void refusesATargetOutsideZeroToOne() {
        assertThatThrownBy(() -> new TimeToAccuracy.Settings(1.5, 10, 10, 10, 0.01f, 16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target in (0, 1]");
    }
}
