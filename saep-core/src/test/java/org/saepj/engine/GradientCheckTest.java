package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.layer.Conv2D;
import org.saepj.engine.layer.Dense;
import org.saepj.engine.layer.Flatten;
import org.saepj.engine.layer.Layer;
import org.saepj.engine.layer.MaxPool2;
import org.saepj.engine.layer.Relu;
import org.saepj.task.ClassificationTask;
import org.saepj.task.SoftmaxCrossEntropy;

/**
 * Finite-difference checks of every layer's backward pass and of the loss. Each layer is checked on the
 * scalar probe {@code L = Σ r·y} (r random), computed in double, with central differences; inputs are kept
 * away from the kinks of ReLU and max pooling so the differences are smooth.
 */
class GradientCheckTest {
    private static final int BATCH = 3;

    static Kernels kernels(String name) {
        return name.equals("scalar") ? KernelsProvider.scalar() : KernelsProvider.vector();
    }

    /** Inputs in ±[0.1, 1]: no ReLU kinks, and distinct values so max pooling has a clear winner. */
    static float[] awayFromKinks(int n, SplittableRandom rng) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double mag = 0.1 + 0.9 * rng.nextDouble();
            x[i] = (float) (rng.nextBoolean() ? mag : -mag);
        }
        return x;
    }

    static double probe(Layer layer, float[] params, float[] x, double[] r) {
        float[] y = new float[BATCH * layer.outputSize()];
        layer.forward(params, x, y, BATCH);
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += r[i] * y[i];
        }
        return sum;
    }

    static void check(Layer layer, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] params = new float[layer.parameterCount()];
        layer.place(0);
        layer.initialize(params, rng);
        for (int i = 0; i < params.length; i++) {
            params[i] += (float) (0.1 * (rng.nextDouble() - 0.5)); // non-zero biases too
        }
        float[] x = awayFromKinks(BATCH * layer.inputSize(), rng);
        double[] r = new double[BATCH * layer.outputSize()];
        float[] dy = new float[r.length];
        for (int i = 0; i < r.length; i++) {
            dy[i] = (float) (rng.nextDouble() * 2 - 1);
            r[i] = dy[i];
        }
        float[] y = new float[r.length];
        layer.forward(params, x, y, BATCH);
        float[] grads = new float[params.length];
        float[] dx = new float[x.length];
        layer.backward(params, x, y, dy, dx, grads, BATCH);

        float h = 1e-2f;
        for (int t = 0; t < Math.min(40, params.length); t++) {
            int p = rng.nextInt(params.length);
            float keep = params[p];
            params[p] = keep + h;
            double plus = probe(layer, params, x, r);
            params[p] = keep - h;
            double minus = probe(layer, params, x, r);
            params[p] = keep;
            assertGradient(layer + " parameter " + p, grads[p], (plus - minus) / (2 * h));
        }
        for (int t = 0; t < Math.min(40, x.length); t++) {
            int i = rng.nextInt(x.length);
            float keep = x[i];
            float step = Math.min(h, Math.abs(keep) / 4); // stay on the same side of ReLU's kink
            x[i] = keep + step;
            double plus = probe(layer, params, x, r);
            x[i] = keep - step;
            double minus = probe(layer, params, x, r);
            x[i] = keep;
            assertGradient(layer + " input " + i, dx[i], (plus - minus) / (2 * step));
        }
    }

    static void assertGradient(String what, double analytic, double numeric) {
        double tolerance = 2e-3 + 1e-2 * Math.abs(numeric);
        assertThat(Math.abs(analytic - numeric))
                .as(what + ": analytic " + analytic + " vs numeric " + numeric)
                .isLessThanOrEqualTo(tolerance);
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void denseLayer(String kernels) {
        check(new Dense(7, 5, kernels(kernels)), 1);
        check(new Dense(33, 17, kernels(kernels)), 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void convLayer(String kernels) {
        check(new Conv2D(5, 4, 2, 3, kernels(kernels)), 3);
        check(new Conv2D(6, 6, 1, 16, kernels(kernels)), 4);
        check(new Conv2D(5, 6, 2, 3, 5, kernels(kernels)), 5); // 5×5: two padding rows and columns
        check(new Conv2D(3, 2, 1, 4, 5, kernels(kernels)), 6); // smaller than the kernel: most taps are padding
        // 16 input channels: the input gradient is dy convolved with the flipped kernel.
        check(new Conv2D(5, 4, 16, 3, kernels(kernels)), 7);
        check(new Conv2D(4, 5, 16, 16, 5, kernels(kernels)), 8);
        // Filters in whole vectors: the direct convolution from padded images (its forward pass from 8 channels).
        check(new Conv2D(5, 7, 16, 16, kernels(kernels)), 9);
        check(new Conv2D(3, 5, 8, 32, kernels(kernels)), 10);
        // Filters past the last whole vector (24 = 16 + 8, 20 = 16 + 4 at 512 bits): the planes' rounded tail forward,
        // the kernel gradient's tail columns sixteen taps at a time.
        check(new Conv2D(4, 3, 8, 24, kernels(kernels)), 11);
        check(new Conv2D(3, 4, 24, 20, kernels(kernels)), 12);
        // 3×3 on even sides, channels in sixteens: Winograd's F(2×2, 3×3) forward and input gradient.
        check(new Conv2D(4, 6, 16, 16, kernels(kernels)), 13);
        check(new Conv2D(2, 4, 32, 16, kernels(kernels)), 14);
    }

    /**
     * Every kernel size × stride × padding, on a 7×6 input: an odd height and an even width, so same padding with
     * stride 2 is symmetric along one axis and puts its odd zero after the input along the other.
     */
    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void convLayerOfEveryKernelStrideAndPadding(String kernels) {
        long seed = 20;
        for (int k : new int[] {1, 3, 5, 7}) {
            for (int stride : new int[] {1, 2}) {
                for (Conv2D.Padding padding : Conv2D.Padding.values()) {
                    int h = padding == Conv2D.Padding.VALID ? Math.max(k, 7) : 7;
                    int w = padding == Conv2D.Padding.VALID ? Math.max(k, 6) : 6;
                    check(new Conv2D(h, w, 2, 3, k, stride, padding, kernels(kernels)), seed++);
                }
            }
        }
        // A 1×1 stride-1 convolution is one product over the positions: also with filters filling a vector.
        check(new Conv2D(4, 5, 3, 16, 1, 1, Conv2D.Padding.SAME, kernels(kernels)), seed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void reluPoolAndFlatten(String kernels) {
        check(new Relu(11, kernels(kernels)), 5);
        check(new Relu(40, kernels(kernels)), 6);
        check(new MaxPool2(4, 6, 3, kernels(kernels)), 6);
        check(new MaxPool2(4, 4, 16, kernels(kernels)), 7); // channels fill a vector: the vector path
        check(new MaxPool2(5, 5, 2, kernels(kernels)), 7); // odd sizes: the last row and column are dropped
        check(new Flatten(12), 8);
    }

    @Test
    void softmaxCrossEntropy() {
        SplittableRandom rng = new SplittableRandom(9);
        int classes = 4;
        float[] logits = awayFromKinks(BATCH * classes, rng);
        int[] labels = {0, 3, 1};
        float[] grad = new float[logits.length];
        SoftmaxCrossEntropy.lossAndGradient(logits, labels, BATCH, classes, grad);
        float h = 1e-2f;
        for (int i = 0; i < logits.length; i++) {
            float keep = logits[i];
            logits[i] = keep + h;
            double plus = SoftmaxCrossEntropy.meanLoss(logits, labels, classes);
            logits[i] = keep - h;
            double minus = SoftmaxCrossEntropy.meanLoss(logits, labels, classes);
            logits[i] = keep;
            assertGradient("logit " + i, grad[i], (plus - minus) / (2 * h));
        }
        assertThat(SoftmaxCrossEntropy.lossAndGradient(new float[] {0, 0, 0, 0}, new int[] {2}, 1, 4, null))
                .isCloseTo((float) Math.log(4), org.assertj.core.api.Assertions.within(1e-6f));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void wholeNetworksAgreeWithFiniteDifferences(String kernels) {
        for (Architecture arch : List.of(
                Architecture.DenseStack.dnn(new Shape(3, 3, 1), 2, 6, 4),
                new Architecture.ConvNet(new Shape(6, 6, 2), 3, 5, 3),
                new Architecture.ConvNet(
                        new Shape(8, 8, 1),
                        List.of(new Architecture.ConvBlock(3, 5), new Architecture.ConvBlock(4, 3)),
                        5,
                        3))) {
            Network net = new Network(arch, kernels(kernels)).initialize(11);
            SplittableRandom rng = new SplittableRandom(12);
            float[] x = awayFromKinks(BATCH * arch.input().size(), rng);
            int[] labels = {0, 1, 2};
            net.lossAndGradients(
                    x,
                    ClassificationTask.crossEntropy(labels, net.architecture().classes()),
                    BATCH);
            float[] grads = net.gradients().clone();
            float[] params = net.parameters();
            float h = 3e-3f;
            for (int t = 0; t < 30; t++) {
                int p = rng.nextInt(params.length);
                float keep = params[p];
                params[p] = keep + h;
                double plus = SoftmaxCrossEntropy.meanLoss(net.forward(x, BATCH), labels, arch.classes());
                params[p] = keep - h;
                double minus = SoftmaxCrossEntropy.meanLoss(net.forward(x, BATCH), labels, arch.classes());
                params[p] = keep;
                assertGradient(arch + " parameter " + p, grads[p], (plus - minus) / (2 * h));
            }
        }
    }
}
