package org.saepj.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.engine.Network;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.optim.Optimizer;

/**
 * Our initial weights copied into PyTorch's network: both engines then give the same outputs, and, trained on the
 * same batches with the same optimizer, stay together.
 */
class SharedWeightsTest {
    @BeforeAll
    static void startEngine() {
        Engine.getEngine("PyTorch");
        // One intra-op thread, as the tta row pins it: on two, PyTorch 2.7.1 on this CPU gave these tiny batch-norm
        // networks NaN gradients in most runs, on either side of the copy.
        ai.djl.pytorch.jni.JniUtils.setNumThreads(1);
    }

    @Test
    void pyTorchGivesOurOutputsOnTheTtaNetworkAfterTheCopy() {
        ResidualCnn cnn = BenchOptions.TtaOptions.network(new Shape(28, 28, 1), 10);
        Network ours = perturbed(cnn, 3);
        float[] x = images(cnn.input(), 4, 4);
        try (DjlTrainer djl = trainer(cnn, 0)) {
            float[] expected = Arrays.copyOf(ours.forward(x, 4), 40);
            // Each engine's own initial weights give other outputs: the comparison below can fail.
            assertThat(maxRelativeDiff(expected, djl.logits(x, 4))).isGreaterThan(1e-2);
            SharedWeights.copy(ours, djl.block());
            assertThat(maxRelativeDiff(expected, djl.logits(x, 4))).isLessThan(1e-4);
        }
    }

    @Test
    void bothEnginesStayTogetherOverStepsWithWeightDecay() {
        // Two blocks: the copy follows the residual blocks in order. 16 filters, as the tta row has 32: at 4 or 8
        // filters PyTorch's gradients through a convolution's input part from ours (and from finite differences).
        ResidualCnn cnn = new ResidualCnn(new Shape(8, 8, 1), 16, 2, 8, 2);
        // Random images: the tiny set's flat halves tie in max pooling, where the engines may pick different inputs.
        float[] pixels = images(cnn.input(), 64, 5);
        int[] classes = new int[64];
        for (int i = 0; i < 64; i++) {
            classes[i] = pixels[i * 64] < 0.5f ? 1 : 0;
        }
        Dataset data = new Dataset("random", pixels, classes, cnn.input(), List.of("dark", "bright"));
        // A hundred times the row's decay, for a side without it to show within these few steps.
        float decay = 0.05f;
        Network ours = new Network(cnn.architecture(), KernelsProvider.best()).initialize(1);
        Optimizer opt = new FoldedMomentumSgd(0.9f, decay, ours.parameterCount());
        org.saepj.task.Loss loss = data.targets().task().loss(data.targets());
        int batch = 16;
        float[] x = new float[batch * 64];
        float[] labels = new float[batch];
        int[] rows = new int[batch];
        try (DjlTrainer djl = trainer(cnn, decay)) {
            SharedWeights.copy(ours, djl.block());
            for (int step = 0; step < 4; step++) {
                for (int i = 0; i < batch; i++) {
                    rows[i] = (step * batch + i * 5) % data.size();
                    System.arraycopy(data.features(), rows[i] * 64, x, i * 64, 64);
                    labels[i] = data.labels()[rows[i]];
                }
                float rate = 0.1f / (step + 1);
                opt.learningRateFactor(rate);
                float ourLoss = ours.trainStep(x, loss, rows, batch, opt);
                float theirLoss = djl.step(x, labels, batch, rate);
                assertThat(Math.abs(ourLoss - theirLoss))
                        .as("loss at step " + step + ": " + ourLoss + " against " + theirLoss)
                        .isLessThan(1e-4f);
            }
            // Inference mode: the trained weights and the running statistics both enter.
            float[] probe = images(cnn.input(), 8, 9);
            // Our forward pass returns its buffer, sized for the largest batch so far.
            assertThat(maxRelativeDiff(Arrays.copyOf(ours.forward(probe, 8), 16), djl.logits(probe, 8)))
                    .isLessThan(1e-3);
        }
    }

    @Test
    void refusesTheBlockOfAnotherNetwork() {
        ResidualCnn cnn = new ResidualCnn(new Shape(8, 8, 1), 4, 1, 8, 2);
        Network ours = new Network(cnn.architecture(), KernelsProvider.best()).initialize(1);
        try (DjlTrainer wider = trainer(new ResidualCnn(new Shape(8, 8, 1), 6, 1, 8, 2), 0);
                DjlTrainer deeper = trainer(new ResidualCnn(new Shape(8, 8, 1), 4, 2, 8, 2), 0)) {
            assertThatThrownBy(() -> SharedWeights.copy(ours, wider.block()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("holds 60 values where ours holds 40");
            assertThatThrownBy(() -> SharedWeights.copy(ours, deeper.block()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the DJL block");
        }
    }

    @Test
    void reordersADenseLayersInputsFromChannelsLastToChannelsFirst() {
        // Two inputs of a 1×2 image with 2 channels, one output: ours [(p0,c0), (p0,c1), (p1,c0), (p1,c1)].
        float[] ours = {1, 2, 3, 4};
        assertThat(SharedWeights.denseWeights(ours, 0, 4, 1, new Shape(1, 2, 2)))
                .containsExactly(1, 3, 2, 4);
        assertThat(SharedWeights.denseWeights(ours, 0, 2, 2, null)).containsExactly(1, 3, 2, 4);
        assertThat(SharedWeights.denseWeights(ours, 0, 4, 1, null)).containsExactly(1, 2, 3, 4);
    }

    private static DjlTrainer trainer(ResidualCnn cnn, float decay) {
        long[] sample = {
            cnn.input().channels(), cnn.input().height(), cnn.input().width()
        };
        return new DjlTrainer(cnn.djlBlock(), sample, 0.05f, decay, 4);
    }

    /**
     * @return our network with batch normalisation's scales and shifts away from 1 and 0 and running statistics away
     *     from 0 and 1, so that a misplaced one shows
     */
    private static Network perturbed(ResidualCnn cnn, long seed) {
        Network net = new Network(cnn.architecture(), KernelsProvider.best()).initialize(1);
        SplittableRandom rng = new SplittableRandom(seed);
        float[] params = net.parameters();
        for (int i = 0; i < params.length; i++) {
            params[i] += (float) (0.05 * (rng.nextDouble() - 0.5));
        }
        float[] state = net.state();
        for (int i = 0; i < state.length; i++) {
            // means stay small, variances stay positive
            state[i] = state[i] == 0 ? (float) (0.2 * (rng.nextDouble() - 0.5)) : (float) (0.5 + rng.nextDouble());
        }
        return net;
    }

    private static float[] images(Shape shape, int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[count * shape.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        return x;
    }

    /** @return the largest difference over the largest magnitude of {@code expected} */
    private static double maxRelativeDiff(float[] expected, float[] actual) {
        assertThat(actual).hasSameSizeAs(expected);
        double scale = 1e-6;
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
        }
        return max / scale;
    }
}
