package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.KernelsProvider;

/**
 * The vector forms of average pooling, global average pooling and inference's convolution epilogue give the bits of
 * the scalar forms, for channels a vector holds or not and odd sizes; the epilogue gives the bits of the separate bias,
 * batch-norm and ReLU passes it replaces, on both kernels.
 */
class PoolingAndEpilogueKernelsTest {
    private final Kernels scalar = KernelsProvider.scalar();
    private final Kernels vector = KernelsProvider.vector();

    @ParameterizedTest
    @CsvSource({"3,4,6,16", "2,5,7,16", "2,4,4,32", "3,6,4,3", "1,3,3,20"})
    void poolingKernelsGiveTheScalarBits(int batch, int h, int w, int c) {
        SplittableRandom rng = new SplittableRandom(h * 1000L + w * 10L + c);
        float[] x = KernelsTest.random(batch * h * w * c, rng);
        float[] dy = KernelsTest.random(batch * (h / 2) * (w / 2) * c, rng);
        float[][] out = new float[2][];
        float[][] dx = new float[2][];
        float[][] means = new float[2][];
        float[][] dMeans = new float[2][];
        float[] dyMeans = KernelsTest.random(batch * c, rng);
        Kernels[] both = {scalar, vector};
        for (int k = 0; k < 2; k++) {
            out[k] = new float[dy.length];
            both[k].avgPool2(x, out[k], batch, h, w, c);
            dx[k] = KernelsTest.random(x.length, rng); // stale values: the dropped rows must be zeroed
            both[k].avgPool2Backward(dy, dx[k], batch, h, w, c);
            means[k] = new float[batch * c];
            both[k].channelMeans(x, means[k], batch, h * w, c, new double[c]);
            dMeans[k] = new float[x.length];
            both[k].channelMeansBackward(dyMeans, dMeans[k], batch, h * w, c);
        }
        assertThat(out[1]).isEqualTo(out[0]);
        assertThat(dx[1]).isEqualTo(dx[0]);
        assertThat(means[1]).isEqualTo(means[0]);
        assertThat(dMeans[1]).isEqualTo(dMeans[0]);
        // The scalar mean is the double sum of the positions, rounded once.
        double s = 0;
        for (int p = 0; p < h * w; p++) {
            s += x[p * c];
        }
        assertThat(means[0][0]).isEqualTo((float) (s / (h * w)));
        if (h % 2 == 1) {
            assertThat(dx[0][((h - 1) * w) * c]).as("a dropped row's gradient").isZero();
        }
    }

    @ParameterizedTest
    @CsvSource({"50,16", "33,7", "20,20", "9,1", "12,48", "30,24", "7,40", "5,8", "3,3"})
    void theEpilogueGivesTheBitsOfTheSeparatePasses(int rows, int channels) {
        SplittableRandom rng = new SplittableRandom(rows * 100L + channels);
        float[] conv = KernelsTest.random(rows * channels + 5, rng);
        float[] params = KernelsTest.random(channels + 3, rng);
        float[] scale = KernelsTest.random(channels, rng);
        float[] shift = KernelsTest.random(channels, rng);
        for (Kernels k : new Kernels[] {scalar, vector}) {
            for (int steps = 0; steps < 4; steps++) {
                boolean affine = steps % 2 == 1;
                boolean relu = steps >= 2;
                float[] separate = conv.clone();
                float[] y = new float[rows * channels];
                System.arraycopy(separate, 5, y, 0, y.length);
                k.addRowVector(y, params, 3, rows, channels);
                if (affine) {
                    k.channelAffine(y, y, rows, channels, scale, shift);
                }
                if (relu) {
                    k.relu(y, y, y.length);
                }
                System.arraycopy(y, 0, separate, 5, y.length);
                float[] fused = conv.clone();
                k.channelEpilogue(fused, 5, rows, channels, params, 3, affine ? scale : null, shift, relu);
                assertThat(fused)
                        .as(k.name() + ", affine " + affine + ", relu " + relu)
                        .isEqualTo(separate);
            }
        }
    }
}
