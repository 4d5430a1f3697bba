package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saepj.engine.kernel.Kernels;

/**
 * The batch norm's sweeps over a range of channels and the pooling over a range of samples, the calls a pass splits
 * between threads: calls over disjoint ranges give the bits of one call over all, wherever the ranges are cut (inside
 * a vector of channels too), on the scalar and the vector kernels.
 */
class RangeKernelsTest {
    private static final int ROWS = 70;

    /** Cuts of the channels: at vector boundaries and inside vectors, and a range of one channel. */
    private static int[] cuts(int channels) {
        return new int[] {0, Math.min(channels, 3), Math.min(channels, 16), channels - 1, channels};
    }

    @ParameterizedTest
    @CsvSource({"scalar, 21", "vector, 21", "vector, 24", "vector, 32", "vector, 48"})
    void channelRangesGiveTheBitsOfOneCall(String name, int channels) {
        Kernels k = GradientCheckTest.kernels(name);
        SplittableRandom rng = new SplittableRandom(channels);
        int n = ROWS * channels;
        float[] x = values(n, rng);
        float[] dy = values(n, rng);
        float[] gate = values(n, rng);
        float[] mean = values(channels, rng);
        float[] invStd = values(channels, rng);
        float[] a = values(channels, rng);
        float[] b = values(channels, rng);
        float[] d = values(channels, rng);

        double[][] whole = new double[6][channels];
        float[][] wholeOut = new float[4][n];
        k.channelSums(x, ROWS, channels, whole[0]);
        k.channelSquaredDeviations(x, ROWS, channels, mean, whole[1]);
        k.channelGradientSums(x, dy, ROWS, channels, mean, invStd, whole[2], whole[3]);
        k.channelGradientSumsGated(x, dy, gate, ROWS, channels, mean, invStd, whole[4], whole[5]);
        k.channelAffine(x, wholeOut[0], ROWS, channels, a, b);
        k.channelAffineRelu(x, wholeOut[1], ROWS, channels, a, b);
        k.channelAffine2(dy, x, wholeOut[2], ROWS, channels, a, b, d);
        k.channelAffine2Gated(dy, gate, x, wholeOut[3], ROWS, channels, a, b, d);

        double[][] parts = new double[6][channels];
        float[][] partsOut = new float[4][n];
        int[] cut = cuts(channels);
        for (int i = cut.length - 2; i >= 0; i--) { // last range first: no call relies on another's having run
            int from = cut[i];
            int to = cut[i + 1];
            k.channelSums(x, ROWS, channels, from, to, parts[0]);
            k.channelSquaredDeviations(x, ROWS, channels, from, to, mean, parts[1]);
            k.channelGradientSums(x, dy, ROWS, channels, from, to, mean, invStd, parts[2], parts[3]);
            k.channelGradientSumsGated(x, dy, gate, ROWS, channels, from, to, mean, invStd, parts[4], parts[5]);
            k.channelAffine(x, partsOut[0], ROWS, channels, from, to, a, b);
            k.channelAffineRelu(x, partsOut[1], ROWS, channels, from, to, a, b);
            k.channelAffine2(dy, x, partsOut[2], ROWS, channels, from, to, a, b, d);
            k.channelAffine2Gated(dy, gate, x, partsOut[3], ROWS, channels, from, to, a, b, d);
        }
        for (int i = 0; i < whole.length; i++) {
            assertThat(parts[i]).as("sums %d", i).containsExactly(whole[i]);
        }
        for (int i = 0; i < wholeOut.length; i++) {
            assertThat(bits(partsOut[i])).as("sweep %d", i).isEqualTo(bits(wholeOut[i]));
        }
    }

    @ParameterizedTest
    @CsvSource({"scalar, 16", "vector, 16", "vector, 5"})
    void sampleRangesOfThePoolingGiveTheBitsOfOneCall(String name, int channels) {
        Kernels k = GradientCheckTest.kernels(name);
        SplittableRandom rng = new SplittableRandom(7 + channels);
        int batch = 5;
        int h = 6;
        int w = 4;
        float[] x = values(batch * h * w * channels, rng);
        x[3] = x[3 + channels]; // a tie: the first position takes the gradient
        float[] y = new float[batch * h * w * channels / 4];
        k.maxPool2(x, y, batch, h, w, channels);
        float[] dy = values(y.length, rng);
        float[] dx = new float[x.length];
        k.maxPool2Backward(x, y, dy, dx, batch, h, w, channels);

        float[] yParts = new float[y.length];
        float[] dxParts = new float[x.length];
        Arrays.fill(dxParts, Float.NaN); // every value is written, zeros included
        int[] cut = {0, 2, 3, batch};
        for (int i = cut.length - 2; i >= 0; i--) {
            k.maxPool2(x, yParts, cut[i], cut[i + 1], h, w, channels);
            k.maxPool2Backward(x, y, dy, dxParts, cut[i], cut[i + 1], h, w, channels);
        }
        assertThat(bits(yParts)).isEqualTo(bits(y));
        assertThat(bits(dxParts)).isEqualTo(bits(dx));
    }

    /** The values' bits: NaNs and signed zeros compared exactly. */
    private static int[] bits(float[] values) {
        int[] b = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = Float.floatToRawIntBits(values[i]);
        }
        return b;
    }

    private static float[] values(int n, SplittableRandom rng) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextDouble() * 4 - 2);
        }
        return v;
    }
}
