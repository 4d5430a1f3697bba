package org.saepj.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.KernelsProvider;

/**
 * The convolution of every kernel size, stride and padding against a direct loop over the definition (outputs, weight
 * and input gradients, in double), on the scalar and the Vector API kernels; the geometry of same and valid padding;
 * the settings' checks.
 */
class Conv2DTest {
    private static final int BATCH = 3;

    @Test
    void samePaddingFollowsTensorFlowAndValidPaddingAddsNothing() {
        assertThat(ConvAxis.of(7, 3, 1, true)).isEqualTo(new ConvAxis(7, 3, 1, 1, 1, 7));
        assertThat(ConvAxis.of(7, 3, 2, true)).isEqualTo(new ConvAxis(7, 3, 2, 1, 1, 4));
        assertThat(ConvAxis.of(6, 3, 2, true)).as("the odd zero goes after").isEqualTo(new ConvAxis(6, 3, 2, 0, 1, 3));
        assertThat(ConvAxis.of(6, 7, 2, true)).isEqualTo(new ConvAxis(6, 7, 2, 2, 3, 3));
        assertThat(ConvAxis.of(6, 1, 2, true)).isEqualTo(new ConvAxis(6, 1, 2, 0, 0, 3));
        assertThat(ConvAxis.of(7, 3, 1, false)).isEqualTo(new ConvAxis(7, 3, 1, 0, 0, 5));
        assertThat(ConvAxis.of(8, 3, 2, false))
                .as("the last column is read by no window")
                .isEqualTo(new ConvAxis(8, 3, 2, 0, 0, 3));
        assertThatThrownBy(() -> ConvAxis.of(4, 5, 1, false)).hasMessageContaining("kernel (5), got 4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void everyKernelStrideAndPaddingMatchesTheDefinition(String name) {
        Kernels kernels = name.equals("scalar") ? KernelsProvider.scalar() : KernelsProvider.vector();
        long seed = 1;
        for (int k : new int[] {1, 3, 5, 7}) {
            for (int stride : new int[] {1, 2}) {
                for (Conv2D.Padding padding : Conv2D.Padding.values()) {
                    // 9×8 and 16 filters: odd and even axes, and filters that fill a vector; 16 input channels: the
                    // input gradient as a convolution of dy with the flipped kernel (stride 1, same padding).
                    for (int[] size :
                            List.of(new int[] {9, 8, 3, 5}, new int[] {8, 9, 2, 16}, new int[] {7, 8, 16, 5})) {
                        Conv2D conv = new Conv2D(size[0], size[1], size[2], size[3], k, stride, padding, kernels);
                        agree(conv, seed++);
                    }
                }
            }
        }
    }

    @Test
    void specsNameTheWrongSettingAndWhatIsAccepted() {
        assertThatThrownBy(() -> new Conv2DKind.Spec(0, 3)).hasMessage("conv2d: filters must be at least 1, got 0");
        assertThatThrownBy(() -> new Conv2DKind.Spec(8, 4)).hasMessage("conv2d: kernel must be 1, 3, 5 or 7, got 4");
        assertThatThrownBy(() -> new Conv2DKind.Spec(8, 3, 3, "same"))
                .hasMessage("conv2d: stride must be 1 or 2, got 3");
        assertThatThrownBy(() -> new Conv2DKind.Spec(8, 3, 1, "full"))
                .hasMessage("conv2d: padding must be \"same\" or \"valid\", got \"full\"");
        assertThat(new Conv2DKind.Spec(8, 3)).isEqualTo(new Conv2DKind.Spec(8, 3, 1, "same"));
    }

    @Test
    void shapesOfStridedAndValidConvolutions() {
        Conv2DKind kind = new Conv2DKind();
        List<Shape> in = List.of(new Shape(28, 27, 3));
        assertThat(kind.outputShape(new Conv2DKind.Spec(8, 3, 2, "same"), in)).isEqualTo(new Shape(14, 14, 8));
        assertThat(kind.outputShape(new Conv2DKind.Spec(8, 7, 2, "valid"), in)).isEqualTo(new Shape(11, 11, 8));
        assertThat(kind.outputShape(new Conv2DKind.Spec(8, 1, 1, "valid"), in)).isEqualTo(new Shape(28, 27, 8));
        assertThatThrownBy(() -> kind.outputShape(new Conv2DKind.Spec(8, 7, 1, "valid"), List.of(new Shape(6, 9, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv2d with valid padding needs an input of at least 7×7, got 6×9×1");
        Layer layer = kind.create(new Conv2DKind.Spec(8, 5, 2, "valid"), in, KernelsProvider.scalar());
        assertThat(layer.outputSize()).isEqualTo(12 * 12 * 8);
        assertThat(layer.toString()).isEqualTo("Conv2D(5×5, 3→8, stride 2, valid)");
    }

    @Test
    void scratchIsThePatchesAndNoneForAPointwiseConvolution() {
        Kernels k = KernelsProvider.scalar();
        assertThat(new Conv2D(8, 8, 4, 6, 3, k).scratchFloatsPerSample()).isEqualTo(2L * 9 * 4 * 64);
        // 16 input channels, stride 1, same padding: the patches of x (9·16 per position) and of dy (9·6), whose
        // convolution with the flipped kernel is dx.
        assertThat(new Conv2D(8, 8, 16, 6, 3, k).scratchFloatsPerSample()).isEqualTo((9L * 16 + 9 * 6) * 64);
        assertThat(new Conv2D(8, 8, 4, 6, 3, 2, Conv2D.Padding.SAME, k).scratchFloatsPerSample())
                .isEqualTo(2L * 9 * 4 * 16);
        assertThat(new Conv2D(8, 8, 4, 6, 3, 1, Conv2D.Padding.VALID, k).scratchFloatsPerSample())
                .isEqualTo(2L * 9 * 4 * 36);
        assertThat(new Conv2D(8, 8, 4, 6, 1, k).scratchFloatsPerSample()).isZero();
        assertThat(new Conv2D(8, 8, 4, 6, 1, 2, Conv2D.Padding.SAME, k).scratchFloatsPerSample())
                .isEqualTo(2L * 4 * 16);
    }

    /** Forward and backward of the layer against the direct loops, within float rounding. */
    private static void agree(Conv2D conv, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] params = new float[conv.parameterCount()];
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) (rng.nextDouble() - 0.5);
        }
        float[] x = random(BATCH * conv.inputSize(), rng);
        float[] dy = random(BATCH * conv.outputSize(), rng);
        float[] y = new float[dy.length];
        conv.forward(params, x, y, BATCH);
        float[] grads = new float[params.length];
        float[] dx = new float[x.length];
        conv.backward(params, x, y, dy, dx, grads, BATCH);

        Reference ref = new Reference(conv, params, x, dy);
        close(conv + " outputs", y, ref.y);
        close(conv + " parameter gradients", grads, ref.grads);
        close(conv + " input gradients", dx, ref.dx);
    }

    private static float[] random(int n, SplittableRandom rng) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return v;
    }

    private static void close(String what, float[] actual, double[] expected) {
        assertThat(actual).as(what).hasSize(expected.length);
        for (int i = 0; i < actual.length; i++) {
            double tolerance = 1e-4 * (1 + Math.abs(expected[i]));
            assertThat(Math.abs(actual[i] - expected[i]))
                    .as(what + " [" + i + "]: " + actual[i] + " vs " + expected[i])
                    .isLessThanOrEqualTo(tolerance);
        }
    }

    /** The convolution written as its definition: every output a sum over the taps that fall inside the input. */
    private static final class Reference {
        final double[] y;
        final double[] grads;
        final double[] dx;

        Reference(Conv2D conv, float[] params, float[] x, float[] dy) {
            int h = conv.height();
            int w = conv.width();
            int cin = conv.inChannels();
            int cout = conv.filters();
            int k = conv.kernel();
            int s = conv.stride();
            ConvAxis rows = conv.rows();
            ConvAxis cols = conv.columns();
            int oh = rows.out();
            int ow = cols.out();
            y = new double[BATCH * oh * ow * cout];
            grads = new double[params.length];
            dx = new double[x.length];
            int biases = k * k * cin * cout;
            for (int b = 0; b < BATCH; b++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        for (int f = 0; f < cout; f++) {
                            int out = ((b * oh + i) * ow + j) * cout + f;
                            double sum = params[biases + f];
                            grads[biases + f] += dy[out];
                            for (int ky = 0; ky < k; ky++) {
                                int yy = i * s + ky - rows.before();
                                for (int kx = 0; kx < k; kx++) {
                                    int xx = j * s + kx - cols.before();
                                    if (yy < 0 || yy >= h || xx < 0 || xx >= w) {
                                        continue;
                                    }
                                    for (int c = 0; c < cin; c++) {
                                        int in = ((b * h + yy) * w + xx) * cin + c;
                                        int weight = ((ky * k + kx) * cin + c) * cout + f;
                                        sum += (double) x[in] * params[weight];
                                        grads[weight] += (double) x[in] * dy[out];
                                        dx[in] += (double) params[weight] * dy[out];
                                    }
                                }
                            }
                            y[out] = sum;
                        }
                    }
                }
            }
        }
    }
}
