package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.api.Saep;
import org.saepj.api.SaepClassifier;
import org.saepj.cli.display.Json;

/**
 * A model fitted and saved with the Java API ({@code org.saepj.api}) is the command line's saved ensemble: predict,
 * evaluate, inspect and export read it and agree with the API's own answers.
 */
class JavaApiCliTest {
    private static final List<String> NAMES = List.of("width", "height", "depth", "weight");

    @TempDir
    static Path root;

    private static SaepClassifier model;
    private static float[][] rows;
    private static String[] labels;

    @BeforeAll
    static void fitAndSave() {
        SplittableRandom rng = new SplittableRandom(11);
        rows = new float[150][4];
        labels = new String[150];
        for (int i = 0; i < rows.length; i++) {
            int c = i % 3;
            labels[i] = List.of("small", "medium", "large").get(c);
            for (int j = 0; j < 4; j++) {
                rows[i][j] = (float) ((j == c ? 3 : 0) + rng.nextGaussian());
            }
        }
        model = Saep.classifier()
                .method("pie")
                .parameter("alpha", 0.5)
                .iterations(3)
                .steps(240)
                .threads(1)
                .featureNames(NAMES)
                .outputFolder(root.resolve("run"))
                .fit(rows, labels);
        model.save(root.resolve("model"));
    }

    /** The rows as CSV with the columns in another order than the model's, matched by name. */
    private static Path csv(boolean withLabels) throws Exception {
        StringBuilder s = new StringBuilder("depth,weight,width,height" + (withLabels ? ",size" : "") + "\n");
        for (int i = 0; i < rows.length; i++) {
            float[] r = rows[i];
            s.append(r[2])
                    .append(',')
                    .append(r[3])
                    .append(',')
                    .append(r[0])
                    .append(',')
                    .append(r[1]);
            s.append(withLabels ? "," + labels[i] : "").append('\n');
        }
        Path file = root.resolve(withLabels ? "labelled.csv" : "rows.csv");
        Files.writeString(file, s);
        return file;
    }

    @Test
    void predictReadsTheSavedModelAndAgreesWithTheApi() throws Exception {
        Path out = root.resolve("predictions.csv");
        CliRun run = CliRun.of(
                "predict",
                "--model",
                root.resolve("model").toString(),
                "--data",
                "csv:" + csv(false),
                "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("row,predicted,p_large,p_medium,p_small");
        String[] api = model.predictLabels(rows);
        double[][] p = model.predictProbabilities(rows);
        for (int i = 0; i < rows.length; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertThat(cells[1]).isEqualTo(api[i]);
            assertThat(Double.parseDouble(cells[2])).isCloseTo(p[i][0], org.assertj.core.api.Assertions.within(5e-7));
        }
    }

    @Test
    void evaluateMeasuresWhatTheApiMeasures() throws Exception {
        CliRun run = CliRun.of(
                "evaluate",
                "--model",
                root.resolve("model").toString(),
                "--data",
                "csv:" + csv(true),
                "--label-column",
                "size",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(run.out());
        var e = model.evaluate(rows, labels);
        assertThat(n.get("samples").asInt()).isEqualTo(e.samples());
        assertThat(n.get("accuracy").asDouble()).isEqualTo(e.accuracy());
        assertThat(n.get("loss").asDouble()).isCloseTo(e.logLoss(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(n.get("calibrationError").asDouble())
                .isCloseTo(e.calibrationError(), org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void inspectAndExportReadTheModelAndTheRunFolder() throws Exception {
        CliRun saved = CliRun.of("inspect", root.resolve("model").toString());
        assertThat(saved.exitCode()).as(saved.err()).isZero();
        assertThat(saved.out())
                .contains("saved ensemble")
                .contains("classes        3: large, medium, small")
                .contains("members        " + model.members().size() + ",");
        CliRun run = CliRun.of("inspect", root.resolve("run").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("run directory");
        Path onnx = root.resolve("cli.onnx");
        CliRun export = CliRun.of(
                "export", "--model", root.resolve("model").toString(), "--format", "onnx", "--out", onnx.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        model.exportOnnx(root.resolve("api.onnx"));
        assertThat(Files.readAllBytes(root.resolve("api.onnx"))).isEqualTo(Files.readAllBytes(onnx));
    }
}
