package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.data.SourceData;
import org.saepj.data.io.CsvReader;
import org.saepj.engine.Backends;
import org.saepj.execution.LocalExecutor;
import org.saepj.export.OnnxExport;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.persistence.ValuePrediction;
import org.saepj.run.RunOutputs;
import org.saepj.search.AdaNetSearch;
import org.saepj.search.Experiment;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchListener;
import org.saepj.search.SearchResult;
import org.saepj.task.RegressionTask;

/**
 * A regression run's outputs: report.json's regression figures, iterations.csv's columns, an ensemble of manifest
 * format 5 whose values on raw rows give the report's RMSE, whose ONNX graph outputs the same values in ONNX Runtime,
 * and which {@code saep predict} and {@code saep inspect} read.
 */
class RegressionEnsembleTest {
    @TempDir
    Path dir;

    private static float[][] rows(int n, long seed, double[] y) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] x = new float[n][3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = (float) (rng.nextDouble() * 4 - 2);
            }
            y[i] = 100 + 20 * (x[i][0] - 0.5 * x[i][1] * x[i][1] + Math.sin(x[i][2]));
        }
        return x;
    }

    private Path csv(String name, float[][] x, double[] y) throws Exception {
        StringBuilder text = new StringBuilder("x0,x1,x2" + (y == null ? "" : ",y") + "\n");
        for (int i = 0; i < x.length; i++) {
            text.append(x[i][0]).append(',').append(x[i][1]).append(',').append(x[i][2]);
            text.append(y == null ? "" : "," + y[i]).append('\n');
        }
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aRegressionRunsOutputsReadBackAndAgree() throws Exception {
        double[] yTrain = new double[400];
        double[] yTest = new double[100];
        float[][] train = rows(400, 1, yTrain);
        float[][] test = rows(100, 2, yTest);
        CsvReader.Options label = new CsvReader.Options(Optional.empty(), Optional.of("y"));
        SourceData trainData = CsvReader.readValues(csv("train.csv", train, yTrain), label);
        SourceData testData = CsvReader.readValues(csv("test.csv", test, yTest), label);
        SourceData data = new SourceData(
                trainData.name(),
                trainData.source(),
                trainData.train(),
                Optional.of(testData.train()),
                trainData.sha256(),
                false,
                null,
                trainData.featureNames());
        SearchConfig config = SearchConfig.builder()
                .iterations(3)
                .totalSteps(900)
                .learningRate(0.01)
                .threads(1)
                .method("prs")
                .build();
        Partitions p = Partitions.prepare(config, data).get(0);
        SearchResult r;
        try (LocalExecutor executor = new LocalExecutor(1, Backends.best())) {
            r = new AdaNetSearch(config, executor, Backends.best())
                    .run(p, Experiment.info(config, data, p), SearchListener.NONE);
        }
        Path run = dir.resolve("run");
        RunOutputs.write(run, r, p, -1);

        JsonNode report = Json.MAPPER.readTree(run.resolve("report.json").toFile());
        assertThat(report.at("/final/regression/rmse").asDouble())
                .isEqualTo(r.metrics().regression().rmse());
        assertThat(report.at("/final/regression/r2").asDouble()).isGreaterThan(0.8);
        assertThat(report.at("/final/testAccuracy").isNull()).isTrue();
        assertThat(report.at("/dataset/task").asText()).isEqualTo(RegressionTask.ID);
        assertThat(report.at("/iterations/0/regression/averageAmbiguity").isNumber())
                .isTrue();
        assertThat(Files.readAllLines(run.resolve("iterations.csv")).get(0))
                .endsWith("test_rmse,test_mae,test_r2,ambiguity");
        assertThat(Files.readString(run.resolve("report.html")))
                .contains("test RMSE")
                .doesNotContain("Confusion");

        Path model = run.resolve("ensemble");
        JsonNode manifest = Json.MAPPER.readTree(model.resolve("manifest.json").toFile());
        assertThat(manifest.at("/formatVersion").asInt()).isEqualTo(SavedEnsemble.NEWEST_FORMAT_VERSION);
        assertThat(manifest.at("/target/task").asText()).isEqualTo(RegressionTask.ID);
        SavedEnsemble ensemble = SavedEnsemble.load(model, Backends.best());
        assertThat(ensemble.task().id()).isEqualTo(RegressionTask.ID);
        List<ValuePrediction> values = ensemble.predictValues(test);
        double sse = 0;
        for (int i = 0; i < test.length; i++) {
            sse += (values.get(i).value() - yTest[i]) * (values.get(i).value() - yTest[i]);
            assertThat(values.get(i).spread()).isGreaterThanOrEqualTo(0);
        }
        assertThat(Math.sqrt(sse / test.length))
                .isCloseTo(r.metrics().regression().rmse(), offset(1e-9));

        // ONNX Runtime: the graph's value [N, 1] is predict's, in the target's unit
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[] flat = new float[test.length * 3];
        for (int i = 0; i < test.length; i++) {
            System.arraycopy(test[i], 0, flat, i * 3, 3);
        }
        try (OrtSession session = env.createSession(OnnxExport.toBytes(ensemble), new OrtSession.SessionOptions());
                OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(flat), new long[] {test.length, 3});
                OrtSession.Result result = session.run(Map.of("input", input))) {
            float[][] onnx = (float[][]) result.get("value").orElseThrow().getValue();
            assertThat(onnx).hasNumberOfRows(test.length);
            for (int i = 0; i < test.length; i++) {
                assertThat(onnx[i]).hasSize(1);
                assertThat((double) onnx[i][0])
                        .as("sample " + i)
                        .isCloseTo(values.get(i).value(), offset(1e-3));
            }
        }

        Path out = dir.resolve("predictions.csv");
        CliRun predict = CliRun.of(
                "predict",
                "--model",
                model.toString(),
                "--data",
                "csv:" + csv("new.csv", test, null),
                "--out",
                out.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).endsWith(",predicted,spread");
        for (int i = 0; i < test.length; i++) {
            String[] cells = lines.get(i + 1).split(",");
            double value = values.get(i).value();
            assertThat(Double.parseDouble(cells[1])).isCloseTo(value, offset(1e-6 * Math.abs(value)));
        }

        CliRun evaluate = CliRun.of(
                "evaluate",
                "--model",
                model.toString(),
                "--data",
                "csv:" + dir.resolve("test.csv"),
                "--label-column",
                "y",
                "--json");
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        JsonNode measured = Json.MAPPER.readTree(evaluate.out());
        assertThat(measured.at("/regression/rmse").asDouble())
                .isCloseTo(r.metrics().regression().rmse(), offset(1e-9));
        assertThat(measured.at("/regression/r2").asDouble())
                .isCloseTo(r.metrics().regression().r2(), offset(1e-9));
        assertThat(measured.at("/samples").asInt()).isEqualTo(test.length);

        CliRun inspect = CliRun.of("inspect", model.toString());
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
    }
}
