package org.saepj.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.engine.Architecture;
import org.saepj.engine.Network;
import org.saepj.engine.kernel.KernelsProvider;

/** Outputs computed by replicas on several threads are bit for bit those of one pass, for any split. */
class ParallelInferenceTest {
    static ExecutorService helpers;

    @BeforeAll
    static void start() {
        helpers = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stop() {
        helpers.shutdownNow();
    }

    /** Five full chunks and a partial one, so the ranges are uneven. */
    static Dataset images() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 5 * Network.INFERENCE_CHUNK + 34;
        float[] x = new float[n * 28 * 28];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        int[] y = new int[n];
        return new Dataset(
                "random", x, y, new Shape(28, 28, 1), List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    }

    static Network network(String kind, Dataset data) {
        Architecture arch = kind.equals("cnn")
                ? Architecture.ConvNet.paper(data.shape(), 10)
                : Architecture.DenseStack.dnn(data.shape(), 2, 32, 10);
        return new Network(arch, KernelsProvider.best()).initialize(11);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnn", "cnn"})
    void anySplitGivesTheSameLogits(String kind) {
        Dataset data = images();
        Network net = network(kind, data);
        float[] single = net.logits(data);
        assertThat(Network.chunkCount(data)).isEqualTo(6);
        for (int parts : new int[] {2, 3, 4, 5, 6, 9}) {
            assertThat(ParallelInference.logits(net, data, parts, helpers))
                    .as("%d parts", parts)
                    .containsExactly(single);
        }
        assertThat(ParallelInference.logits(net, data, 1, Runnable::run)).containsExactly(single);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnn", "cnn"})
    void chunkingDoesNotChangeASamplesLogits(String kind) {
        Dataset data = images();
        Network net = network(kind, data);
        float[] chunked = net.logits(data);
        float[] whole = net.replica().forward(data.features(), data.size());
        assertThat(whole).containsExactly(chunked);
        for (int i = 0; i < data.size(); i += 37) {
            float[] alone =
                    net.replica().forward(java.util.Arrays.copyOfRange(data.features(), i * 784, (i + 1) * 784), 1);
            assertThat(alone)
                    .as("sample %d", i)
                    .containsExactly(java.util.Arrays.copyOfRange(chunked, i * 10, (i + 1) * 10));
        }
    }
}
