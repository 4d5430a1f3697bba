package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.BudgetWarning;
import org.saepj.search.Epochs;
import org.saepj.search.SearchConfig;
import org.saepj.testing.TestFiles;

/**
 * A search whose budget is too small to learn is warned about before it starts, naming the option to raise: fewer
 * than 50 steps a candidate, or less than one pass over small training data; the paper's budget is not.
 */
class BudgetWarningTest {
    @TempDir
    Path dir;

    private static SearchConfig budget(int iterations, int steps, int batch) {
        return SearchConfig.builder()
                .iterations(iterations)
                .totalSteps(steps)
                .batchSize(batch)
                .build();
    }

    @Test
    void tooFewStepsOrLessThanAnEpochIsWarnedNamingTheOption() {
        assertThat(BudgetWarning.of(budget(2, 60, 64), 240))
                .hasValue("each candidate trains 30 steps, fewer than 50: too few to learn; raise --steps (now 60"
                        + " over 2 iterations)");
        assertThat(BudgetWarning.of(budget(2, 120, 2), 240))
                .hasValue("each candidate trains 60 steps of 2 samples, less than one pass over the 240 training"
                        + " samples (120 steps): raise --steps (now 120 over 2 iterations)");
        assertThat(BudgetWarning.of(budget(11, 5000, 64), 60000))
                .as("the paper's budget: 454 steps of 64 samples, half a pass over Fashion-MNIST, on purpose")
                .isEmpty();
        assertThat(BudgetWarning.of(budget(11, 5000, 16), 10000))
                .hasValueSatisfying(w -> assertThat(w).contains("less than one pass over the 10000 training samples"));
        assertThat(BudgetWarning.of(budget(11, 5000, 64), 2000)).isEmpty();
        assertThat(BudgetWarning.of(
                        budget(2, 60, 64).toBuilder()
                                .epochs(Epochs.exactly(0.1))
                                .build(),
                        240))
                .hasValueSatisfying(w -> assertThat(w).endsWith("raise --epochs"));
    }

    @Test
    void aSearchWithTooSmallABudgetSaysSoBeforeItStarts() {
        Path csv = TestFiles.write(
                dir.resolve("blobs.csv"), OwnDataTest.blobs(150, 1).getBytes(StandardCharsets.UTF_8));
        CliRun small = CliRun.of(
                "search",
                "--data",
                "csv:" + csv,
                "--iterations",
                "2",
                "--steps",
                "40",
                "--quiet",
                "--out",
                dir.resolve("small").toString());
        assertThat(small.exitCode()).as(small.err()).isZero();
        assertThat(small.err())
                .startsWith("warning: each candidate trains 20 steps, fewer than 50: too few to learn; raise --steps"
                        + " (now 40 over 2 iterations)\n");
        CliRun enough = CliRun.of(
                "search",
                "--data",
                "csv:" + csv,
                "--iterations",
                "1",
                "--steps",
                "60",
                "--quiet",
                "--out",
                dir.resolve("enough").toString());
        assertThat(enough.exitCode()).as(enough.err()).isZero();
        assertThat(enough.err()).doesNotContain("each candidate trains");
    }
}
