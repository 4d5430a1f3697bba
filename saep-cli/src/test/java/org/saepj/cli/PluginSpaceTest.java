package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.testing.TestFiles;

/**
 * A search space that exists only in the test sources ({@code WideningSpace}, registered by a services file in the
 * test resources) is searched with {@code --space ID} and its parameters, stored with the run and found again on
 * {@code --resume}, with no line of the command line written for it.
 */
class PluginSpaceTest {
    @TempDir
    Path dir;

    @Test
    void aTestOnlySpaceIsSearchedStoredAndResumed() throws Exception {
        Path data = TestFiles.fashionMnistFixture(dir.resolve("fixture"));
        Path out = dir.resolve("run");
        CliRun run = CliRun.of(
                "search",
                "--data",
                "idx:" + data,
                "--space",
                "widening",
                "--space-param",
                "width=4",
                "--iterations",
                "3",
                "--steps",
                "90",
                "--threads",
                "2",
                "--quiet",
                "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/config/space/plugin/id").asText()).isEqualTo("widening");
        assertThat(report.at("/config/space/plugin/parameters/width").asDouble())
                .isEqualTo(4.0);
        assertThat(report.at("/iterations/2/candidates/0/name").asText()).isEqualTo("wide-20");
        assertThat(report.at("/members/0/architecture/hidden/0").asInt()).isEqualTo(4);

        Path again = dir.resolve("again");
        FaultAuditTest.copyTree(out, again);
        Files.delete(again.resolve("report.json"));
        CliRun resumed = CliRun.of("search", "--resume", again.toString(), "--quiet");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(Json.MAPPER.readTree(again.resolve("report.json").toFile()).at("/final/testAccuracy"))
                .isEqualTo(report.at("/final/testAccuracy"));

        CliRun neither = CliRun.of(
                "search",
                "--data",
                "idx:" + data,
                "--space",
                "nowhere",
                "--out",
                dir.resolve("x").toString());
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err())
                .contains("--space nowhere: no such file, no built-in space of that name (residual-mlp,"
                        + " residual-cnn) and no search-space plug-in has that id (the plug-ins are widening)");
        CliRun stray = CliRun.of(
                "search",
                "--data",
                "idx:" + data,
                "--space-param",
                "width=4",
                "--out",
                dir.resolve("y").toString());
        assertThat(stray.exitCode()).isEqualTo(2);
        assertThat(stray.err()).contains("--space-param needs --space naming a search-space plug-in");
    }
}
