package org.saepj.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saepj.engine.kernel.KernelOptions;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.kernel.ScalarKernels;
import org.saepj.engine.kernel.Winograd;

/**
 * Winograd's F(2×2, 3×3) ({@link Winograd}): the scalar and vector kernels give the same bits, the outputs are the
 * direct convolution's (summed in double) within float roundings, and a layer takes the form exactly where {@link
 * Winograd#takes} says, with its input gradient (dy convolved by the same form) and kernel gradient near the other
 * forms'.
 */
class WinogradTest {
    private static final int BATCH = 3;

    /**
     * h, w, cin, cout: the residual CNN's 14 × 14 layers of 16 and 32 channels, the two-block CNN's 32 → 64, a single
     * tile, tiles not in sevens (the products' last rows one at a time), 48 filters (two vectors and one at 512 bits)
     * and a wide image.
     */
    @ParameterizedTest
    @CsvSource({
        "14,14,16,16",
        "14,14,32,32",
        "14,14,32,64",
        "2,2,16,16",
        "6,4,16,48",
        "4,10,48,16",
        "28,28,16,32",
        "14,14,48,48",
        "14,14,16,96",
        "6,6,16,80"
    })
    void vectorAndScalarKernelsGiveTheSameBitsNearTheDirectSums(int h, int w, int cin, int cout) {
        SplittableRandom rng = new SplittableRandom(h * 1000L + w * 100L + cin * 10L + cout);
        float[] padded = new float[(h + 2) * (w + 2) * cin];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w * cin; j++) {
                padded[((i + 1) * (w + 2) + 1) * cin + j] = (float) (rng.nextDouble() * 2 - 1);
            }
        }
        float[] kernel = ConvPasses.random(9 * cin * cout, rng);
        float[] filters = new float[Winograd.filterFloats(cin, cout)];
        Winograd.transformFilters(kernel, 0, cin, cout, filters);
        float[] scalar = convolve(new ScalarKernels(), padded, h, w, cin, filters, cout);
        float[] vector = convolve(KernelsProvider.best(), padded, h, w, cin, filters, cout);
        assertThat(vector).as("vector kernels").isEqualTo(scalar);

        double largest = 0;
        double worst = 0;
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                for (int co = 0; co < cout; co++) {
                    double sum = 0;
                    for (int ky = 0; ky < 3; ky++) {
                        for (int kx = 0; kx < 3; kx++) {
                            for (int ci = 0; ci < cin; ci++) {
                                sum += (double) padded[((i + ky) * (w + 2) + j + kx) * cin + ci]
                                        * kernel[((ky * 3 + kx) * cin + ci) * cout + co];
                            }
                        }
                    }
                    largest = Math.max(largest, Math.abs(sum));
                    worst = Math.max(worst, Math.abs(sum - scalar[2 + (i * w + j) * cout + co]));
                }
            }
        }
        assertThat(worst).as("largest difference from the direct sums").isLessThan(2e-6 * largest * Math.sqrt(cin));
    }

    /**
     * h, w, cin, cout: the kernel gradient summed over two images (the second added to the first's transformed sums),
     * the same bits from the scalar and vector kernels, near the direct sums {@code Σ x · dy} once taken back.
     */
    @ParameterizedTest
    @CsvSource({"14,14,16,16", "14,14,32,32", "2,2,16,48", "6,4,48,16", "4,10,32,64", "14,14,48,48", "6,6,64,48"})
    void kernelGradientsAreTheSameBitsNearTheDirectSums(int h, int w, int cin, int cout) {
        SplittableRandom rng = new SplittableRandom(h * 1000L + w * 100L + cin * 10L + cout + 7);
        int image = (h + 2) * (w + 2) * cin;
        float[] padded = new float[2 * image];
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w * cin; j++) {
                    padded[b * image + ((i + 1) * (w + 2) + 1) * cin + j] = (float) (rng.nextDouble() * 2 - 1);
                }
            }
        }
        float[] dy = ConvPasses.random(2 * h * w * cout, rng);
        float[] scalar = kernelGradient(new ScalarKernels(), padded, image, h, w, cin, dy, cout);
        float[] vector = kernelGradient(KernelsProvider.best(), padded, image, h, w, cin, dy, cout);
        assertThat(vector).as("vector kernels").isEqualTo(scalar);

        double largest = 0;
        double worst = 0;
        for (int ky = 0; ky < 3; ky++) {
            for (int kx = 0; kx < 3; kx++) {
                for (int ci = 0; ci < cin; ci++) {
                    for (int co = 0; co < cout; co++) {
                        double sum = 0;
                        for (int b = 0; b < 2; b++) {
                            for (int i = 0; i < h; i++) {
                                for (int j = 0; j < w; j++) {
                                    sum += (double) padded[b * image + ((i + ky) * (w + 2) + j + kx) * cin + ci]
                                            * dy[((b * h + i) * w + j) * cout + co];
                                }
                            }
                        }
                        largest = Math.max(largest, Math.abs(sum));
                        worst = Math.max(worst, Math.abs(sum - scalar[3 + ((ky * 3 + kx) * cin + ci) * cout + co]));
                    }
                }
            }
        }
        assertThat(worst).as("largest difference from the direct sums").isLessThan(1e-5 * largest);
    }

    private static float[] kernelGradient(
            Kernels kernels, float[] padded, int image, int h, int w, int cin, float[] dy, int cout) {
        float[] du = new float[Winograd.filterFloats(cin, cout)];
        float[] work = new float[Winograd.workspace(h, w, cin, cout)];
        for (int b = 0; b < 2; b++) {
            kernels.winogradKernelGradient(padded, b * image, h, w, cin, dy, b * h * w * cout, cout, du, b == 0, work);
        }
        float[] grads = new float[9 * cin * cout + 3]; // from 3: the offset counts
        Winograd.untransformGradient(du, cin, cout, grads, 3);
        return grads;
    }

    private static float[] convolve(Kernels kernels, float[] padded, int h, int w, int cin, float[] filters, int cout) {
        float[] y = new float[h * w * cout + 5]; // from 2: the offset counts
        float[] work = new float[Winograd.workspace(h, w, cin, cout)];
        kernels.convolveWinograd(padded, 0, h, w, cin, filters, cout, y, 2, work);
        return y;
    }

    @Test
    void takesThreeByThreeStrideOneSameConvolutionsOfEvenSidesAndChannelsInSixteens() {
        assertThat(Winograd.takes(3, 1, true, 14, 14, 16, 16)).isTrue();
        assertThat(Winograd.takes(3, 1, true, 28, 6, 32, 64)).isTrue();
        assertThat(Winograd.takes(5, 1, true, 14, 14, 16, 16)).as("5×5").isFalse();
        assertThat(Winograd.takes(3, 2, true, 14, 14, 16, 16)).as("stride 2").isFalse();
        assertThat(Winograd.takes(3, 1, false, 14, 14, 16, 16)).as("valid").isFalse();
        assertThat(Winograd.takes(3, 1, true, 7, 14, 16, 16)).as("odd height").isFalse();
        assertThat(Winograd.takes(3, 1, true, 14, 7, 16, 16)).as("odd width").isFalse();
        assertThat(Winograd.takes(3, 1, true, 14, 14, 8, 16)).as("8 channels").isFalse();
        assertThat(Winograd.takes(3, 1, true, 14, 14, 16, 24)).as("24 filters").isFalse();
        assertThat(Winograd.takes(3, 1, true, 28, 28, 1, 16)).as("a grey stem").isFalse();
        assertThat(Winograd.takes(3, 1, true, 32, 32, 64, 64))
                .as("CIFAR's size, 64 channels")
                .isTrue();
        assertThat(Winograd.takes(3, 1, true, 224, 224, 64, 64))
                .as("a workspace of 100 MB")
                .isFalse();
    }

    /**
     * h, w, cin, cout: layers that take the form (forward, dy convolved for dx, the kernel gradient) and one that does
     * not (an odd side): the form is called exactly where it is taken; outputs and gradients are within float
     * roundings of the kernels without it.
     */
    @ParameterizedTest
    @CsvSource({"14,14,16,16,true", "14,14,32,64,true", "6,8,16,32,true", "7,7,16,16,false"})
    void layersTakeTheFormWhereItAppliesNearTheOtherForms(int h, int w, int cin, int cout, boolean takes) {
        assumeTrue(KernelsProvider.vectorAvailable(), "the vector kernels");
        Map<String, Integer> calls = new TreeMap<>();
        Kernels with = RecordingKernels.of(KernelsProvider.vector(), calls);
        Kernels without = KernelsProvider.vector(KernelOptions.WITHOUT_WINOGRAD);
        assertThat(without.convolvesWinograd()).isFalse();
        float[][] a = ConvPasses.run(with, h, w, cin, cout, 3, BATCH);
        float[][] b = ConvPasses.run(without, h, w, cin, cout, 3, BATCH);

        assertThat(calls.containsKey("convolveWinograd")).isEqualTo(takes);
        if (!takes) {
            assertThat(a).isDeepEqualTo(b);
            return;
        }
        assertThat(calls.get("convolveWinograd"))
                .as("forward and dx, each image")
                .isEqualTo(2 * BATCH);
        assertThat(calls.get("winogradKernelGradient")).as("each image").isEqualTo(BATCH);
        assertNear(a[0], b[0], "outputs");
        assertNear(a[1], b[1], "parameter gradients");
        assertNear(a[2], b[2], "input gradients");
    }

    private static void assertNear(float[] actual, float[] expected, String what) {
        double largest = 0;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        }
        assertThat(worst).as(what).isLessThan(1e-5 * largest).isGreaterThan(0);
    }
}
