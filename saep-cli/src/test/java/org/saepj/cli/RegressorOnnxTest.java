package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.api.Saep;
import org.saepj.api.SaepRegressor;

/** The Java API's regressor exported to ONNX: ONNX Runtime's {@code value [N, 1]} is the model's own predict. */
class RegressorOnnxTest {
    @TempDir
    Path dir;

    private static float[][] rows(int n, long seed, double[] y) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] x = new float[n][2];
        for (int i = 0; i < n; i++) {
            x[i][0] = (float) (rng.nextDouble() * 4 - 2);
            x[i][1] = (float) (rng.nextDouble() * 4 - 2);
            y[i] = 300 + 40 * (x[i][0] * x[i][1] + Math.cos(x[i][0]));
        }
        return x;
    }

    @Test
    void theExportedGraphPredictsWhatTheModelPredicts() throws Exception {
        double[] y = new double[300];
        float[][] train = rows(300, 1, y);
        float[][] test = rows(80, 2, new double[80]);
        SaepRegressor model = Saep.regressor()
                .method("pap")
                .iterations(4)
                .steps(800)
                .threads(1)
                .seed(2)
                .fit(train, y);
        double[] predicted = model.predict(test);
        Path file = dir.resolve("model.onnx");
        model.exportOnnx(file);

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[] flat = new float[test.length * 2];
        for (int i = 0; i < test.length; i++) {
            System.arraycopy(test[i], 0, flat, i * 2, 2);
        }
        try (OrtSession session = env.createSession(Files.readAllBytes(file), new OrtSession.SessionOptions());
                OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(flat), new long[] {test.length, 2});
                OrtSession.Result result = session.run(Map.of("input", input))) {
            assertThat(session.getOutputNames()).containsExactly("value");
            float[][] onnx = (float[][]) result.get("value").orElseThrow().getValue();
            assertThat(onnx).hasNumberOfRows(test.length);
            for (int i = 0; i < test.length; i++) {
                assertThat(onnx[i]).hasSize(1);
                // float arithmetic in the graph against the model's: a few units in the last place of values near 300
                assertThat((double) onnx[i][0]).as("row " + i).isCloseTo(predicted[i], offset(1e-3));
            }
        }
    }
}
