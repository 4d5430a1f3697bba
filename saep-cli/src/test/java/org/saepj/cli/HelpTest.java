package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

    /**
     * picocli formats each description as written in its annotation with String.format: a bare '%' ("30% of the
     * steps") made every --help print a warning and show that option's text unformatted. Percent signs are '%%'.
     */
    @org.junit.jupiter.api.Test
    void everyOptionDescriptionIsAValidFormat() {
        java.util.Deque<picocli.CommandLine> commands = new java.util.ArrayDeque<>(List.of(SaepCommand.create(
                new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()))));
        int checked = 0;
        while (!commands.isEmpty()) {
            picocli.CommandLine c = commands.pop();
            commands.addAll(c.getSubcommands().values());
            for (picocli.CommandLine.Model.ArgSpec arg : c.getCommandSpec().args()) {
                for (String line : annotated(arg)) {
                    org.assertj.core.api.Assertions.assertThatCode(() -> String.format(java.util.Locale.ROOT, line))
                            .as(c.getCommandName() + " " + arg + ": " + line)
                            .doesNotThrowAnyException();
                    checked++;
                }
            }
        }
        assertThat(checked).as("descriptions checked").isGreaterThan(100);
    }

    /** The description as its annotation holds it, before picocli formats it; none for options made in code. */
    private static List<String> annotated(picocli.CommandLine.Model.ArgSpec arg) {
        if (!(arg.userObject() instanceof java.lang.reflect.AnnotatedElement element)) {
            return List.of();
        }
        picocli.CommandLine.Option option = element.getAnnotation(picocli.CommandLine.Option.class);
        if (option != null) {
            return List.of(option.description());
        }
        picocli.CommandLine.Parameters parameters = element.getAnnotation(picocli.CommandLine.Parameters.class);
        return parameters == null ? List.of() : List.of(parameters.description());
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
