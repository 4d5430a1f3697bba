package org.saepj.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Pareto front of the comparison's plot: the rows no other row is both no larger than and more accurate than. */
class ParetoFrontTest {
    static Comparison.Summary row(String name, double size, double accuracy) {
        return new Comparison.Summary(
                name + "/uniform",
                name,
                "uniform",
                3,
                Score.ACCURACY,
                accuracy,
                0,
                size,
                0,
                0,
                0,
                1,
                1,
                0.1,
                Double.NaN,
                Double.NaN,
                Double.NaN);
    }

    @Test
    void keepsTheUndominatedRowsBySize() {
        Comparison.Summary adanet = row("adanet", 9, 0.868);
        Comparison.Summary pap = row("pap", 4.33, 0.866);
        Comparison.Summary prs = row("prs", 6.67, 0.865); // pap is smaller and more accurate
        Comparison.Summary pie = row("pie", 3, 0.860);
        Comparison.Summary tie = row("re", 3, 0.860); // equal to pie: neither dominates the other
        Comparison.Summary worse = row("topk", 3, 0.850); // as small as pie, less accurate
        assertThat(ComparisonCharts.paretoFront(List.of(adanet, pap, prs, pie, tie, worse)).stream()
                        .map(Comparison.Summary::method))
                .containsExactly("pie", "re", "pap", "adanet");
    }
}
