package org.saepj.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.KernelsProvider;

/**
 * The kernels of the planes form against the products they replace, bit for bit, on odd shapes: the forward
 * convolution over channel-major planes ({@link Kernels#convolvePlanes}) against the im2col product
 * {@link Kernels#gemmTransposedA} over tap-major patches (and with its bias, against a sweep adding it after), and
 * the transposed kernel gradient (with a workspace)
 * against the eight-tap blocks (without); and the copy of an image into planes ({@link Kernels#toPlanes}).
 */
class PlanesConvolutionTest {
    private final Kernels vector = KernelsProvider.vector();

    /**
     * oh, ow, cin, cout, k: rows of 14 columns (a block of four vectors and one of two), 17 and 33 (a last vector of
     * one column), fewer than four vectors in all (5 × 3: four and one; 2 × 2: two), one input channel to 32, filters
     * one to four vectors wide, and filters past the last whole vector (24, 40 and 20 leave 8, 8 and 4 at 512 bits; 8
     * and 12 are all past it; at 256 bits 20 and 12 leave 4): their products rounded before each addition, as the
     * product's tail columns sum them, in two vectors of columns or one, kernels 3 to 7.
     */
    @ParameterizedTest
    @CsvSource({
        "14,14,16,16,3",
        "5,3,32,16,3",
        "6,17,16,32,3",
        "2,2,8,16,5",
        "9,11,8,48,5",
        "1,33,16,64,3",
        "7,7,3,16,7",
        "3,5,1,32,5",
        "14,14,16,24,3",
        "5,3,32,40,3",
        "6,17,16,20,5",
        "7,7,16,8,3",
        "3,5,8,12,7",
        "1,33,24,24,3"
    })
    void planesGiveTheBitsOfTheIm2colProduct(int oh, int ow, int cin, int cout, int k) {
        assumeTrue(vector.convolvesPlanes(cout), "filters in blocks of four");
        SplittableRandom rng = new SplittableRandom(oh * 1000L + ow * 100L + cin * 10L + cout + k);
        int rowStride = ow + k - 1;
        int plane = (oh + k - 1) * rowStride + 3;
        int taps = k * k * cin;
        int positions = oh * ow;
        int xo = 5;
        int wo = 2;
        float[] x = random(xo + cin * plane + Kernels.PLANE_SLACK, rng);
        float[] w = random(wo + taps * cout, rng);
        float[] patches = new float[taps * positions];
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                for (int ci = 0; ci < cin; ci++) {
                    int t = (ky * k + kx) * cin + ci;
                    for (int i = 0; i < oh; i++) {
                        for (int j = 0; j < ow; j++) {
                            patches[t * positions + i * ow + j] = x[xo + ci * plane + (i + ky) * rowStride + j + kx];
                        }
                    }
                }
            }
        }
        float[] expected = new float[1 + positions * cout];
        vector.gemmTransposedA(patches, w, wo, expected, 1, taps, positions, cout);

        float[] packed = new float[Kernels.packedFilterFloats(taps, cout)];
        Kernels.packFilterBlocks(w, wo, taps, cout, packed);
        float[] actual = new float[1 + positions * cout];
        float[] work = new float[vector.planesWorkspace(oh, ow, cout)];
        vector.convolvePlanes(x, xo, plane, rowStride, oh, ow, k, cin, packed, cout, actual, 1, work);
        assertThat(actual).isEqualTo(expected);

        float[] bias = random(3 + cout, rng);
        float[] biased = new float[1 + positions * cout];
        vector.convolvePlanes(x, xo, plane, rowStride, oh, ow, k, cin, packed, cout, biased, 1, work, bias, 3);
        float[] swept = actual.clone();
        for (int p = 0; p < positions; p++) {
            for (int co = 0; co < cout; co++) {
                swept[1 + p * cout + co] += bias[3 + co];
            }
        }
        assertThat(biased).as("with the bias added as the sums are moved out").isEqualTo(swept);

        float[] plain = new float[1 + positions * cout];
        KernelsProvider.scalar()
                .convolvePlanes(x, xo, plane, rowStride, oh, ow, k, cin, packed, cout, plain, 1, new float[0]);
        for (int i = 0; i < plain.length; i++) {
            assertThat(actual[i]).as("plain loops [" + i + "]").isCloseTo(plain[i], within(1e-4f));
        }
    }

    /**
     * oh, ow, cin, cout, k: tap vectors in threes and a remainder (3×3×16: 9 = 3 × 3; 5×5×32: 50 = 16 × 3 + 2;
     * 7×7×16: 49), three samples, a padded row one column wider than the windows need; 20 filters (not whole vectors)
     * keep the plain loops either way.
     */
    @ParameterizedTest
    @CsvSource({"14,14,16,16,3", "5,9,32,16,5", "3,4,16,32,7", "6,5,48,16,3", "1,1,16,64,3", "4,3,16,20,3"})
    void transposedKernelGradientGivesTheBitsOfTheEightTapBlocks(int oh, int ow, int cin, int cout, int k) {
        SplittableRandom rng = new SplittableRandom(oh * 1000L + ow * 100L + cin * 10L + cout + k);
        int samples = 3;
        int rowStride = ow + k;
        int image = (oh + k - 1) * rowStride * cin + 7;
        int taps = k * k * cin;
        float[] x = random(3 + samples * image, rng);
        float[] dy = random(1 + samples * oh * ow * cout, rng);
        float[] expected = random(4 + taps * cout, rng);
        float[] actual = expected.clone();
        vector.convolveWeightGradient(x, 3, image, rowStride, dy, 1, samples, oh, ow, expected, 4, k, cin, cout);
        float[] work = new float[vector.weightGradientWorkspace(taps, cout)];
        vector.convolveWeightGradient(x, 3, image, rowStride, dy, 1, samples, oh, ow, actual, 4, k, cin, cout, work);
        assertThat(actual).isEqualTo(expected);
    }

    /**
     * h, w, cin, rowStride: rows of 14 and 16 columns (the vector copy: zeros written past a row's end into the
     * borders) and of 17 or channels not in whole vectors (the plain loops); borders stay zero.
     */
    @ParameterizedTest
    @CsvSource({"14,14,16,16", "3,14,32,18", "2,16,16,18", "4,17,16,19", "3,5,8,16", "1,1,48,16"})
    void copiesImagesIntoPlanesLeavingTheBordersZero(int h, int w, int cin, int rowStride) {
        SplittableRandom rng = new SplittableRandom(h * 1000L + w * 100L + cin * 10L + rowStride);
        int plane = (h + 2) * rowStride + Kernels.PLANE_SLACK;
        float[] x = random(3 + h * w * cin, rng);
        float[] planes = new float[cin * plane];
        int interior = rowStride + 1;
        vector.toPlanes(x, 3, h, w, cin, planes, interior, plane, rowStride);
        for (int c = 0; c < cin; c++) {
            for (int y = 0; y < h + 2; y++) {
                for (int xx = 0; xx < rowStride; xx++) {
                    boolean inside = y >= 1 && y <= h && xx >= 1 && xx <= w;
                    float expected = inside ? x[3 + ((y - 1) * w + xx - 1) * cin + c] : 0f;
                    assertThat(planes[c * plane + y * rowStride + xx])
                            .as("channel %d, row %d, column %d", c, y, xx)
                            .isEqualTo(expected);
                }
            }
        }
    }

    private static float[] random(int n, SplittableRandom rng) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return v;
    }
}
