package org.saepj.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.saepj.search.Provenance;

/**
 * The summary row's calibration columns: ECE (T) stays a figure of every run when some seeds' validation parts could
 * not fit a temperature (a small table), and is printed in the console table.
 */
class ComparisonSummaryTest {
    private static final Provenance PROVENANCE = new Provenance("v", "c", "17", "vector", "local", 1, "now");

    private static ComparisonRun run(long seed, double ece, double eceScaled) {
        RunSummary figures = new RunSummary(
                Score.ACCURACY,
                0.97,
                3,
                1000,
                1,
                1,
                new double[] {0.97},
                new double[] {3},
                new double[] {0.1},
                new double[] {2},
                new int[] {2, 2, 2},
                PROVENANCE,
                Double.NaN,
                ece,
                0.2,
                eceScaled);
        return ComparisonRun.of(
                ComparedMethod.search("adanet"), "uniform", seed, 0, "runs/adanet-uniform-seed" + seed, figures);
    }

    @Test
    void aRunWithoutATemperatureCountsWithItsUnscaledEceInsteadOfEmptyingTheColumn() {
        // seed 2's validation part had no sample near a wrong class: no temperature, its ensemble saved unscaled
        List<ComparisonRun> runs = List.of(run(1, 0.02, 0.03), run(2, 0.04, Double.NaN), run(3, 0.03, 0.02));
        Comparison.Summary s = Comparison.summarise(runs).get(0);
        assertThat(s.eceScaledMean()).isCloseTo((0.03 + 0.04 + 0.02) / 3, within(1e-12));
        assertThat(s.eceMean()).isCloseTo(0.03, within(1e-12));
    }

    @Test
    void noTemperatureInAnyRunLeavesTheColumnEmpty() {
        List<ComparisonRun> runs = List.of(run(1, 0.02, Double.NaN), run(2, 0.04, Double.NaN));
        assertThat(Comparison.summarise(runs).get(0).eceScaledMean()).isNaN();
    }

    @Test
    void theConsoleTablePrintsEceAfterScaling() {
        StringWriter text = new StringWriter();
        Comparison.printTable(new PrintWriter(text, true), List.of(run(1, 0.02, 0.03), run(2, 0.04, Double.NaN)));
        List<String> lines = text.toString().lines().toList();
        assertThat(lines.get(0)).endsWith("ECE     NLL ECE (T)");
        assertThat(lines.get(1)).startsWith("adanet/uniform").endsWith("0.0300  0.2000  0.0350");
    }

    @Test
    void anUnmeasuredFigureIsADashInTheConsoleTable() {
        assertThat(Comparison.cell(Double.NaN)).isEqualTo("–");
        assertThat(Comparison.cell(0.02143)).isEqualTo("0.0214");
    }
}
