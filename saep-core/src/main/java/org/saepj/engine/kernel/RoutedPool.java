package org.saepj.engine.kernel;

/**
 * 2×2 max pooling that keeps its routing: beside each pooled value the window's first position (row-major, 0 … 3)
 * holding the maximum, so that the backward pass needs neither the pool's input nor the output it would otherwise
 * compare with. The scalar forms, which {@link Kernels}' defaults call; {@link VectorRoutedPool} gives the same bits.
 *
 * <p>The values are those of {@link Kernels#maxPool2} (then {@link Kernels#relu} where the pool's output is rectified)
 * and the routing that of {@link Kernels#maxPool2Backward}: the first position equal to the maximum, the last where
 * none is (a NaN), so a run of the pool with the layers around it keeps their bits.
 */
final class RoutedPool {
    private RoutedPool() {}

    /** @see Kernels#maxPool2Routed */
    static void forward(
            float[] x, int xo, float[] y, float[] route, int yo, int samples, int h, int w, int c, boolean rectify) {
        int oh = h / 2;
        int ow = w / 2;
        for (int b = 0; b < samples; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int o = yo + ((b * oh + i) * ow + j) * c;
                    int p00 = xo + ((b * h + 2 * i) * w + 2 * j) * c;
                    int p01 = p00 + c;
                    int p10 = p00 + w * c;
                    int p11 = p10 + c;
                    for (int ch = 0; ch < c; ch++) {
                        float max = Math.max(Math.max(x[p00 + ch], x[p01 + ch]), Math.max(x[p10 + ch], x[p11 + ch]));
                        route[o + ch] =
                                x[p00 + ch] == max ? 0f : x[p01 + ch] == max ? 1f : x[p10 + ch] == max ? 2f : 3f;
                        y[o + ch] = rectify ? Math.max(max, 0f) : max;
                    }
                }
            }
        }
    }

    /** @see Kernels#maxPool2RoutedBackward */
    static void backward(
            float[] y,
            float[] dy,
            float[] route,
            int yo,
            float[] dx,
            int dxo,
            int samples,
            int h,
            int w,
            int c,
            boolean rectified) {
        int oh = h / 2;
        int ow = w / 2;
        for (int b = 0; b < samples; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int o = yo + ((b * oh + i) * ow + j) * c;
                    int p00 = dxo + ((b * h + 2 * i) * w + 2 * j) * c;
                    int p01 = p00 + c;
                    int p10 = p00 + w * c;
                    int p11 = p10 + c;
                    for (int ch = 0; ch < c; ch++) {
                        float g = !rectified || y[o + ch] > 0f ? dy[o + ch] : 0f;
                        float r = route[o + ch];
                        dx[p00 + ch] = r == 0f ? g : 0f;
                        dx[p01 + ch] = r == 1f ? g : 0f;
                        dx[p10 + ch] = r == 2f ? g : 0f;
                        dx[p11 + ch] = r == 3f ? g : 0f;
                    }
                }
            }
        }
    }

    /** @see Kernels#columnSumsAdding */
    static void columnSumsAdding(float[] a, int ao, float[] out, int oo, int m, int n) {
        for (int j = 0; j < n; j++) {
            float sum = out[oo + j];
            for (int i = 0; i < m; i++) {
                sum += a[ao + i * n + j];
            }
            out[oo + j] = sum;
        }
    }
}
