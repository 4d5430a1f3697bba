package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command answers --help with its usage. */
class HelpTest {
    @ParameterizedTest
    @ValueSource(strings = {"search", "compare", "evaluate", "predict", "prune", "export", "inspect", "demo", "datasets"})
    void everyCommandHasHelp(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Usage: saep " + command);
    }

    @org.junit.jupiter.api.Test
    void theCriteriaListWrapsUnderItsOwnIndent() {
        java.util.List<String> lines = CliRun.of("prune", "--help").out().lines().toList();
        int from = lines.indexOf("Pruning criteria (--method):");
        assertThat(from).isPositive();
        for (String line : lines.subList(from + 1, lines.size())) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
            assertThat(line).as("a criterion, or a line indented under one").startsWith("  ");
        }
    }
}
