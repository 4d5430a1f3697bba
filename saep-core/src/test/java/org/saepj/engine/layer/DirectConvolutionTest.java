package org.saepj.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saepj.engine.kernel.KernelOptions;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.KernelsProvider;

/**
 * The direct convolution (stride 1, same padding, filters in whole vectors: no im2col patches) gives the bits of the
 * im2col products it replaces, forward and backward, and its vector kernels agree with the plain loops of
 * {@link Kernels} on odd sizes.
 */
class DirectConvolutionTest {
    private static final int BATCH = 5;
    /** Without Winograd's form, whose sums are not the im2col product's: these forms all give that product's bits. */
    private final Kernels vector = KernelsProvider.vector(KernelOptions.WITHOUT_WINOGRAD);

    /**
     * h, w, cin, cout, k: odd images, kernels 3 to 7, one input channel up to 32; with 8 input channels or more the
     * forward pass (and the input gradient's, a convolution of dy) runs over planes where the filters fill whole
     * vectors (16 to 64 here), with fewer it stays an im2col product; 16 filters take their kernel gradient direct, in
     * tap vectors where the input channels fill whole vectors (16, 32), and so does a one-channel stem of 32 (eight
     * or nine taps at a time).
     */
    @ParameterizedTest
    @CsvSource({
        "14,14,16,16,3",
        "7,5,16,32,3",
        "9,6,8,16,5",
        "5,5,1,16,3",
        "6,7,3,16,7",
        "3,4,32,16,3",
        "28,28,1,16,3",
        "7,9,1,16,5",
        "11,10,1,32,5",
        "9,11,8,48,5",
        "6,17,16,32,3",
        "2,2,16,16,3",
        "5,9,32,16,5",
        "14,14,32,64,3"
    })
    void givesTheBitsOfTheIm2colProducts(int h, int w, int cin, int cout, int k) {
        Conv2D direct = new Conv2D(h, w, cin, cout, k, vector);
        Conv2D im2col = new Conv2D(h, w, cin, cout, k, new Im2colOnly(vector));
        SplittableRandom rng = new SplittableRandom(h * 1000L + w * 100L + cin * 10L + cout + k);
        float[] params = random(direct.parameterCount(), rng);
        float[] x = random(BATCH * direct.inputSize(), rng);
        float[] dy = random(BATCH * direct.outputSize(), rng);
        for (boolean inputGradient : new boolean[] {false, true}) {
            float[][] a = passes(direct, params, x, dy, inputGradient);
            float[][] b = passes(im2col, params, x, dy, inputGradient);
            assertThat(a[0]).as(direct + " outputs").isEqualTo(b[0]);
            assertThat(a[1]).as(direct + " parameter gradients").isEqualTo(b[1]);
            assertThat(a[2]).as(direct + " input gradients").isEqualTo(b[2]);
        }
    }

    /**
     * h, w, cin, cout, k: the im2col kernel gradient over the layer's panels of dy (filters four vectors wide; two
     * chunks of samples for the 14 × 14 layers, the second adding to the first's sums) gives the bits of the plain
     * products ({@link Im2colOnly} offers the kernels no workspace); dy convolved (cin 32, 16) and col2im (cin 3, 40)
     * for dx.
     */
    @ParameterizedTest
    @CsvSource({"14,14,32,64,3", "9,7,3,64,5", "6,6,16,128,3", "14,14,40,64,3"})
    void kernelGradientOverPanelsGivesTheBitsOfThePlainProducts(int h, int w, int cin, int cout, int k) {
        Conv2D panels = new Conv2D(h, w, cin, cout, k, vector);
        Conv2D plain = new Conv2D(h, w, cin, cout, k, new Im2colOnly(vector));
        SplittableRandom rng = new SplittableRandom(h * 1000L + w * 100L + cin * 10L + cout + k);
        float[] params = random(panels.parameterCount(), rng);
        float[] x = random(BATCH * panels.inputSize(), rng);
        float[] dy = random(BATCH * panels.outputSize(), rng);
        float[][] a = passes(panels, params, x, dy, true);
        float[][] b = passes(plain, params, x, dy, true);
        assertThat(a[1]).as(panels + " parameter gradients").isEqualTo(b[1]);
        assertThat(a[2]).as(panels + " input gradients").isEqualTo(b[2]);
    }

    /** The vector kernels against the plain loops they override, with offsets, partial blocks and a tail. */
    @ParameterizedTest
    @CsvSource({"3,16,16,9,13", "5,8,32,11,3", "3,1,16,7,21", "7,3,16,13,2", "3,16,20,6,5"})
    void vectorKernelsAgreeWithThePlainLoops(int k, int cin, int cout, int rowStride, int anchors) {
        Kernels plain = KernelsProvider.scalar();
        SplittableRandom rng = new SplittableRandom(k * 7L + cin * 3L + cout + rowStride + anchors);
        int xo = 3;
        int wo = 5;
        int oh = 2;
        int ow = rowStride - k + 1;
        // Room for every anchor's window, and for oh padded rows of the kernel gradient's images.
        int image = Math.max(anchors + (k - 1) * (rowStride + 1), (oh + k - 1) * rowStride) * cin;
        float[] x = random(xo + 2 * image, rng);
        float[] wt = random(wo + k * k * cin * cout, rng);
        float[] yv = new float[2 + anchors * cout];
        float[] ys = new float[2 + anchors * cout];
        vector.convolveAnchors(x, xo, wt, wo, yv, 2, anchors, k, rowStride, cin, cout);
        plain.convolveAnchors(x, xo, wt, wo, ys, 2, anchors, k, rowStride, cin, cout);
        close("outputs", yv, ys);

        float[] dy = random(1 + 2 * oh * ow * cout, rng);
        float[] dwv = random(4 + k * k * cin * cout, rng);
        float[] dws = dwv.clone();
        vector.convolveWeightGradient(x, xo, image, rowStride, dy, 1, 2, oh, ow, dwv, 4, k, cin, cout);
        plain.convolveWeightGradient(x, xo, image, rowStride, dy, 1, 2, oh, ow, dws, 4, k, cin, cout);
        close("kernel gradients", dwv, dws);
    }

    /** The forward output, parameter gradients and input gradient (or nothing) of one batch. */
    private static float[][] passes(Conv2D conv, float[] params, float[] x, float[] dy, boolean inputGradient) {
        float[] y = new float[dy.length];
        conv.forward(params, x, y, BATCH);
        float[] grads = new float[params.length];
        float[] dx = inputGradient ? new float[x.length] : null;
        conv.backward(params, x, y, dy, dx, grads, BATCH);
        return new float[][] {y, grads, dx == null ? new float[0] : dx};
    }

    private static void close(String what, float[] actual, float[] expected) {
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as(what + " [" + i + "]").isCloseTo(expected[i], within(1e-4f));
        }
    }

    private static float[] random(int n, SplittableRandom rng) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return v;
    }

    /** The vector kernels with the direct convolution turned off: the im2col products of before. */
    private record Im2colOnly(Kernels inner) implements Kernels {
        @Override
        public void gemm(
                float[] a, int ao, float[] b, int bo, float[] c, int co, int m, int k, int n, boolean accumulate) {
            inner.gemm(a, ao, b, bo, c, co, m, k, n, accumulate);
        }

        @Override
        public void gemmTransposedA(float[] a, float[] b, int bo, float[] c, int co, int m, int k, int n) {
            inner.gemmTransposedA(a, b, bo, c, co, m, k, n);
        }

        @Override
        public void gemmTransposedB(float[] a, float[] b, float[] c, int m, int k, int n) {
            inner.gemmTransposedB(a, b, c, m, k, n);
        }

        @Override
        public void columnSums(float[] a, float[] out, int oo, int m, int n) {
            inner.columnSums(a, out, oo, m, n);
        }

        @Override
        public void addRowVector(float[] c, float[] bias, int biasOffset, int m, int n) {
            inner.addRowVector(c, bias, biasOffset, m, n);
        }

        @Override
        public void relu(float[] x, float[] y, int n) {
            inner.relu(x, y, n);
        }

        @Override
        public void reluBackward(float[] x, float[] dy, float[] dx, int n) {
            inner.reluBackward(x, dy, dx, n);
        }

        @Override
        public void maxPool2(float[] x, float[] y, int from, int to, int h, int w, int c) {
            inner.maxPool2(x, y, from, to, h, w, c);
        }

        @Override
        public void maxPool2Backward(
                float[] x, float[] y, float[] dy, float[] dx, int from, int to, int h, int w, int c) {
            inner.maxPool2Backward(x, y, dy, dx, from, to, h, w, c);
        }

        @Override
        public boolean convolvesWinograd() {
            return false;
        }

        @Override
        public String name() {
            return inner.name() + "-im2col";
        }
    }
}
