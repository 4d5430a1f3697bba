package org.saepj.engine.kernel;

/**
 * The scalar forms of a batch norm's training sweeps with the ReLU and the 2×2 max pooling after it taken in (the
 * {@link Kernels} defaults {@code channelAffineReluPool}, {@code channelGradientSumsPooled} and {@code
 * channelAffine2Pooled}): the pooled output is written without the full-size ReLU output, and the backward sweeps find
 * the gradient the pool and the ReLU pass back to each position again from the batch norm's input, its forward
 * constants and the pooled output, instead of reading a full-size gradient. Each value goes through the float
 * operations of {@link Kernels#channelAffineRelu}, {@link Kernels#maxPool2}, {@link Kernels#maxPool2Backward} and the
 * gated sweeps one after the other, so the bits are theirs.
 *
 * <p>Maps of even height and width only: a pool over odd sides drops a row or column, which these sweeps do not
 * model (the training plan keeps such pools apart).
 */
final class PooledSweeps {
    private PooledSweeps() {}

    /** Refuses odd sides, which the fused sweeps do not model. */
    static void requireEvenSides(int h, int w) {
        if (h % 2 != 0 || w % 2 != 0) {
            throw new IllegalArgumentException(
                    "a fused batch norm, ReLU and 2×2 pool needs even sides, got " + h + "×" + w);
        }
    }

    static void affineReluPool(
            float[] x,
            float[] y,
            int batch,
            int h,
            int w,
            int channels,
            int from,
            int to,
            float[] scale,
            float[] shift) {
        requireEvenSides(h, w);
        int oh = h / 2;
        int ow = w / 2;
        int down = w * channels;
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int o = ((b * oh + i) * ow + j) * channels;
                    int p00 = ((b * h + 2 * i) * w + 2 * j) * channels;
                    for (int c = from; c < to; c++) {
                        float s = scale[c];
                        float t = shift[c];
                        float r00 = Math.max(x[p00 + c] * s + t, 0f);
                        float r01 = Math.max(x[p00 + channels + c] * s + t, 0f);
                        float r10 = Math.max(x[p00 + down + c] * s + t, 0f);
                        float r11 = Math.max(x[p00 + down + channels + c] * s + t, 0f);
                        y[o + c] = Math.max(Math.max(r00, r01), Math.max(r10, r11));
                    }
                }
            }
        }
    }

    /**
     * The gradient that reaches input position {@code k} (0 … 3, row-major) of a window: the pool's when the position
     * is the first holding the maximum, kept by the ReLU where its output there is positive; +0 otherwise.
     *
     * @param p00 the window's top-left value in x (channel 0)
     * @param o the window's pooled value in y and dy (channel 0)
     */
    static float routed(
            float[] x, float[] y, float[] dy, int p00, int o, int down, int channels, int k, int c, float s, float t) {
        float max = y[o + c];
        float r00 = Math.max(x[p00 + c] * s + t, 0f);
        float r01 = Math.max(x[p00 + channels + c] * s + t, 0f);
        float r10 = Math.max(x[p00 + down + c] * s + t, 0f);
        float r11 = Math.max(x[p00 + down + channels + c] * s + t, 0f);
        int target = r00 == max ? 0 : r01 == max ? 1 : r10 == max ? 2 : 3;
        if (target != k) {
            return 0f;
        }
        float own = k == 0 ? r00 : k == 1 ? r01 : k == 2 ? r10 : r11;
        return own > 0f ? dy[o + c] : 0f;
    }

    /** The default sums: each row's routed gradient added into the double sums, rows in order. */
    static void gradientSums(
            float[] x,
            float[] y,
            float[] dy,
            int batch,
            int h,
            int w,
            int channels,
            int from,
            int to,
            float[] scale,
            float[] shift,
            float[] mean,
            float[] invStd,
            double[] sumDy,
            double[] sumDyXhat) {
        requireEvenSides(h, w);
        int down = w * channels;
        int ow = w / 2;
        for (int b = 0, r = 0; b < batch; b++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++, r++) {
                    int p00 = ((b * h + (i & ~1)) * w + (j & ~1)) * channels;
                    int o = (((b * h + i) >> 1) * ow + (j >> 1)) * channels;
                    int k = (i & 1) * 2 + (j & 1);
                    for (int c = from, idx = r * channels + from; c < to; c++, idx++) {
                        float g = routed(x, y, dy, p00, o, down, channels, k, c, scale[c], shift[c]);
                        float xhat = (x[idx] - mean[c]) * invStd[c];
                        sumDy[c] += g;
                        sumDyXhat[c] += g * xhat;
                    }
                }
            }
        }
    }

    /**
     * The vector forms' sums of channels {@code from … to − 1} past their last whole vector: a lane's operations
     * (float runs of {@code run} rows, a fused multiply-add for Σ dy·x̂), as the gated sweep's tail.
     */
    static void gradientSumsInRuns(
            float[] x,
            float[] y,
            float[] dy,
            int batch,
            int h,
            int w,
            int channels,
            int from,
            int to,
            float[] scale,
            float[] shift,
            float[] mean,
            float[] invStd,
            double[] sumDy,
            double[] sumDyXhat,
            int run) {
        int down = w * channels;
        int ow = w / 2;
        int rows = batch * h * w;
        for (int c = from; c < to; c++) {
            float s = scale[c];
            float t = shift[c];
            float mu = mean[c];
            float inv = invStd[c];
            for (int r0 = 0; r0 < rows; r0 += run) {
                int r1 = Math.min(rows, r0 + run);
                float sd = 0f;
                float sx = 0f;
                for (int r = r0; r < r1; r++) {
                    int image = r / (h * w);
                    int i = r / w % h;
                    int j = r % w;
                    int p00 = ((image * h + (i & ~1)) * w + (j & ~1)) * channels;
                    int o = (((image * h + i) >> 1) * ow + (j >> 1)) * channels;
                    float g = routed(x, y, dy, p00, o, down, channels, (i & 1) * 2 + (j & 1), c, s, t);
                    float xhat = (x[r * channels + c] - mu) * inv;
                    sd += g;
                    sx = Math.fma(g, xhat, sx);
                }
                sumDy[c] += sd;
                sumDyXhat[c] += sx;
            }
        }
    }

    /**
     * {@code dx = routed·a + x·b + d}, the default's float operations; with {@code fused} the vector forms' tail,
     * {@code fma(x, b, fma(routed, a, d))}.
     */
    static void affine2(
            float[] dy,
            float[] y,
            float[] x,
            float[] dx,
            int batch,
            int h,
            int w,
            int channels,
            int from,
            int to,
            float[] scale,
            float[] shift,
            float[] a,
            float[] b,
            float[] d,
            boolean fused) {
        requireEvenSides(h, w);
        int down = w * channels;
        int ow = w / 2;
        for (int n = 0, r = 0; n < batch; n++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++, r++) {
                    int p00 = ((n * h + (i & ~1)) * w + (j & ~1)) * channels;
                    int o = (((n * h + i) >> 1) * ow + (j >> 1)) * channels;
                    int k = (i & 1) * 2 + (j & 1);
                    for (int c = from, idx = r * channels + from; c < to; c++, idx++) {
                        float g = routed(x, y, dy, p00, o, down, channels, k, c, scale[c], shift[c]);
                        dx[idx] = fused
                                ? Math.fma(x[idx], b[c], Math.fma(g, a[c], d[c]))
                                : g * a[c] + x[idx] * b[c] + d[c];
                    }
                }
            }
        }
    }
}
