package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.KernelsProvider;

/** The vector kernels agree with the scalar ones on awkward sizes, with offsets and tails. */
class KernelsTest {
    private final Kernels scalar = KernelsProvider.scalar();
    private final Kernels vector = KernelsProvider.vector();

    /**
     * The weight gradient's blocks (5, 4 or 1 output rows at a time, by k) sum each output over the batch in order, as
     * the plain product of the transposed input does: the same bits, whichever block an output falls in.
     */
    @ParameterizedTest
    @CsvSource({
        "64,784,512",
        "64,32,64",
        "7,23,128",
        "3,10,64",
        "64,13,192",
        "2,5,64",
        "4,1,64",
        "64,144,16",
        "20,19,16",
        "100,40,200",
        "128,33,80"
    })
    void theWeightGradientsBlocksKeepTheOrderOfAdditions(int m, int k, int n) {
        SplittableRandom rng = new SplittableRandom(m * 31L + k * 7L + n);
        float[] x = random(m * k, rng);
        float[] dy = random(m * n, rng);
        float[] blocked = new float[k * n];
        vector.gemmTransposedA(x, dy, 0, blocked, 0, m, k, n);
        float[] xt = new float[k * m];
        Kernels.transpose(x, 0, m, k, xt);
        float[] plain = new float[k * n];
        vector.gemm(xt, 0, dy, 0, plain, 0, k, m, n, false);
        assertThat(blocked).isEqualTo(plain);
        // With a workspace, strips of dy are copied side by side first (where n is wider than the strip): same bits.
        float[] copied = new float[k * n];
        vector.gemmTransposedA(x, dy, 0, copied, 0, m, k, n, new float[vector.gemmWorkspace(n)]);
        assertThat(copied).isEqualTo(plain);
    }

    /**
     * The columns past the last whole vector (24 filters leave 8 at 512 bits, 10 or 12 are all tail) keep the
     * scalar loops' rounding however they are computed: each has the scalar kernels' bits, in the weight gradient and
     * in the product, accumulating or not, with a workspace (rows of a transposed sixteen at a time) or without; the
     * whole vectors keep the bits of the product one vector wide.
     */
    @ParameterizedTest
    @CsvSource({"64,216,24", "64,9,24", "64,128,10", "37,13,41", "5,70,30", "64,144,20", "3,4,12"})
    void tailColumnsHaveTheScalarKernelsBits(int m, int k, int n) {
        int whole = n - n % jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();
        SplittableRandom rng = new SplittableRandom(m * 7L + k * 3L + n);
        float[] x = random(m * k, rng);
        float[] dy = random(m * n, rng);
        float[] g = new float[k * n];
        float[] expected = new float[k * n];
        vector.gemmTransposedA(x, dy, 0, g, 0, m, k, n);
        scalar.gemmTransposedA(x, dy, 0, expected, 0, m, k, n);
        assertThat(columns(g, k, n, whole, n)).isEqualTo(columns(expected, k, n, whole, n));
        float[] b = random(k * n, rng);
        float[] start = random(m * n, rng);
        for (boolean accumulate : new boolean[] {false, true}) {
            float[] c = start.clone();
            float[] cs = start.clone();
            float[] cw = start.clone();
            vector.gemm(x, 0, b, 0, c, 0, m, k, n, accumulate);
            scalar.gemm(x, 0, b, 0, cs, 0, m, k, n, accumulate);
            vector.gemm(x, 0, b, 0, cw, 0, m, k, n, accumulate, new float[vector.gemmWorkspace(n)]);
            assertThat(columns(c, m, n, whole, n))
                    .as("accumulate " + accumulate)
                    .isEqualTo(columns(cs, m, n, whole, n));
            assertThat(cw)
                    .as("with a workspace (blocks of 16 rows), accumulate " + accumulate)
                    .isEqualTo(c);
        }
        if (whole > 0) {
            float[] narrow = new float[m * whole];
            float[] bWhole = new float[k * whole];
            for (int p = 0; p < k; p++) {
                System.arraycopy(b, p * n, bWhole, p * whole, whole);
            }
            float[] c = new float[m * n];
            vector.gemm(x, 0, b, 0, c, 0, m, k, n, false);
            vector.gemm(x, 0, bWhole, 0, narrow, 0, m, k, whole, false);
            assertThat(columns(c, m, n, 0, whole)).isEqualTo(narrow);
        }
    }

    /**
     * Max pooling and its gradient, vectors of channels with the rest scalar (24 channels at 512 bits: 16 + 8), have
     * the scalar kernels' bits, ties included (the first position in row-major order takes the gradient).
     */
    @ParameterizedTest
    @CsvSource({"24", "5", "16", "40", "33"})
    void maxPoolingHasTheScalarKernelsBits(int channels) {
        SplittableRandom rng = new SplittableRandom(31 + channels);
        int batch = 3;
        int h = 6;
        int w = 4;
        float[] x = random(batch * h * w * channels, rng);
        for (int i = 0; i < x.length; i += 7) {
            x[i] = 0.25f; // ties across a window's positions, in every channel of some windows
        }
        float[] y = new float[x.length / 4];
        float[] ys = new float[x.length / 4];
        vector.maxPool2(x, y, batch, h, w, channels);
        scalar.maxPool2(x, ys, batch, h, w, channels);
        assertThat(y).isEqualTo(ys);
        float[] dy = random(y.length, rng);
        float[] dx = new float[x.length];
        float[] dxs = new float[x.length];
        java.util.Arrays.fill(dx, Float.NaN); // every value is written, zeros included
        vector.maxPool2Backward(x, y, dy, dx, batch, h, w, channels);
        scalar.maxPool2Backward(x, ys, dy, dxs, batch, h, w, channels);
        assertThat(dx).isEqualTo(dxs);
    }

    /** Columns {@code from} to {@code to} of a {@code rows × n} matrix, row by row. */
    private static float[] columns(float[] c, int rows, int n, int from, int to) {
        float[] out = new float[rows * (to - from)];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(c, i * n + from, out, i * (to - from), to - from);
        }
        return out;
    }

    /**
     * A product one vector wide (16 filters at 512 bits) runs in blocks of eight rows: each output still sums over k in
     * order, so it has the bits of the same rows computed one at a time.
     */
    @ParameterizedTest
    @CsvSource({"19,144,16", "8,9,16", "13,40,32", "17,5,8"})
    void eightRowBlocksGiveTheBitsOfSingleRows(int m, int k, int n) {
        SplittableRandom rng = new SplittableRandom(m * 17L + k + n);
        float[] a = random(m * k, rng);
        float[] b = random(k * n, rng);
        float[] blocked = new float[m * n];
        vector.gemm(a, 0, b, 0, blocked, 0, m, k, n, false);
        float[] rows = new float[m * n];
        for (int i = 0; i < m; i++) {
            vector.gemm(a, i * k, b, 0, rows, i * n, 1, k, n, false);
        }
        assertThat(blocked).isEqualTo(rows);
    }

    /**
     * Wide products given a workspace run over copies of B's strips cut into panels along k, each panel's blocks
     * adding to the sum the panels before left in C: every output still sums over k in order, so with C's own start
     * (accumulating) or from zero they have the bits of the rows computed one at a time without one, in place.
     */
    @ParameterizedTest
    @CsvSource({"64,784,512", "21,300,200", "16,129,96", "40,10,512", "19,128,72", "64,3136,64", "17,200,128"})
    void packedPanelsGiveTheBitsOfSingleRows(int m, int k, int n) {
        SplittableRandom rng = new SplittableRandom(m * 13L + k * 5L + n);
        float[] a = random(m * k, rng);
        float[] b = random(k * n, rng);
        float[] start = random(m * n, rng);
        for (boolean accumulate : new boolean[] {false, true}) {
            float[] blocked = start.clone();
            vector.gemm(a, 0, b, 0, blocked, 0, m, k, n, accumulate, new float[vector.gemmWorkspace(n)]);
            float[] rows = start.clone();
            for (int i = 0; i < m; i++) {
                vector.gemm(a, i * k, b, 0, rows, i * n, 1, k, n, accumulate);
            }
            assertThat(blocked).as("accumulate " + accumulate).isEqualTo(rows);
        }
    }

    /**
     * A layer's input gradient {@code dY·Wᵀ} from W as stored: the vector kernels copy W's rows into their panels
     * instead of transposing W first, with the bits of the transpose then the product, wherever they can (n a multiple
     * of four vectors, enough rows) and where they fall back to it.
     */
    @ParameterizedTest
    @CsvSource({"64,64,3136", "64,512,784", "20,10,512", "64,33,128", "7,64,256", "64,20,72", "64,10,32"})
    void theInputGradientFromWeightsAsStoredHasTheBitsOfTheTransposedProduct(int m, int k, int n) {
        SplittableRandom rng = new SplittableRandom(m * 11L + k * 3L + n);
        float[] dy = random(m * k, rng);
        float[] w = random(2 + n * k, rng);
        float[] wt = new float[k * n];
        Kernels.transpose(w, 2, n, k, wt);
        float[] expected = new float[m * n];
        vector.gemm(dy, 0, wt, 0, expected, 0, m, k, n, false);
        float[] actual = random(m * n, rng); // overwritten
        float[] work = new float[vector.gemmWorkspace(n)];
        vector.gemmTransposedOperand(dy, w, 2, actual, m, k, n, work, new float[k * n]);
        assertThat(actual).isEqualTo(expected);
    }

    /** Batch normalisation's sweeps agree with the scalar forms, for channels a vector holds, splits or leaves over. */
    @ParameterizedTest
    @CsvSource({"50,16", "33,7", "70,20", "9,1", "100,48"})
    void channelSweepsAgree(int rows, int channels) {
        SplittableRandom rng = new SplittableRandom(rows * 100L + channels);
        float[] x = random(rows * channels, rng);
        float[] dy = random(rows * channels, rng);
        float[] mean = random(channels, rng);
        float[] invStd = random(channels, rng);
        float[] a = random(channels, rng);
        float[] b = random(channels, rng);
        float[] d = random(channels, rng);
        for (Kernels k : new Kernels[] {scalar, vector}) {
            double[] sum = new double[channels];
            double[] sum2 = new double[channels];
            k.channelSums(x, rows, channels, sum);
            k.channelSquaredDeviations(x, rows, channels, mean, sum2);
            double[] sumDy = new double[channels];
            double[] sumDyXhat = new double[channels];
            k.channelGradientSums(x, dy, rows, channels, mean, invStd, sumDy, sumDyXhat);
            double[] expected = new double[4 * channels];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < channels; c++) {
                    double v = x[r * channels + c];
                    double g = dy[r * channels + c];
                    expected[c] += v;
                    expected[channels + c] += (v - mean[c]) * (v - mean[c]);
                    expected[2 * channels + c] += g;
                    expected[3 * channels + c] += g * (v - mean[c]) * invStd[c];
                }
            }
            for (int c = 0; c < channels; c++) {
                assertThat(sum[c]).isCloseTo(expected[c], within(1e-4 * rows));
                assertThat(sum2[c]).isCloseTo(expected[channels + c], within(1e-4 * rows));
                assertThat(sumDy[c]).isCloseTo(expected[2 * channels + c], within(1e-4 * rows));
                assertThat(sumDyXhat[c]).isCloseTo(expected[3 * channels + c], within(1e-4 * rows));
            }
        }
        float[] y1 = new float[x.length];
        float[] y2 = new float[x.length];
        scalar.channelAffine(x, y1, rows, channels, a, b);
        vector.channelAffine(x, y2, rows, channels, a, b);
        assertThat(y2).as("a product then a sum: the same bits").isEqualTo(y1);
        scalar.channelAffine2(dy, x, y1, rows, channels, a, b, d);
        vector.channelAffine2(dy, x, y2, rows, channels, a, b, d);
        assertClose(y1, y2);
    }

    static float[] random(int n, SplittableRandom rng) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return a;
    }

    @ParameterizedTest
    @CsvSource({
        "1,1,1",
        "3,5,7",
        "4,16,16",
        "9,33,10",
        "64,784,32",
        "13,17,47",
        "64,32,10",
        "6,512,10",
        "5,70,40",
        "7,23,130",
        "3,32,64",
        "5,10,70",
        "64,784,512"
    })
    void gemmFormsAgree(int m, int k, int n) {
        SplittableRandom rng = new SplittableRandom(m * 1000L + k * 10L + n);
        float[] a = random(3 + m * k, rng);
        float[] b = random(5 + k * n, rng);
        float[] c1 = random(2 + m * n, rng);
        float[] c2 = c1.clone();
        scalar.gemm(a, 3, b, 5, c1, 2, m, k, n, true);
        vector.gemm(a, 3, b, 5, c2, 2, m, k, n, true);
        assertClose(c1, c2);
        scalar.gemm(a, 3, b, 5, c1, 2, m, k, n, false);
        vector.gemm(a, 3, b, 5, c2, 2, m, k, n, false);
        assertClose(c1, c2);

        float[] x = random(m * k, rng);
        float[] dy = random(m * n, rng);
        float[] g1 = new float[7 + k * n];
        float[] g2 = new float[7 + k * n];
        scalar.gemmTransposedA(x, dy, 0, g1, 7, m, k, n);
        vector.gemmTransposedA(x, dy, 0, g2, 7, m, k, n);
        assertClose(g1, g2);

        float[] bt = random(n * k, rng);
        float[] t1 = new float[m * n];
        float[] t2 = new float[m * n];
        scalar.gemmTransposedB(a, bt, t1, m, k, n);
        vector.gemmTransposedB(a, bt, t2, m, k, n);
        assertClose(t1, t2);

        float[] s1 = new float[1 + n];
        float[] s2 = new float[1 + n];
        scalar.columnSums(dy, s1, 1, m, n);
        vector.columnSums(dy, s2, 1, m, n);
        assertClose(s1, s2);

        float[] r1 = dy.clone();
        float[] r2 = dy.clone();
        float[] bias = random(4 + n, rng);
        scalar.addRowVector(r1, bias, 4, m, n);
        vector.addRowVector(r2, bias, 4, m, n);
        assertClose(r1, r2);
    }

    @ParameterizedTest
    @CsvSource({"2,3", "5,1", "7,9"})
    void transposeIsExact(int rows, int cols) {
        float[] src = random(1 + rows * cols, new SplittableRandom(rows));
        float[] dst = new float[rows * cols];
        Kernels.transpose(src, 1, rows, cols, dst);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                assertThat(dst[j * rows + i]).isEqualTo(src[1 + i * cols + j]);
            }
        }
    }

    /**
     * Both kernels' {@code transposeInto} copy what {@link Kernels#transpose} copies, with whole 16 × 16 tiles (moved
     * in registers by the vector kernels at 512 bits), rows and columns past them, and none at all.
     */
    @ParameterizedTest
    @CsvSource({"16,16", "32,48", "2352,128", "37,53", "15,40", "40,15", "3,5"})
    void transposeIntoCopiesTheTranspose(int rows, int cols) {
        float[] src = random(3 + rows * cols, new SplittableRandom(rows * 31L + cols));
        float[] expected = new float[rows * cols];
        Kernels.transpose(src, 3, rows, cols, expected);
        for (Kernels kernels : new Kernels[] {scalar, vector}) {
            float[] dst = new float[rows * cols];
            kernels.transposeInto(src, 3, rows, cols, dst);
            assertThat(dst).as(kernels.name()).containsExactly(expected);
        }
    }

    private static void assertClose(float[] expected, float[] actual) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("index %d", i).isCloseTo(expected[i], within(1e-4f * (1 + Math.abs(expected[i]))));
        }
    }
}
