package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.testing.TestFiles;

/**
 * {@code saep export --format onnx} of an ensemble searched on a table with a categorical column (a rare level among
 * its levels), a boolean column and gaps: the graph takes one input per column, named after it, and ONNX Runtime
 * gives {@code predict}'s probabilities on the raw rows — unseen levels, gaps of every spelling and true/false words
 * in any case included.
 */
class TableOnnxExportTest {
    @TempDir
    static Path root;

    static Path model;
    static Path testCsv;
    static List<String[]> testRows = new ArrayList<>();

    /** The last is named as the graph's first own tensor would be (the colour's LabelEncoder): the tensor yields. */
    private static final List<String> COLUMNS = List.of("colour", "smoker", "age", "labelencoder_0");

    @BeforeAll
    static void search() {
        SplittableRandom rng = new SplittableRandom(5);
        String[] colours = {"red", "blue", "green"};
        String header = String.join(",", COLUMNS) + ",kind\n";
        StringBuilder train = new StringBuilder(header);
        StringBuilder test = new StringBuilder(header);
        for (int i = 0; i < 220; i++) {
            int kind = i % 2;
            boolean testing = i >= 160;
            String colour = i == 7 || i == 19 ? "teal" : colours[(i + kind) % 3]; // teal: too rare, "other"
            if (testing && i % 9 == 0) {
                colour = "purple"; // a level the training file never had
            }
            String smoker = rng.nextDouble() < 0.5 + 0.3 * kind ? "yes" : "no";
            if (testing && i % 4 == 0) {
                smoker = smoker.toUpperCase(java.util.Locale.ROOT);
            }
            String age = String.valueOf((float) (30 + 10 * kind + 5 * rng.nextGaussian()));
            String score = String.valueOf((float) (rng.nextDouble() + kind));
            if (i % 6 == 0) {
                age = i % 12 == 0 ? "NA" : "";
            }
            if (i % 10 == 3) {
                colour = i % 20 == 3 ? "" : "?";
            }
            if (i % 11 == 5) {
                smoker = testing ? "na" : "";
            }
            String[] row = {colour, smoker, age, score};
            (testing ? test : train)
                    .append(String.join(",", row))
                    .append(",k")
                    .append(kind)
                    .append('\n');
            if (testing) {
                testRows.add(row);
            }
        }
        Path trainCsv =
                TestFiles.write(root.resolve("train.csv"), train.toString().getBytes());
        testCsv = TestFiles.write(root.resolve("test.csv"), test.toString().getBytes());
        Path out = root.resolve("run");
        CliRun run = CliRun.of(
                "search",
                "--iterations",
                "3",
                "--steps",
                "90",
                "--quiet",
                "--model",
                "dnn",
                "--out",
                out.toString(),
                "--data",
                "csv:" + trainCsv,
                "--test",
                "csv:" + testCsv);
        assertThat(run.exitCode()).as(run.err()).isZero();
        model = out.resolve("ensemble");
    }

    @Test
    void theModelHasEveryKindOfTableStep() {
        SavedEnsemble e = SavedEnsemble.load(model);
        assertThat(e.manifest().preprocessing().types()).containsExactly("columns", "impute", "one_hot", "standardize");
        assertThat(e.manifest().preprocessing().describe())
                .contains("1 categorical")
                .contains("1 boolean")
                .contains("missing-indicator");
    }

    @Test
    void exportSucceedsAndOnnxRuntimeGivesPredictsProbabilitiesOnTheRawRows() throws Exception {
        Path onnx = root.resolve("table.onnx");
        CliRun export = CliRun.of("export", "--model", model.toString(), "--format", "onnx", "--out", onnx.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out())
                .contains("inputs 'colour' (string [N, 1]), 'smoker' (string [N, 1]), 'age' (float [N, 1]),"
                        + " 'labelencoder_0' (float [N, 1])")
                .contains("outputs 'logits' and 'probabilities'");
        Path predictions = root.resolve("predictions.csv");
        CliRun predict = CliRun.of(
                "predict", "--model", model.toString(), "--data", "csv:" + testCsv, "--out", predictions.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(predict.out() + predict.err()).contains("purple");
        List<String> lines = Files.readAllLines(predictions);
        List<String> classes = SavedEnsemble.load(model).manifest().classNames();
        int n = testRows.size();
        assertThat(lines).hasSize(n + 1);

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
        try (OrtSession session = env.createSession(Files.readAllBytes(onnx), new OrtSession.SessionOptions())) {
            assertThat(session.getInputNames()).containsExactlyInAnyOrderElementsOf(COLUMNS);
            for (int j = 0; j < COLUMNS.size(); j++) {
                inputs.put(COLUMNS.get(j), j < 2 ? text(env, j) : numbers(env, j));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][] p =
                        (float[][]) result.get("probabilities").orElseThrow().getValue();
                for (int i = 0; i < n; i++) {
                    String[] row = lines.get(i + 1).split(",");
                    for (int k = 0; k < classes.size(); k++) {
                        assertThat((double) p[i][k])
                                .as("row " + i + " " + String.join(",", testRows.get(i)) + ", class " + k)
                                .isCloseTo(Double.parseDouble(row[2 + k]), Offset.offset(1e-5));
                    }
                }
            }
        } finally {
            for (OnnxTensor t : inputs.values()) {
                t.close();
            }
        }
    }

    /** A text column's cells as written, [N, 1]. */
    private static OnnxTensor text(OrtEnvironment env, int j) throws Exception {
        String[] cells = testRows.stream().map(r -> r[j]).toArray(String[]::new);
        return OnnxTensor.createTensor(env, cells, new long[] {cells.length, 1});
    }

    /** A numeric column, [N, 1], NaN for a gap. */
    private static OnnxTensor numbers(OrtEnvironment env, int j) throws Exception {
        float[] v = new float[testRows.size()];
        for (int i = 0; i < v.length; i++) {
            String c = testRows.get(i)[j];
            v[i] = c.isEmpty() || c.equals("NA") ? Float.NaN : Float.parseFloat(c);
        }
        return OnnxTensor.createTensor(env, FloatBuffer.wrap(v), new long[] {v.length, 1});
    }
}
