package org.saepj.engine.kernel;

import static org.saepj.engine.kernel.StemShape.LANES;

import java.util.Arrays;

/**
 * The scalar forms (the {@link Kernels} defaults {@code stemMoments}, {@code stemForwardPooled} and {@code
 * stemGradientSums}) of a stem's training run: a K×K stride-1 same convolution of the network's input, the batch norm
 * that alone reads it, its ReLU and a 2×2 max pool, without the convolution's output ever being written.
 *
 * <p>Each image is first copied into zero-padded channel-major planes ({@link #pad}); a tap {@code t = (ky·K + kx)·cin
 * + ci} (the kernel's row) of an output position is then one plane value. The three sweeps:
 * <ul>
 *   <li>the <b>moments</b> of the patches: Σ P̃ₜ and Σ P̃ₜ·P̃ᵤ over every output position, with P̃ = P − a centre per
 *       input channel (the zero padding becomes −centre), from which the batch norm's mean and variance of every
 *       filter follow (a filter's output is linear in its patch), so the convolution's output is not needed for them;
 *   <li>the <b>pooled forward pass</b>: each window's four convolution outputs computed where they are needed, the
 *       batch norm's affine map, the ReLU and the maximum; the pooled value written, and beside it the window's first
 *       position holding the maximum and that position's output;
 *   <li>the <b>gradient sums</b>: the pool's gradient routed to that position where the pooled output is positive
 *       (the ReLU kept it), and summed: Σ dy and Σ dy·(x − μ) per filter (the batch norm's) and Σ dy·Pₜ per tap and
 *       filter, from which the kernel gradient follows (the rest of it is a matrix product of the moments with the
 *       kernel).
 * </ul>
 *
 * <p>Every sum is a float run over one image added into double, in an order the vector forms ({@code
 * VectorStemSweeps}) keep: a filter's values in its own lane in the same sequence of operations, and the moments'
 * sums over the positions in {@link StemShape#LANES} interleaved runs (a position's column modulo 16 chooses its
 * run), whatever the vector's width. So every implementation gives the same bits.
 */
final class StemSweeps {
    private StemSweeps() {}

    /**
     * Copies image {@code b} of {@code x} (NHWC) into {@code work} as the shape's padded planes, centred by {@code
     * center} when it is not null: {@code x − center[ci]} inside, {@code 0 − center[ci]} in the zero padding, and 0 in
     * the slack after the last plane.
     */
    static void pad(StemShape shape, float[] x, int b, float[] center, float[] work) {
        int h = shape.h();
        int w = shape.w();
        int cin = shape.cin();
        int k = shape.k();
        int ph = h + k - 1;
        int pw = shape.paddedWidth();
        int p = k / 2;
        for (int ci = 0; ci < cin; ci++) {
            Arrays.fill(work, ci * ph * pw, (ci + 1) * ph * pw, 0f - centre(center, ci));
        }
        Arrays.fill(work, cin * ph * pw, shape.planeFloats(), 0f);
        int base = b * h * w * cin;
        for (int ci = 0; ci < cin; ci++) {
            float c = centre(center, ci);
            for (int i = 0; i < h; i++) {
                int to = (ci * ph + i + p) * pw + p;
                int from = base + i * w * cin + ci;
                if (cin == 1) {
                    // A row of a grey image is contiguous: a loop the compiler turns into vector operations (the pad
                    // ran a value at a time, a tenth of a millisecond a batch of 64, three times a step).
                    for (int j = 0; j < w; j++) {
                        work[to + j] = x[from + j] - c;
                    }
                } else {
                    for (int j = 0; j < w; j++) {
                        work[to + j] = x[from + j * cin] - c;
                    }
                }
            }
        }
    }

    /** @return channel ci's centre, +0 without one (subtracting +0 leaves every value, −0 included, as it is) */
    private static float centre(float[] center, int ci) {
        return center == null ? 0f : center[ci];
    }

    /**
     * Adds the moments of images {@code b0 … b1 − 1}'s centred patches: {@code sums[t] += Σ P̃ₜ} and, for u ≥ t,
     * {@code gram[t·T + u] += Σ P̃ₜ·P̃ᵤ} (T = K²·cin taps; the lower triangle untouched), over every output position,
     * with {@code P̃ = P − center[ci]}: per lane of a run, {@code fma(P̃ₜ·inside, 1, ·)} and {@code fma(P̃ₜ·inside,
     * P̃ᵤ, ·)}, rows then runs of columns in order, where {@code inside} is 1 for a column of output positions and 0
     * past them.
     */
    static void moments(
            StemShape shape, float[] x, int b0, int b1, float[] center, double[] gram, double[] sums, float[] work) {
        int h = shape.h();
        int w = shape.w();
        int taps = shape.taps();
        int pw = shape.paddedWidth();
        int blocks = pw / LANES;
        int runs = shape.runsAt();
        for (int b = b0; b < b1; b++) {
            pad(shape, x, b, center, work);
            for (int t = 0; t < taps; t++) {
                int ot = shape.tapOffset(t);
                Arrays.fill(work, runs, runs + LANES, 0f);
                for (int i = 0; i < h; i++) {
                    for (int blk = 0; blk < blocks; blk++) {
                        for (int j = 0; j < LANES; j++) {
                            int col = blk * LANES + j;
                            float a = work[ot + i * pw + col] * (col < w ? 1f : 0f);
                            work[runs + j] = Math.fma(a, 1f, work[runs + j]);
                        }
                    }
                }
                sums[t] += runSum(work, runs);
                for (int u = t; u < taps; u++) {
                    int ou = shape.tapOffset(u);
                    Arrays.fill(work, runs, runs + LANES, 0f);
                    for (int i = 0; i < h; i++) {
                        for (int blk = 0; blk < blocks; blk++) {
                            for (int j = 0; j < LANES; j++) {
                                int col = blk * LANES + j;
                                float a = work[ot + i * pw + col] * (col < w ? 1f : 0f);
                                work[runs + j] = Math.fma(a, work[ou + i * pw + col], work[runs + j]);
                            }
                        }
                    }
                    gram[t * taps + u] += runSum(work, runs);
                }
            }
        }
    }

    /** @return the {@link #LANES} runs at {@code work[at…]} added in double, in order */
    static double runSum(float[] work, int at) {
        double s = 0;
        for (int j = 0; j < LANES; j++) {
            s += work[at + j];
        }
        return s;
    }

    /**
     * Filters {@code from … to − 1} of the pooled outputs of images {@code b0 … b1 − 1}: for each 2×2 window, the four
     * convolution outputs {@code bias + Σₜ Pₜ·Wₜ} (fused multiply-adds in tap order), {@code max(x·scale + shift, 0)}
     * each, and their maximum, written at {@code y[((b·h/2 + i)·w/2 + j)·cout + co]}; beside it, for the backward
     * pass, which position of the window (0 … 3, row-major) is the first holding the maximum, in {@code chosen}, and
     * its convolution output, in {@code chosenX}.
     */
    static void forwardPooled(
            StemShape shape,
            float[] x,
            float[] y,
            int b0,
            int b1,
            int from,
            int to,
            float[] weights,
            int w0,
            float[] bias,
            int bo,
            float[] scale,
            float[] shift,
            float[] chosen,
            float[] chosenX,
            float[] work) {
        int taps = shape.taps();
        int cout = shape.cout();
        int pw = shape.paddedWidth();
        int oh = shape.h() / 2;
        int ow = shape.w() / 2;
        for (int b = b0; b < b1; b++) {
            pad(shape, x, b, null, work);
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int o = ((b * oh + i) * ow + j) * cout;
                    int at = 2 * i * pw + 2 * j;
                    for (int co = from; co < to; co++) {
                        float x0 = bias[bo + co];
                        float x1 = x0;
                        float x2 = x0;
                        float x3 = x0;
                        for (int t = 0; t < taps; t++) {
                            float wt = weights[w0 + t * cout + co];
                            int p = at + shape.tapOffset(t);
                            x0 = Math.fma(work[p], wt, x0);
                            x1 = Math.fma(work[p + 1], wt, x1);
                            x2 = Math.fma(work[p + pw], wt, x2);
                            x3 = Math.fma(work[p + pw + 1], wt, x3);
                        }
                        float s = scale[co];
                        float sh = shift[co];
                        float r0 = Math.max(x0 * s + sh, 0f);
                        float r1 = Math.max(x1 * s + sh, 0f);
                        float r2 = Math.max(x2 * s + sh, 0f);
                        float r3 = Math.max(x3 * s + sh, 0f);
                        float max = Math.max(Math.max(r0, r1), Math.max(r2, r3));
                        int target = r0 == max ? 0 : r1 == max ? 1 : r2 == max ? 2 : 3;
                        y[o + co] = max;
                        chosen[o + co] = target;
                        chosenX[o + co] = target == 0 ? x0 : target == 1 ? x1 : target == 2 ? x2 : x3;
                    }
                }
            }
        }
    }

    /**
     * Filters {@code from … to − 1}'s gradient sums over images {@code b0 … b1 − 1}: the pooled gradient {@code dy}
     * goes to the window's position {@link #forwardPooled} chose where the pooled output is positive (+0 elsewhere);
     * then, a float run per image added into double,
     * {@code sumDy[co] += Σ g}, {@code sumDyXc[co] += Σ g·(x − mean[co])} and {@code tapSums[t·cout + co] += Σ g·Pₜ}
     * (Pₜ at the chosen position: a fused multiply-add per window).
     */
    static void gradientSums(
            StemShape shape,
            float[] x,
            float[] y,
            float[] dy,
            float[] chosen,
            float[] chosenX,
            int b0,
            int b1,
            int from,
            int to,
            float[] mean,
            double[] sumDy,
            double[] sumDyXc,
            double[] tapSums,
            float[] work) {
        int taps = shape.taps();
        int cout = shape.cout();
        int pw = shape.paddedWidth();
        int oh = shape.h() / 2;
        int ow = shape.w() / 2;
        int sums = shape.windowsAt(); // the filter's sum per tap, in float over the image
        for (int b = b0; b < b1; b++) {
            pad(shape, x, b, null, work);
            for (int co = from; co < to; co++) {
                float sdy = 0f;
                float sdx = 0f;
                Arrays.fill(work, sums, sums + taps, 0f);
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        int o = ((b * oh + i) * ow + j) * cout + co;
                        float g = y[o] > 0f ? dy[o] : 0f;
                        sdy += g;
                        sdx = Math.fma(g, chosenX[o] - mean[co], sdx);
                        int q = (int) chosen[o];
                        int p = (2 * i + q / 2) * pw + 2 * j + q % 2; // the chosen position, tap 0's value
                        for (int t = 0; t < taps; t++) {
                            work[sums + t] = Math.fma(g, work[p + shape.tapOffset(t)], work[sums + t]);
                        }
                    }
                }
                sumDy[co] += sdy;
                sumDyXc[co] += sdx;
                for (int t = 0; t < taps; t++) {
                    tapSums[t * cout + co] += work[sums + t];
                }
            }
        }
    }
}
