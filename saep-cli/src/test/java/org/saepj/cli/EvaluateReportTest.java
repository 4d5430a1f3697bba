package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.run.Decimals;
import org.saepj.testing.TestFiles;

/**
 * {@code saep evaluate --report FILE.html} of a classifier: the page has the figures evaluate prints, its per-class
 * table and its confusion matrix; an existing file is refused before any work unless {@code --overwrite}; the page
 * cannot go to standard output, where evaluate's figures go.
 */
class EvaluateReportTest {
    @TempDir
    Path dir;

    @Test
    void aClassifiersReportHasItsFiguresPerClassTableAndConfusionMatrix() throws Exception {
        Path csv = TestFiles.write(
                dir.resolve("blobs.csv"), OwnDataTest.blobs(150, 1).getBytes(StandardCharsets.UTF_8));
        Path run = dir.resolve("run");
        CliRun search = CliRun.of(
                "search",
                "--data",
                "csv:" + csv,
                "--iterations",
                "1",
                "--steps",
                "60",
                "--quiet",
                "--out",
                run.toString());
        assertThat(search.exitCode()).as(search.err()).isZero();
        String model = run.resolve("ensemble").toString();
        CliRun json = CliRun.of("evaluate", "--model", model, "--data", "csv:" + csv, "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode figures = Json.MAPPER.readTree(json.out());

        Path page = dir.resolve("evaluation.html");
        CliRun evaluate = CliRun.of("evaluate", "--model", model, "--data", "csv:" + csv, "--report", page.toString());
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(evaluate.out()).contains("macro F1").endsWith("wrote " + page + "\n");
        assertThat(Files.readString(page))
                .startsWith("<!DOCTYPE html>")
                .contains("<th>accuracy</th><td>"
                        + Decimals.of(figures.get("accuracy").asDouble(), 4) + "</td>")
                .contains("<th>macro F1</th>")
                .contains("<th>calibration</th><td>ECE ")
                .contains("<h2>Per class</h2>")
                .contains("<h2>Confusion matrix</h2>")
                .contains("<td>setosa</td>")
                .contains("<td>virginica</td>")
                .doesNotContain("Residuals");

        String before = Files.readString(page);
        CliRun again = CliRun.of("evaluate", "--model", model, "--data", "csv:" + csv, "--report", page.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err())
                .isEqualTo("error: --report " + page + " exists: choose another file or pass --overwrite\n");
        assertThat(again.out()).as("refused before any work").isEmpty();
        assertThat(Files.readString(page)).isEqualTo(before);
        CliRun replaced = CliRun.of(
                "evaluate",
                "--model",
                model,
                "--data",
                "csv:" + csv,
                "--report",
                page.toString(),
                "--overwrite",
                "--json");
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        assertThat(Json.MAPPER.readTree(replaced.out())).isEqualTo(figures);
        assertThat(replaced.err()).isEqualTo("wrote " + page + "\n");

        CliRun toStdout = CliRun.of("evaluate", "--model", model, "--data", "csv:" + csv, "--report", "-");
        assertThat(toStdout.exitCode()).isEqualTo(2);
        assertThat(toStdout.err()).startsWith("error: --report -: standard output has evaluate's figures");
    }
}
