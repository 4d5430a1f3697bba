package org.saepj.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The batch norm's per-channel sweeps: the sums and squared deviations of its statistics (rows summed in float for
 * short runs, then added into doubles), the affine map, alone or with the ReLU and the channel epilogue fused in,
 * and the backward pass's gradient sums and second affine map, plain or gated by the ReLU's mask.
 *
 * <p>Each sweep runs whole vectors of channels with unmasked loads and stores, then the channels left over (24
 * channels leave 8 at 512 bits) one at a time with a lane's own operations — float runs, fused multiply-adds where
 * the vectors use them — so every channel has the same bits wherever it falls. The tails were masked vectors once:
 * the JIT of JDK 17 compiles a partial mask's loads and stores to per-lane code, which cost a 24-filter residual
 * network about a tenth of its step.
 */
final class VectorBatchNorm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorBatchNorm() {}

    /** Rows summed in float before each addition into the double sums: short runs lose no more than float's eps. */
    static final int FLOAT_RUN = 32;

    static void channelSums(float[] x, int rows, int channels, int from, int to, double[] sum) {
        float[] lanes = new float[L];
        int c0 = from;
        for (; c0 + L <= to; c0 += L) {
            for (int r0 = 0; r0 < rows; r0 += FLOAT_RUN) {
                int r1 = Math.min(rows, r0 + FLOAT_RUN);
                FloatVector acc = FloatVector.zero(S);
                for (int r = r0; r < r1; r++) {
                    acc = acc.add(FloatVector.fromArray(S, x, r * channels + c0));
                }
                flush(acc, lanes, sum, c0);
            }
        }
        for (int r0 = 0; r0 < rows; r0 += FLOAT_RUN) {
            int r1 = Math.min(rows, r0 + FLOAT_RUN);
            for (int c = c0; c < to; c++) {
                float acc = 0f;
                for (int r = r0; r < r1; r++) {
                    acc += x[r * channels + c];
                }
                sum[c] += acc;
            }
        }
    }

    static void channelSquaredDeviations(
            float[] x, int rows, int channels, int from, int to, float[] mean, double[] sum2) {
        float[] lanes = new float[L];
        int c0 = from;
        for (; c0 + L <= to; c0 += L) {
            FloatVector mu = FloatVector.fromArray(S, mean, c0);
            for (int r0 = 0; r0 < rows; r0 += FLOAT_RUN) {
                int r1 = Math.min(rows, r0 + FLOAT_RUN);
                FloatVector acc = FloatVector.zero(S);
                for (int r = r0; r < r1; r++) {
                    FloatVector d =
                            FloatVector.fromArray(S, x, r * channels + c0).sub(mu);
                    acc = d.fma(d, acc);
                }
                flush(acc, lanes, sum2, c0);
            }
        }
        for (int r0 = 0; r0 < rows; r0 += FLOAT_RUN) {
            int r1 = Math.min(rows, r0 + FLOAT_RUN);
            for (int c = c0; c < to; c++) {
                float mu = mean[c];
                float acc = 0f;
                for (int r = r0; r < r1; r++) {
                    float d = x[r * channels + c] - mu;
                    acc = Math.fma(d, d, acc);
                }
                sum2[c] += acc;
            }
        }
    }

    /**
     * The whole vectors of channels from {@code from} of {@link Kernels#channelAffine}: each lane's operations are the
     * scalar loop's, so the caller finishes the channels left with it.
     *
     * @return the first channel left (at most {@code to})
     */
    static int channelAffine(
            float[] x, float[] y, int rows, int channels, int from, int to, float[] scale, float[] shift) {
        int c0 = from;
        for (; c0 + L <= to; c0 += L) {
            FloatVector s = FloatVector.fromArray(S, scale, c0);
            FloatVector t = FloatVector.fromArray(S, shift, c0);
            for (int r = 0, i = c0; r < rows; r++, i += channels) {
                FloatVector.fromArray(S, x, i).mul(s).add(t).intoArray(y, i);
            }
        }
        return c0;
    }

    /**
     * The whole vectors of channels from {@code from}, as {@link #channelAffine} then {@link VectorSweeps#relu}: the
     * operations of {@link Kernels#channelAffineRelu}'s loop, which finishes the channels left.
     *
     * @return the first channel left (at most {@code to})
     */
    static int channelAffineRelu(
            float[] x, float[] y, int rows, int channels, int from, int to, float[] scale, float[] shift) {
        FloatVector zero = FloatVector.zero(S);
        int c0 = from;
        for (; c0 + L <= to; c0 += L) {
            FloatVector s = FloatVector.fromArray(S, scale, c0);
            FloatVector t = FloatVector.fromArray(S, shift, c0);
            for (int r = 0, i = c0; r < rows; r++, i += channels) {
                FloatVector.fromArray(S, x, i).mul(s).add(t).max(zero).intoArray(y, i);
            }
        }
        return c0;
    }

    /**
     * The whole vectors of channels from {@code from}, as {@link #channelAffine}, the sum with {@code skip} and {@link
     * VectorSweeps#relu}: the operations of {@link Kernels#channelAffineAddRelu}'s loop, which finishes the channels
     * left.
     *
     * @return the first channel left (at most {@code to})
     */
    static int channelAffineAddRelu(
            float[] x,
            float[] skip,
            float[] y,
            int rows,
            int channels,
            int from,
            int to,
            float[] scale,
            float[] shift) {
        FloatVector zero = FloatVector.zero(S);
        int c0 = from;
        for (; c0 + L <= to; c0 += L) {
            FloatVector s = FloatVector.fromArray(S, scale, c0);
            FloatVector t = FloatVector.fromArray(S, shift, c0);
            for (int r = 0, i = c0; r < rows; r++, i += channels) {
                FloatVector.fromArray(S, x, i)
                        .mul(s)
                        .add(t)
                        .add(FloatVector.fromArray(S, skip, i))
                        .max(zero)
                        .intoArray(y, i);
            }
        }
        return c0;
    }

    /** A vector of channels at a time, as {@link #channelAffine}: each value's operations are the separate passes'. */
    static void channelEpilogue(
            float[] y,
            int yo,
            int rows,
            int channels,
            float[] bias,
            int biasOffset,
            float[] scale,
            float[] shift,
            boolean relu) {
        FloatVector zero = FloatVector.zero(S);
        int end = yo + rows * channels;
        int c0 = 0;
        // One loop per case: a vector chosen by a branch inside the loop would make the JIT of JDK 17 box it.
        for (; c0 + L <= channels; c0 += L) {
            FloatVector b = FloatVector.fromArray(S, bias, biasOffset + c0);
            if (scale == null && !relu) {
                for (int i = yo + c0; i < end; i += channels) {
                    FloatVector.fromArray(S, y, i).add(b).intoArray(y, i);
                }
            } else if (scale == null) {
                for (int i = yo + c0; i < end; i += channels) {
                    FloatVector.fromArray(S, y, i).add(b).max(zero).intoArray(y, i);
                }
            } else {
                FloatVector s = FloatVector.fromArray(S, scale, c0);
                FloatVector t = FloatVector.fromArray(S, shift, c0);
                if (relu) {
                    for (int i = yo + c0; i < end; i += channels) {
                        FloatVector.fromArray(S, y, i)
                                .add(b)
                                .mul(s)
                                .add(t)
                                .max(zero)
                                .intoArray(y, i);
                    }
                } else {
                    for (int i = yo + c0; i < end; i += channels) {
                        FloatVector.fromArray(S, y, i).add(b).mul(s).add(t).intoArray(y, i);
                    }
                }
            }
        }
        if (c0 < channels) {
            epilogueTail(y, yo, rows, channels, c0, bias, biasOffset, scale, shift, relu);
        }
    }

    /** {@link #channelEpilogue}'s channels {@code c0 …} past the last whole vector, a value at a time. */
    private static void epilogueTail(
            float[] y,
            int yo,
            int rows,
            int channels,
            int c0,
            float[] bias,
            int biasOffset,
            float[] scale,
            float[] shift,
            boolean relu) {
        for (int r = 0; r < rows; r++) {
            for (int c = c0, i = yo + r * channels + c0; c < channels; c++, i++) {
                float v = y[i] + bias[biasOffset + c];
                if (scale != null) {
                    v = v * scale[c] + shift[c];
                }
                y[i] = relu ? Math.max(v, 0f) : v;
            }
        }
    }

    static void channelGradientSums(
            float[] x,
            float[] dy,
            int rows,
            int channels,
            int from,
            int to,
            float[] mean,
            float[] invStd,
            double[] sumDy,
            double[] sumDyXhat) {
        float[] lanes = new float[L];
        int c0 = from;
        for (; c0 + L <= to; c0 += L) {
            FloatVector mu = FloatVector.fromArray(S, mean, c0);
            FloatVector inv = FloatVector.fromArray(S, invStd, c0);
            for (int r0 = 0; r0 < rows; r0 += FLOAT_RUN) {
                int r1 = Math.min(rows, r0 + FLOAT_RUN);
                FloatVector sd = FloatVector.zero(S);
                FloatVector sx = FloatVector.zero(S);
                for (int r = r0; r < r1; r++) {
                    int i = r * channels + c0;
                    FloatVector g = FloatVector.fromArray(S, dy, i);
                    FloatVector xhat = FloatVector.fromArray(S, x, i).sub(mu).mul(inv);
                    sd = sd.add(g);
                    sx = g.fma(xhat, sx);
                }
                flush(sd, lanes, sumDy, c0);
                flush(sx, lanes, sumDyXhat, c0);
            }
        }
        gradientSumsTail(x, dy, null, rows, channels, c0, to, mean, invStd, sumDy, sumDyXhat);
    }

    static void channelAffine2(
            float[] dy,
            float[] x,
            float[] dx,
            int rows,
            int channels,
            int from,
            int to,
            float[] a,
            float[] b,
            float[] d) {
        int c0 = from;
        for (; c0 + L <= to; c0 += L) {
            FloatVector av = FloatVector.fromArray(S, a, c0);
            FloatVector bv = FloatVector.fromArray(S, b, c0);
            FloatVector dv = FloatVector.fromArray(S, d, c0);
            for (int r = 0, i = c0; r < rows; r++, i += channels) {
                FloatVector.fromArray(S, x, i)
                        .fma(bv, FloatVector.fromArray(S, dy, i).fma(av, dv))
                        .intoArray(dx, i);
            }
        }
        affine2Tail(dy, null, x, dx, rows, channels, c0, to, a, b, d);
    }

    /**
     * As {@link #channelGradientSums} over {@link VectorSweeps#reluBackward}'s values: the same operations per
     * value.
     */
    static void channelGradientSumsGated(
            float[] x,
            float[] dy,
            float[] gate,
            int rows,
            int channels,
            int from,
            int to,
            float[] mean,
            float[] invStd,
            double[] sumDy,
            double[] sumDyXhat) {
        float[] lanes = new float[L];
        FloatVector zero = FloatVector.zero(S);
        int c0 = from;
        for (; c0 + L <= to; c0 += L) {
            FloatVector mu = FloatVector.fromArray(S, mean, c0);
            FloatVector inv = FloatVector.fromArray(S, invStd, c0);
            for (int r0 = 0; r0 < rows; r0 += FLOAT_RUN) {
                int r1 = Math.min(rows, r0 + FLOAT_RUN);
                FloatVector sd = FloatVector.zero(S);
                FloatVector sx = FloatVector.zero(S);
                for (int r = r0; r < r1; r++) {
                    int i = r * channels + c0;
                    VectorMask<Float> open = FloatVector.fromArray(S, gate, i).compare(VectorOperators.GT, 0f);
                    FloatVector g = zero.blend(FloatVector.fromArray(S, dy, i), open);
                    FloatVector xhat = FloatVector.fromArray(S, x, i).sub(mu).mul(inv);
                    sd = sd.add(g);
                    sx = g.fma(xhat, sx);
                }
                flush(sd, lanes, sumDy, c0);
                flush(sx, lanes, sumDyXhat, c0);
            }
        }
        gradientSumsTail(x, dy, gate, rows, channels, c0, to, mean, invStd, sumDy, sumDyXhat);
    }

    /** As {@link #channelAffine2} over {@link VectorSweeps#reluBackward}'s values: the same operations per value. */
    static void channelAffine2Gated(
            float[] dy,
            float[] gate,
            float[] x,
            float[] dx,
            int rows,
            int channels,
            int from,
            int to,
            float[] a,
            float[] b,
            float[] d) {
        int c0 = channelAffine2GatedSkip(dy, gate, x, dx, null, rows, channels, from, to, a, b, d);
        affine2Tail(dy, gate, x, dx, rows, channels, c0, to, a, b, d);
    }

    /**
     * {@link #channelAffine2Gated}'s sweep over whole vectors of channels, writing the gated gradient into
     * {@code skipDx} too where it is not null (the same loop for both: the test is the same each row, so the compiler
     * takes it out of the loop); the caller does the channels past the last whole vector.
     *
     * @return the first channel left (at most {@code to})
     */
    static int channelAffine2GatedSkip(
            float[] dy,
            float[] gate,
            float[] x,
            float[] dx,
            float[] skipDx,
            int rows,
            int channels,
            int from,
            int to,
            float[] a,
            float[] b,
            float[] d) {
        FloatVector zero = FloatVector.zero(S);
        int c0 = from;
        for (; c0 + L <= to; c0 += L) {
            FloatVector av = FloatVector.fromArray(S, a, c0);
            FloatVector bv = FloatVector.fromArray(S, b, c0);
            FloatVector dv = FloatVector.fromArray(S, d, c0);
            for (int r = 0, i = c0; r < rows; r++, i += channels) {
                // Lanes the gate leaves out take +0: the ReLU's gradient where its output is not positive.
                VectorMask<Float> open = FloatVector.fromArray(S, gate, i).compare(VectorOperators.GT, 0f);
                FloatVector g = zero.blend(FloatVector.fromArray(S, dy, i), open);
                if (skipDx != null) {
                    g.intoArray(skipDx, i);
                }
                FloatVector.fromArray(S, x, i).fma(bv, g.fma(av, dv)).intoArray(dx, i);
            }
        }
        return c0;
    }

    /**
     * The gradient sums of channels {@code c0 … to − 1}, a channel at a time within each run of rows: a lane's
     * operations (float runs, a fused multiply-add for Σ dy·x̂). With a gate, dy counts where the gate is positive.
     */
    private static void gradientSumsTail(
            float[] x,
            float[] dy,
            float[] gate,
            int rows,
            int channels,
            int c0,
            int to,
            float[] mean,
            float[] invStd,
            double[] sumDy,
            double[] sumDyXhat) {
        for (int r0 = 0; r0 < rows; r0 += FLOAT_RUN) {
            int r1 = Math.min(rows, r0 + FLOAT_RUN);
            for (int c = c0; c < to; c++) {
                float mu = mean[c];
                float inv = invStd[c];
                float sd = 0f;
                float sx = 0f;
                for (int r = r0; r < r1; r++) {
                    int i = r * channels + c;
                    float g = gate == null || gate[i] > 0f ? dy[i] : 0f;
                    float xhat = (x[i] - mu) * inv;
                    sd += g;
                    sx = Math.fma(g, xhat, sx);
                }
                sumDy[c] += sd;
                sumDyXhat[c] += sx;
            }
        }
    }

    /** {@code dx = x·b + (dy·a + d)} of channels {@code c0 … to − 1} as a lane computes it; gated with a gate. */
    private static void affine2Tail(
            float[] dy,
            float[] gate,
            float[] x,
            float[] dx,
            int rows,
            int channels,
            int c0,
            int to,
            float[] a,
            float[] b,
            float[] d) {
        for (int r = 0; r < rows; r++) {
            for (int c = c0, i = r * channels + c0; c < to; c++, i++) {
                float g = gate == null || gate[i] > 0f ? dy[i] : 0f;
                dx[i] = Math.fma(x[i], b[c], Math.fma(g, a[c], d[c]));
            }
        }
    }

    /** Adds a float accumulator's lanes into the double sums of channels {@code c0 … c0 + L − 1}. */
    static void flush(FloatVector acc, float[] lanes, double[] sums, int c0) {
        acc.intoArray(lanes, 0);
        for (int l = 0; l < L; l++) {
            sums[c0 + l] += lanes[l];
        }
    }
}
