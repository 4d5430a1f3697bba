package org.saepj.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
    @Test
    void defaultsRunEveryRowWithTheIssuesTarget() {
        BenchOptions o = BenchOptions.parse(new String[0]);
        assertThat(o.steps()).isEqualTo(300);
        assertThat(o.repetitions()).isEqualTo(5);
        assertThat(o.tta().target()).isEqualTo(0.92);
        assertThat(o.tta().forTest(10_000).testSize()).isEqualTo(10_000);
        assertThat(o.tta().forTest(10_000).weightDecay()).isEqualTo(1e-3f);
        assertThat(o.tta().threads()).isEqualTo(1);
        assertThat(o.runs("mlp-784-512-10")).isTrue();
    }

    @Test
    void readsTheTimeToAccuracyOptionsAndTheRowFilter() {
        BenchOptions o = BenchOptions.parse(new String[] {
            "60",
            "3",
            "--csv",
            "rows.csv",
            "--tta-target",
            "0.85",
            "--tta-test",
            "2000",
            "--tta-steps",
            "500",
            "--tta-decay",
            "0",
            "--tta-threads",
            "2",
            "--only",
            "res,tta"
        });
        assertThat(o.steps()).isEqualTo(60);
        assertThat(o.csv()).isEqualTo(Path.of("rows.csv"));
        TimeToAccuracy.Settings s = o.tta().forTest(10_000);
        assertThat(s.target()).isEqualTo(0.85);
        assertThat(s.testSize()).isEqualTo(2000);
        assertThat(s.maxSteps()).isEqualTo(500);
        assertThat(s.weightDecay()).isZero();
        assertThat(o.tta().threads()).isEqualTo(2);
        assertThat(BenchOptions.parse(new String[] {"--tta-decay", "1e-4"})
                        .tta()
                        .weightDecay())
                .isEqualTo(1e-4f);
        assertThat(o.tta().forTest(1000).testSize()).isEqualTo(1000);
        assertThat(o.runs("res-conv16-bn-2blocks-pool-10")).isTrue();
        assertThat(o.runs("tta-res-conv16-bn-2blocks-pool-10")).isTrue();
        assertThat(o.runs("mlp-784-512-10")).isFalse();
        assertThat(BenchOptions.parse(new String[] {"--no-tta"}).tta()).isNull();
    }

    @Test
    void refusesBadValuesNamingTheOption() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--tta-target", "92"}))
                .hasMessage("--tta-target must be an accuracy in (0, 1], got '92'");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--tta-steps", "0"}))
                .hasMessage("--tta-steps must be a positive whole number, got '0'");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--tta-decay", "-0.1"}))
                .hasMessage("--tta-decay must be a weight decay in [0, 1), e.g. 5e-4, got '-0.1'");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--tta-decay", "lots"}))
                .hasMessage("--tta-decay must be a weight decay in [0, 1), e.g. 5e-4, got 'lots'");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--tta-threads", "0"}))
                .hasMessage("--tta-threads must be a positive whole number, got '0'");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--csv"})).hasMessage("--csv needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--fast"})).hasMessage("unknown option --fast");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"1", "2", "3"}))
                .hasMessage("at most STEPS and REPETITIONS, got [1, 2, 3]");
    }
}
