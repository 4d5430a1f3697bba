package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.data.ModelData;
import org.saepj.cli.display.Json;
import org.saepj.data.Dataset;
import org.saepj.data.preprocess.Clip;
import org.saepj.data.preprocess.Pipeline;
import org.saepj.data.preprocess.RobustScale;
import org.saepj.data.preprocess.Standardize;
import org.saepj.data.source.DataSources;
import org.saepj.engine.Backends;
import org.saepj.persistence.EnsembleManifest;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.testing.TestFiles;

/**
 * {@code saep export --format onnx} run in ONNX Runtime: on a DNN, a CNN and a CSV ensemble (standardised, and clipped
 * then standardised), the graph's probabilities equal {@code predict}'s within 1e-5 and give the same class on every
 * test sample.
 */
class OnnxExportTest {
    @TempDir
    static Path root;

    static Path fixture;

    @BeforeAll
    static void data() {
        fixture = TestFiles.fashionMnistFixture(root.resolve("fixture"));
    }

    private static Path search(String name, String... args) {
        Path out = root.resolve(name);
        List<String> all = new java.util.ArrayList<>(
                List.of("search", "--iterations", "3", "--steps", "90", "--quiet", "--out", out.toString()));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out.resolve("ensemble");
    }

    /** Exports, predicts, runs the graph on the raw rows and compares. */
    private static void parity(Path model, String data, float[][] raw) throws Exception {
        Path onnx = root.resolve(model.getParent().getFileName() + ".onnx");
        CliRun export = CliRun.of("export", "--model", model.toString(), "--format", "onnx", "--out", onnx.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("wrote ").contains("outputs 'logits' and 'probabilities'");
        Path predictions = root.resolve(model.getParent().getFileName() + "-predictions.csv");
        CliRun predict =
                CliRun.of("predict", "--model", model.toString(), "--data", data, "--out", predictions.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> lines = Files.readAllLines(predictions);
        SavedEnsemble ensemble = SavedEnsemble.load(model, Backends.best());
        List<String> classes = ensemble.manifest().classNames();
        assertThat(lines).hasSize(raw.length + 1);
        // The library's own prediction on raw rows, without a labelled Dataset: predict's numbers.
        double[][] api = SavedEnsemble.load(model).predictProbabilities(raw);
        List<String> apiClasses = SavedEnsemble.load(model).predict(raw);
        for (int i = 0; i < raw.length; i++) {
            String[] row = lines.get(i + 1).split(",");
            assertThat(apiClasses.get(i)).isEqualTo(row[1]);
            for (int k = 0; k < classes.size(); k++) {
                assertThat(api[i][k])
                        .isCloseTo(Double.parseDouble(row[2 + k]), org.assertj.core.data.Offset.offset(5.0000001e-7));
            }
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int features = raw[0].length;
        float[] flat = new float[raw.length * features];
        for (int i = 0; i < raw.length; i++) {
            System.arraycopy(raw[i], 0, flat, i * features, features);
        }
        try (OrtSession session = env.createSession(Files.readAllBytes(onnx), new OrtSession.SessionOptions());
                OnnxTensor input =
                        OnnxTensor.createTensor(env, FloatBuffer.wrap(flat), new long[] {raw.length, features});
                OrtSession.Result result = session.run(Map.of("input", input))) {
            assertThat(Json.MAPPER.readValue(
                            session.getMetadata().getCustomMetadata().get("class_names"), List.class))
                    .isEqualTo(classes);
            float[][] p = (float[][]) result.get("probabilities").orElseThrow().getValue();
            float[][] logits = (float[][]) result.get("logits").orElseThrow().getValue();
            assertThat(logits).hasNumberOfRows(raw.length);
            for (int i = 0; i < raw.length; i++) {
                String[] row = lines.get(i + 1).split(",");
                int best = 0;
                for (int k = 0; k < classes.size(); k++) {
                    assertThat((double) p[i][k])
                            .as("sample " + i + ", class " + k)
                            .isCloseTo(Double.parseDouble(row[2 + k]), org.assertj.core.data.Offset.offset(1e-5));
                    if (p[i][k] > p[i][best]) {
                        best = k;
                    }
                }
                assertThat(classes.get(best)).as("sample " + i).isEqualTo(row[1]);
            }
        }
    }

    /** The test rows as the file holds them: pixels 0–255 (the reader divides them by 255). */
    private static float[][] pixels(Path model, String data) {
        SavedEnsemble ensemble = SavedEnsemble.load(model, Backends.best());
        Dataset d = ModelData.prepare(
                        ensemble,
                        new DataSources(
                                org.saepj.data.source.DatasetLocator.standard(null),
                                org.saepj.data.io.CsvReader.Options.defaults()),
                        data,
                        "test")
                .data();
        float[][] raw = new float[d.size()][d.featureSize()];
        for (int i = 0; i < d.size(); i++) {
            for (int j = 0; j < d.featureSize(); j++) {
                raw[i][j] = Math.round(d.features()[i * d.featureSize() + j] * 255f);
            }
        }
        return raw;
    }

    @Test
    void aDnnEnsembleRunsInOnnxRuntimeAsInTheEngine() throws Exception {
        Path model = search("dnn", "--data", "idx:" + fixture, "--model", "dnn");
        parity(model, "idx:" + fixture, pixels(model, "idx:" + fixture));
    }

    @Test
    void aCnnEnsembleWithLearnedWeightsRunsInOnnxRuntimeAsInTheEngine() throws Exception {
        Path model = search("cnn", "--data", "idx:" + fixture, "--model", "cnn", "--mixture", "learned");
        parity(model, "idx:" + fixture, pixels(model, "idx:" + fixture));
    }

    @Test
    void anEnsembleOfTwoBlockCnnsRunsInOnnxRuntimeAsInTheEngine() throws Exception {
        // The larger CNN family: 5×5 then 3×3 blocks, each pooled, so the graph's layouts change twice before
        // flattening.
        Path space = TestFiles.write(root.resolve("space.json"), ("""
                {"formatVersion": 1, "name": "two-kinds", "families": [
                  {"name": "cnn2", "type": "conv",
                   "blocks": [{"filters": 6, "kernel": 5}, {"filters": 8, "kernel": 3}], "dense": 16,
                   "optimizer": {"type": "sgd-momentum", "learningRate": 0.05, "momentum": 0.9, "schedule": "cosine"}}]}
                """).getBytes());
        Path model = search("mixed", "--data", "idx:" + fixture, "--space", space.toString());
        SavedEnsemble e = SavedEnsemble.load(model, Backends.best());
        assertThat(e.manifest().members())
                .allMatch(m -> m.architecture().depth() == 2)
                .hasSizeGreaterThan(1);
        parity(model, "idx:" + fixture, pixels(model, "idx:" + fixture));
    }

    /**
     * {@code --scaling auto} on a small table: the search runs its bags on the standardised features and on their
     * piecewise-linear encoding and keeps the lower validation loss. On a table whose class is an interval of one
     * feature the bins are kept: the model stores the standardising and the encoding after it, the report and the log
     * say what each run scored, and predict and the ONNX graph apply both steps to raw rows.
     */
    @Test
    void scalingAutoPicksTheEncodingAndStoresTheKeptStepsForPredictAndOnnx() throws Exception {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        StringBuilder train = new StringBuilder("a,b,c,kind\n");
        StringBuilder test = new StringBuilder("a,b,c,kind\n");
        float[][] raw = new float[60][];
        for (int i = 0; i < 300; i++) {
            float[] x = {(float) (50 * rng.nextDouble()), (float) rng.nextDouble(), (float) rng.nextGaussian()};
            String kind = x[0] < 15 ? "low" : x[0] < 35 ? "mid" : "high";
            StringBuilder into = i < 240 ? train : test;
            for (float v : x) {
                into.append(v).append(',');
            }
            into.append(kind).append('\n');
            if (i >= 240) {
                raw[i - 240] = x;
            }
        }
        Path trainCsv = TestFiles.write(
                root.resolve("steps-train.csv"), train.toString().getBytes());
        Path testCsv =
                TestFiles.write(root.resolve("steps-test.csv"), test.toString().getBytes());
        Path model = search(
                "csv-auto-search",
                "--data",
                "csv:" + trainCsv,
                "--test",
                "csv:" + testCsv,
                "--model",
                "dnn",
                "--scaling",
                "auto");
        SavedEnsemble e = SavedEnsemble.load(model);
        assertThat(e.manifest().config().scaling()).isEqualTo(org.saepj.data.preprocess.Scaling.AUTO);
        assertThat(e.manifest().config().validation().bagCount()).isEqualTo(5);
        com.fasterxml.jackson.databind.JsonNode report =
                Json.MAPPER.readTree(model.getParent().resolve("report.json").toFile());
        assertThat(report.at("/encoding/chosen").asText()).isEqualTo("ple");
        assertThat(report.at("/encoding/tried")).hasSize(2);
        assertThat(report.at("/encoding/tried/1/validationLoss").asDouble())
                .isLessThan(report.at("/encoding/tried/0/validationLoss").asDouble());
        assertThat(report.at("/dataUse/encoding").asText()).contains("kept ple");
        assertThat(Files.readString(model.getParent().resolve("search.log")))
                .contains("encoding 1 of 2 (scaling auto): standard")
                .contains("encoding 2 of 2 (scaling auto): ple")
                .contains("encoding: ple kept");
        assertThat(e.manifest().preprocessing().types()).containsExactly("standardize", "piecewise-linear");
        parity(model, "csv:" + testCsv, raw);
    }

    /** A CSV ensemble searched on 150 rows of three kinds, its 60 test rows in their own file. */
    private record CsvModel(Path model, Path testCsv, float[][] raw) {}

    private static CsvModel csvModel() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        StringBuilder train = new StringBuilder("width,height,depth,weight,kind\n");
        StringBuilder test = new StringBuilder("width,height,depth,weight,kind\n");
        float[][] raw = new float[60][];
        for (int i = 0; i < 210; i++) {
            int kind = i % 3;
            float[] x = {
                (float) (kind * 2 + rng.nextGaussian()),
                (float) (10 + kind * 3 * rng.nextDouble()),
                (float) (100 * rng.nextDouble()),
                (float) (0.01 * kind + 0.001 * rng.nextGaussian())
            };
            StringBuilder into = i < 150 ? train : test;
            for (float v : x) {
                into.append(v).append(',');
            }
            into.append("k").append(kind).append('\n');
            if (i >= 150) {
                raw[i - 150] = x;
            }
        }
        Path trainCsv =
                TestFiles.write(root.resolve("train.csv"), train.toString().getBytes());
        Path testCsv = TestFiles.write(root.resolve("test.csv"), test.toString().getBytes());
        Path model = Files.isDirectory(root.resolve("csv"))
                ? root.resolve("csv").resolve("ensemble")
                : search(
                        "csv",
                        "--data",
                        "csv:" + trainCsv,
                        "--test",
                        "csv:" + testCsv,
                        "--model",
                        "dnn",
                        "--preset",
                        "paper");
        return new CsvModel(model, testCsv, raw);
    }

    @Test
    void aStandardisedCsvEnsembleRunsInOnnxRuntimeAsInTheEngine() throws Exception {
        CsvModel csv = csvModel();
        parity(csv.model(), "csv:" + csv.testCsv(), csv.raw());
    }

    @Test
    void aClipStepBeforeStandardisingRunsInOnnxRuntimeAsInTheEngine() throws Exception {
        CsvModel csv = csvModel();
        SavedEnsemble e = SavedEnsemble.load(csv.model(), Backends.best());
        EnsembleManifest m = e.manifest();
        Standardize st = (Standardize) m.preprocessing().steps().get(0);
        // half a deviation either side of the mean: most test values are clipped, on one side or the other
        float[] low = new float[st.mean().length];
        float[] high = new float[low.length];
        for (int j = 0; j < low.length; j++) {
            low[j] = st.mean()[j] - st.deviation()[j] / 2;
            high[j] = st.mean()[j] + st.deviation()[j] / 2;
        }
        Pipeline clipped = new Pipeline(List.of(new Clip(low, high), st));
        Path dir = withPreprocessing(e, clipped, root.resolve("csv-clip"), "clip");
        assertThat(rowsChanged(e, dir, csv.raw())).as("rows the clip changed").isPositive();
        parity(dir, "csv:" + csv.testCsv(), csv.raw());
    }

    @Test
    void aRobustScaleStepRunsInOnnxRuntimeAsInTheEngine() throws Exception {
        CsvModel csv = csvModel();
        SavedEnsemble e = SavedEnsemble.load(csv.model(), Backends.best());
        EnsembleManifest m = e.manifest();
        Standardize st = (Standardize) m.preprocessing().steps().get(0);
        // a quarter of a deviation as the scale: most values land beyond ±3 before the soft clip bends them back
        float[] scale = new float[st.deviation().length];
        for (int j = 0; j < scale.length; j++) {
            scale[j] = st.deviation()[j] / 4;
        }
        Pipeline robust = new Pipeline(List.of(new RobustScale(st.mean(), scale)));
        Path dir = withPreprocessing(e, robust, root.resolve("csv-robust"), "robust-scale");
        assertThat(rowsChanged(e, dir, csv.raw()))
                .as("rows the robust scaling changed")
                .isPositive();
        parity(dir, "csv:" + csv.testCsv(), csv.raw());
    }

    /**
     * {@code --scaling robust}: the search fits the robust-scale step in standardising's place, the run records the
     * choice, and predict and the ONNX graph apply the stored step to raw rows.
     */
    @Test
    void aSearchWithRobustScalingStoresItsStepForPredictAndOnnx() throws Exception {
        CsvModel csv = csvModel(); // writes the CSV files
        Path model = search(
                "csv-robust-search",
                "--data",
                "csv:" + root.resolve("train.csv"),
                "--test",
                "csv:" + csv.testCsv(),
                "--model",
                "dnn",
                "--preset",
                "paper",
                "--scaling",
                "robust");
        SavedEnsemble e = SavedEnsemble.load(model);
        assertThat(e.manifest().preprocessing().types()).containsExactly("robust-scale");
        RobustScale step = (RobustScale) e.manifest().preprocessing().steps().get(0);
        Standardize standard = (Standardize) SavedEnsemble.load(csv.model())
                .manifest()
                .preprocessing()
                .steps()
                .get(0);
        assertThat(step.median()).as("fitted on the training part").hasSameSizeAs(standard.mean());
        assertThat(step.median()).isNotEqualTo(standard.mean());
        assertThat(e.manifest().config().scaling()).isEqualTo(org.saepj.data.preprocess.Scaling.ROBUST);
        Path run = model.getParent();
        assertThat(Json.MAPPER
                        .readTree(run.resolve("report.json").toFile())
                        .at("/config/data/scaling")
                        .asText())
                .isEqualTo("robust");
        assertThat(Json.MAPPER
                        .readTree(run.resolve("run.json").toFile())
                        .at("/config/data/scaling")
                        .asText())
                .isEqualTo("robust");
        assertThat(Json.MAPPER
                        .readTree(csv.model().getParent().resolve("report.json").toFile())
                        .at("/config/data/scaling")
                        .asText())
                .as("the default")
                .isEqualTo("standard");
        parity(model, "csv:" + csv.testCsv(), csv.raw());
    }

    /**
     * {@code --scaling ple}: the search fits the piecewise-linear encoding in standardising's place (its members take
     * one value a bin), the run records the choice, and predict and the ONNX graph (Gather, Sub, Div, Max, Min) apply
     * the stored edges to raw rows, test rows beyond the training range included.
     */
    @Test
    void aSearchWithPiecewiseLinearEncodingStoresItsStepForPredictAndOnnx() throws Exception {
        CsvModel csv = csvModel(); // writes the CSV files
        Path model = search(
                "csv-ple-search",
                "--data",
                "csv:" + root.resolve("train.csv"),
                "--test",
                "csv:" + csv.testCsv(),
                "--model",
                "dnn",
                "--preset",
                "paper",
                "--scaling",
                "ple");
        SavedEnsemble e = SavedEnsemble.load(model);
        assertThat(e.manifest().preprocessing().types()).containsExactly("piecewise-linear");
        org.saepj.data.preprocess.PiecewiseLinear step = (org.saepj.data.preprocess.PiecewiseLinear)
                e.manifest().preprocessing().steps().get(0);
        // 150 training rows of distinct values: the most bins; the height, 10 in a third of the rows, fewer
        assertThat(step.edges()[0]).hasSize(org.saepj.data.preprocess.PiecewiseLinear.Kind.MAX_BINS + 1);
        assertThat(step.edges()[1]).hasSizeLessThan(org.saepj.data.preprocess.PiecewiseLinear.Kind.MAX_BINS + 1);
        int[] shape = e.manifest().inputShape();
        assertThat(shape[0] * shape[1] * shape[2])
                .isEqualTo(step.outputWidth(4))
                .isGreaterThan(4 * 10);
        assertThat(e.manifest().config().scaling()).isEqualTo(org.saepj.data.preprocess.Scaling.PLE);
        assertThat(Json.MAPPER
                        .readTree(model.getParent().resolve("run.json").toFile())
                        .at("/config/data/scaling")
                        .asText())
                .isEqualTo("ple");
        boolean beyond = java.util.Arrays.stream(csv.raw())
                .anyMatch(row -> java.util.stream.IntStream.range(0, 4)
                        .anyMatch(j ->
                                row[j] < step.edges()[j][0] || row[j] > step.edges()[j][step.edges()[j].length - 1]));
        assertThat(beyond)
                .as("a test value beyond the training range, in an open-ended bin")
                .isTrue();
        parity(model, "csv:" + csv.testCsv(), csv.raw());
    }

    /**
     * Saves a copy of a saved ensemble whose preprocessing is replaced, and checks the manifest names the new step.
     *
     * @return the copy's ensemble directory
     */
    private static Path withPreprocessing(SavedEnsemble e, Pipeline steps, Path run, String firstStep)
            throws Exception {
        EnsembleManifest m = e.manifest();
        Path dir = run.resolve("ensemble");
        new SavedEnsemble(
                        new EnsembleManifest(
                                m.formatVersion(),
                                m.inputShape(),
                                m.classNames(),
                                steps,
                                m.members(),
                                m.mixture(),
                                m.data(),
                                m.provenance(),
                                m.config(),
                                m.featureNames(),
                                m.target()),
                        e.networks())
                .save(dir);
        assertThat(Json.MAPPER
                        .readTree(dir.resolve("manifest.json").toFile())
                        .at("/preprocessing/0/type")
                        .asText())
                .isEqualTo(firstStep);
        return dir;
    }

    /** @return how many rows' first-class probability the copy in {@code dir} gives differently from {@code e} */
    private static long rowsChanged(SavedEnsemble e, Path dir, float[][] rows) {
        double[][] before = e.predictProbabilities(rows);
        double[][] after = SavedEnsemble.load(dir).predictProbabilities(rows);
        return java.util.stream.IntStream.range(0, before.length)
                .filter(i -> before[i][0] != after[i][0])
                .count();
    }

    /** A temperature in the manifest: predict and the ONNX graph (a Div before the softmax) divide the logits by it. */
    @Test
    void aTemperatureScaledEnsembleRunsInOnnxRuntimeAsInTheEngine() throws Exception {
        CsvModel csv = csvModel();
        SavedEnsemble e = SavedEnsemble.load(csv.model(), Backends.best());
        EnsembleManifest m = e.manifest();
        Path dir = root.resolve("csv-temperature").resolve("ensemble");
        new SavedEnsemble(
                        new EnsembleManifest(
                                m.formatVersion(),
                                m.inputShape(),
                                m.classNames(),
                                m.preprocessing(),
                                m.members(),
                                m.mixture(),
                                m.data(),
                                m.provenance(),
                                m.config(),
                                m.featureNames(),
                                m.target(),
                                2.5),
                        e.networks())
                .save(dir);
        com.fasterxml.jackson.databind.JsonNode stored =
                Json.MAPPER.readTree(dir.resolve("manifest.json").toFile());
        assertThat(stored.path("temperature").asDouble()).isEqualTo(2.5);
        assertThat(stored.path("formatVersion").asInt()).isEqualTo(SavedEnsemble.NEWEST_FORMAT_VERSION);
        float[][] plain = e.predictLogits(csv.raw());
        float[][] scaled = SavedEnsemble.load(dir).predictLogits(csv.raw());
        for (int i = 0; i < plain.length; i++) {
            for (int k = 0; k < plain[i].length; k++) {
                assertThat(scaled[i][k]).isEqualTo(plain[i][k] / 2.5f);
            }
        }
        assertThat(SavedEnsemble.load(dir).predict(csv.raw())).isEqualTo(e.predict(csv.raw()));
        parity(dir, "csv:" + csv.testCsv(), csv.raw());
    }

    /** A table of three numeric columns with gaps ("NA" and empty) in every fifth row: its files and raw test rows. */
    private record GapsTable(Path trainCsv, Path testCsv, float[][] raw) {}

    private static GapsTable gapsTable() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
        StringBuilder train = new StringBuilder("a,b,c,kind\n");
        StringBuilder test = new StringBuilder("a,b,c,kind\n");
        float[][] raw = new float[30][];
        for (int i = 0; i < 180; i++) {
            int kind = i % 2;
            float[] x = {
                (float) (kind * 3 + rng.nextGaussian()),
                (float) (5 + kind + rng.nextGaussian()),
                (float) rng.nextDouble()
            };
            if (i % 5 == 0) {
                x[i % 3] = Float.NaN;
            }
            StringBuilder into = i < 150 ? train : test;
            for (float v : x) {
                into.append(Float.isNaN(v) ? (i % 2 == 0 ? "NA" : "") : Float.toString(v))
                        .append(',');
            }
            into.append("k").append(kind).append('\n');
            if (i >= 150) {
                raw[i - 150] = x;
            }
        }
        Path trainCsv =
                TestFiles.write(root.resolve("gaps-train.csv"), train.toString().getBytes());
        Path testCsv =
                TestFiles.write(root.resolve("gaps-test.csv"), test.toString().getBytes());
        return new GapsTable(trainCsv, testCsv, raw);
    }

    /** A table with gaps: the impute step's nodes (Where on IsNaN, the indicator columns) take NaN for a gap. */
    @Test
    void aTableWithGapsRunsInOnnxRuntimeAsInTheEngine() throws Exception {
        GapsTable t = gapsTable();
        Path model = search("gaps", "--data", "csv:" + t.trainCsv(), "--test", "csv:" + t.testCsv(), "--model", "dnn");
        assertThat(SavedEnsemble.load(model).manifest().preprocessing().types())
                .containsExactly("columns", "impute", "one_hot", "standardize");
        parity(model, "csv:" + t.testCsv(), t.raw());
    }

    /**
     * The piecewise-linear encoding after the gaps are filled: the missing-value indicator columns (0/1) are one bin
     * each, themselves.
     */
    @Test
    void aTableWithGapsEncodedPiecewiseLinearRunsInOnnxRuntimeAsInTheEngine() throws Exception {
        GapsTable t = gapsTable();
        Path model = search(
                "gaps-ple",
                "--data",
                "csv:" + t.trainCsv(),
                "--test",
                "csv:" + t.testCsv(),
                "--model",
                "dnn",
                "--scaling",
                "ple");
        EnsembleManifest m = SavedEnsemble.load(model).manifest();
        assertThat(m.preprocessing().types()).containsExactly("columns", "impute", "one_hot", "piecewise-linear");
        org.saepj.data.preprocess.PiecewiseLinear step = (org.saepj.data.preprocess.PiecewiseLinear)
                m.preprocessing().find("piecewise-linear").orElseThrow();
        assertThat(step.edges().length)
                .as("three columns and their gap indicators")
                .isGreaterThan(3);
        assertThat(step.edges()[step.edges().length - 1])
                .as("an indicator column")
                .containsExactly(0f, 1f);
        parity(model, "csv:" + t.testCsv(), t.raw());
    }

    @Test
    void badUsageIsOneLine() {
        CliRun format = CliRun.of(
                "export",
                "--model",
                root.toString(),
                "--format",
                "tflite",
                "--out",
                root.resolve("x.tflite").toString());
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).isEqualTo("error: --format must be onnx, got 'tflite'\n");
    }
}
