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
}
