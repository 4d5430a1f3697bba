package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command answers --help with its usage and examples that parse as written. */
class HelpTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "--help",
                "search --help",
                "compare --help",
                "evaluate --help",
                "predict --help",
                "prune --help",
                "export --help",
                "inspect --help",
                "demo --help",
                "datasets --help",
                "datasets fetch --help",
                "datasets show --help"
            })
    void everyCommandHasHelp(String command) {
        CliRun run = CliRun.of(command.split(" "));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith(("Usage: saep " + command.replace("--help", "")).strip());
        java.util.List<String> lines = run.out().lines().toList();
        int examples = lines.indexOf("Examples:");
        assertThat(examples).as("an Examples section").isPositive();
        assertThat(lines.get(examples + 1)).startsWith("  saep ");
        assertThat(lines)
                .as("no line wider than the terminal picocli assumes")
                .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
    }

    @org.junit.jupiter.api.Test
    void theTopLevelHelpNamesTheLaunchersCommands() {
        String out = CliRun.of("--help").out();
        assertThat(out)
                .contains("Launcher commands (./saep in the source tree):")
                .containsPattern("\\n  test +Build and run the whole test suite")
                .containsPattern("\\n  bench +The engine benchmark")
                .contains("Examples:\n  saep demo");
    }

    /** Every example parses as written: its command and options exist, with values of the right type. */
    @org.junit.jupiter.api.Test
    void everyExampleParses() {
        java.util.Map<String, java.util.List<String>> all = HelpExamples.all();
        assertThat(all.keySet()).contains("saep", "saep search", "saep compare", "saep datasets show");
        for (java.util.List<String> examples : all.values()) {
            for (String example : examples) {
                String command = example.replaceAll("\\s*#[^\\n]*", "")
                        .replace("\\\n", " ")
                        .strip();
                assertThat(command).startsWith("saep ");
                String[] args = command.substring(5).strip().split("\\s+");
                picocli.CommandLine cmd = SaepCommand.create(
                        new java.io.PrintWriter(java.io.Writer.nullWriter()),
                        new java.io.PrintWriter(java.io.Writer.nullWriter()));
                org.assertj.core.api.Assertions.assertThatCode(() -> cmd.parseArgs(args))
                        .as(example)
                        .doesNotThrowAnyException();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theCriteriaListWrapsUnderItsOwnIndent() {
        java.util.List<String> lines =
                CliRun.of("prune", "--help").out().lines().toList();
        int from = lines.indexOf("Pruning criteria (--method):");
        assertThat(from).isPositive();
        for (String line : lines.subList(from + 1, lines.size())) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
            assertThat(line).as("a criterion, or a line indented under one").startsWith("  ");
        }
    }
}
