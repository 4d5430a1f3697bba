package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.testing.TestFiles;

/** The search space of a search that names none: by preset and data kind, said on the run's first lines. */
class DefaultSpaceCliTest {
    @TempDir
    Path dir;

    private Path csv;

    @BeforeEach
    void table() throws Exception {
        csv = TestFiles.write(
                dir.resolve("people.csv"), TablesTest.people(200, 3).getBytes(StandardCharsets.UTF_8));
    }

    private CliRun search(String out, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "search",
                "--data",
                "csv:" + csv,
                "--label-column",
                "outcome",
                "--iterations",
                "1",
                "--steps",
                "40",
                "--threads",
                "1",
                "--out",
                dir.resolve(out).toString()));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    void aTableSearchesTheBuiltInResidualMlpAndSaysWhy() {
        CliRun run = search("run");
        assertThat(run.out().lines().findFirst().orElseThrow()).contains(": preset validated, space residual-mlp, ");
        assertThat(run.out())
                .contains("search space: built-in residual-mlp, the default for a table (5 feature columns) under"
                        + " preset validated (--preset paper searches the paper's dnn)");
        assertThat(run.out()).contains("resmlp");
    }

    @Test
    void thePaperPresetAndWidthKeepTheDnn() {
        for (String[] options : List.of(new String[] {"--preset", "paper"}, new String[] {"--width", "16"})) {
            CliRun run = search("run-" + options[0].substring(2), options);
            assertThat(run.out().lines().findFirst().orElseThrow()).contains(", dnn, ");
            assertThat(run.out()).doesNotContain("search space:").doesNotContain("resmlp");
        }
    }

    @Test
    void aBuiltInSpaceIsNamedByItsNameUnlessAFileHasIt() throws Exception {
        CliRun named = search("named", "--space", "residual-mlp");
        assertThat(named.out().lines().findFirst().orElseThrow()).contains(", space residual-mlp, ");
        assertThat(named.out()).doesNotContain("search space:"); // the user chose it: nothing to explain
        CliRun unknown = CliRun.of(
                "search",
                "--data",
                "csv:" + csv,
                "--label-column",
                "outcome",
                "--space",
                "residual",
                "--out",
                dir.resolve("unknown").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip())
                .startsWith("error: --space residual: no such file, no built-in space of that name (residual-mlp,"
                        + " residual-cnn) and no search-space plug-in has that id");
    }
}
