package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saepj.engine.kernel.Kernels;

/**
 * The kernels of a batch norm fused with its ReLU give the bits of the separate passes they replace, on every channel
 * count's tail and at the values where a ReLU decides: −0, +0, NaN and exact zeros of the gate.
 */
class RectifiedKernelsTest {
    private static final int ROWS = 37;

    @ParameterizedTest
    @CsvSource({"scalar, 5", "scalar, 16", "vector, 5", "vector, 16", "vector, 21"})
    void affineReluIsTheAffinePassThenTheRelu(String name, int channels) {
        Kernels k = GradientCheckTest.kernels(name);
        SplittableRandom rng = new SplittableRandom(channels);
        float[] x = values(ROWS * channels, rng);
        float[] scale = values(channels, rng);
        float[] shift = values(channels, rng);
        shift[0] = 0f; // −0·s + 0 and 0·s + 0 below: the clamp sees signed zeros
        float[] separate = new float[x.length];
        float[] affine = new float[x.length];
        k.channelAffine(x, affine, ROWS, channels, scale, shift);
        k.relu(affine, separate, x.length);
        float[] fused = new float[x.length];
        k.channelAffineRelu(x, fused, ROWS, channels, scale, shift);
        assertThat(bits(fused)).isEqualTo(bits(separate));
    }

    @ParameterizedTest
    @CsvSource({"scalar, 5", "scalar, 16", "vector, 5", "vector, 16", "vector, 21"})
    void gatedSweepsAreTheReluBackwardThenTheBatchNormSweeps(String name, int channels) {
        Kernels k = GradientCheckTest.kernels(name);
        SplittableRandom rng = new SplittableRandom(100 + channels);
        int n = ROWS * channels;
        float[] x = values(n, rng);
        float[] dy = values(n, rng);
        float[] gate = values(n, rng);
        gate[1] = Float.NaN;
        float[] mean = values(channels, rng);
        float[] invStd = values(channels, rng);
        float[] masked = new float[n];
        k.reluBackward(gate, dy, masked, n);
        double[] sumDy = new double[channels];
        double[] sumDyXhat = new double[channels];
        k.channelGradientSums(x, masked, ROWS, channels, mean, invStd, sumDy, sumDyXhat);
        double[] gatedDy = new double[channels];
        double[] gatedDyXhat = new double[channels];
        k.channelGradientSumsGated(x, dy, gate, ROWS, channels, mean, invStd, gatedDy, gatedDyXhat);
        assertThat(gatedDy).isEqualTo(sumDy);
        assertThat(gatedDyXhat).isEqualTo(sumDyXhat);
        float[] a = values(channels, rng);
        float[] b = values(channels, rng);
        float[] d = values(channels, rng);
        float[] separate = new float[n];
        k.channelAffine2(masked, x, separate, ROWS, channels, a, b, d);
        float[] fused = new float[n];
        k.channelAffine2Gated(dy, gate, x, fused, ROWS, channels, a, b, d);
        assertThat(bits(fused)).isEqualTo(bits(separate));
    }

    /** Gaussian values with a share of exact zeros of both signs and a NaN. */
    private static float[] values(int n, SplittableRandom rng) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            int pick = rng.nextInt(8);
            v[i] = pick == 0 ? 0f : pick == 1 ? -0f : (float) rng.nextGaussian();
        }
        if (n > 8) {
            v[7] = Float.NaN;
        }
        return v;
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToIntBits(values[i]);
        }
        return out;
    }
}
