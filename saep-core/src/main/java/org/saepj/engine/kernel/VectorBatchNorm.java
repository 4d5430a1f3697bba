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
 * <p>Apart from {@link VectorSweeps} because they share the float-run accumulation and masked channel tails that
 * only the normalisation needs.
 */
final class VectorBatchNorm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorBatchNorm() {}

    /** Rows summed in float before each addition into the double sums: short runs lose no more than float's eps. */
    private static final int FLOAT_RUN = 32;

    static void channelSums(float[] x, int rows, int channels, int from, int to, double[] sum) {
        float[] lanes = new float[L];
        for (int c0 = from; c0 < to; c0 += L) {
            VectorMask<Float> m = S.indexInRange(c0, to);
            for (int r0 = 0; r0 < rows; r0 += FLOAT_RUN) {
                int r1 = Math.min(rows, r0 + FLOAT_RUN);
                FloatVector acc = FloatVector.zero(S);
                for (int r = r0; r < r1; r++) {
                    acc = acc.add(FloatVector.fromArray(S, x, r * channels + c0, m));
                }
                flush(acc, lanes, sum, c0, to);
            }
        }
    }

    static void channelSquaredDeviations(
            float[] x, int rows, int channels, int from, int to, float[] mean, double[] sum2) {
        float[] lanes = new float[L];
        for (int c0 = from; c0 < to; c0 += L) {
            VectorMask<Float> m = S.indexInRange(c0, to);
            FloatVector mu = FloatVector.fromArray(S, mean, c0, m);
            for (int r0 = 0; r0 < rows; r0 += FLOAT_RUN) {
                int r1 = Math.min(rows, r0 + FLOAT_RUN);
                FloatVector acc = FloatVector.zero(S);
                for (int r = r0; r < r1; r++) {
                    FloatVector d =
                            FloatVector.fromArray(S, x, r * channels + c0, m).sub(mu);
                    acc = d.fma(d, acc);
                }
                flush(acc, lanes, sum2, c0, to);
            }
        }
    }

    static void channelAffine(
            float[] x, float[] y, int rows, int channels, int from, int to, float[] scale, float[] shift) {
        for (int c0 = from; c0 < to; c0 += L) {
            VectorMask<Float> m = S.indexInRange(c0, to);
            FloatVector s = FloatVector.fromArray(S, scale, c0, m);
            FloatVector t = FloatVector.fromArray(S, shift, c0, m);
            for (int r = 0, i = c0; r < rows; r++, i += channels) {
                FloatVector.fromArray(S, x, i, m).mul(s).add(t).intoArray(y, i, m);
            }
        }
    }

    /**
     * A vector of channels at a time, as {@link #channelAffine} then {@link VectorSweeps#relu}: the same operations per
     * value.
     */
    static void channelAffineRelu(
            float[] x, float[] y, int rows, int channels, int from, int to, float[] scale, float[] shift) {
        FloatVector zero = FloatVector.zero(S);
        for (int c0 = from; c0 < to; c0 += L) {
            VectorMask<Float> m = S.indexInRange(c0, to);
            FloatVector s = FloatVector.fromArray(S, scale, c0, m);
            FloatVector t = FloatVector.fromArray(S, shift, c0, m);
            for (int r = 0, i = c0; r < rows; r++, i += channels) {
                FloatVector.fromArray(S, x, i, m).mul(s).add(t).max(zero).intoArray(y, i, m);
            }
        }
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
        if (scale == null && !relu && channels % L == 0) {
            // The bias alone over whole vectors (a convolution's forward pass, a chunk at a time): unmasked loads and
            // stores, which the JIT of JDK 17 compiles far better than masked ones.
            for (int c0 = 0; c0 < channels; c0 += L) {
                FloatVector b = FloatVector.fromArray(S, bias, biasOffset + c0);
                for (int i = yo + c0; i < end; i += channels) {
                    FloatVector.fromArray(S, y, i).add(b).intoArray(y, i);
                }
            }
            return;
        }
        // One loop per case: a vector chosen by a branch inside the loop would make the JIT of JDK 17 box it.
        for (int c0 = 0; c0 < channels; c0 += L) {
            VectorMask<Float> m = S.indexInRange(c0, channels);
            FloatVector b = FloatVector.fromArray(S, bias, biasOffset + c0, m);
            if (scale == null && !relu) {
                for (int i = yo + c0; i < end; i += channels) {
                    FloatVector.fromArray(S, y, i, m).add(b).intoArray(y, i, m);
                }
            } else if (scale == null) {
                for (int i = yo + c0; i < end; i += channels) {
                    FloatVector.fromArray(S, y, i, m).add(b).max(zero).intoArray(y, i, m);
                }
            } else {
                FloatVector s = FloatVector.fromArray(S, scale, c0, m);
                FloatVector t = FloatVector.fromArray(S, shift, c0, m);
                if (relu) {
                    for (int i = yo + c0; i < end; i += channels) {
                        FloatVector.fromArray(S, y, i, m)
                                .add(b)
                                .mul(s)
                                .add(t)
                                .max(zero)
                                .intoArray(y, i, m);
                    }
                } else {
                    for (int i = yo + c0; i < end; i += channels) {
                        FloatVector.fromArray(S, y, i, m).add(b).mul(s).add(t).intoArray(y, i, m);
                    }
                }
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
        for (int c0 = from; c0 < to; c0 += L) {
            VectorMask<Float> m = S.indexInRange(c0, to);
            FloatVector mu = FloatVector.fromArray(S, mean, c0, m);
            FloatVector inv = FloatVector.fromArray(S, invStd, c0, m);
            for (int r0 = 0; r0 < rows; r0 += FLOAT_RUN) {
                int r1 = Math.min(rows, r0 + FLOAT_RUN);
                FloatVector sd = FloatVector.zero(S);
                FloatVector sx = FloatVector.zero(S);
                for (int r = r0; r < r1; r++) {
                    int i = r * channels + c0;
                    FloatVector g = FloatVector.fromArray(S, dy, i, m);
                    FloatVector xhat = FloatVector.fromArray(S, x, i, m).sub(mu).mul(inv);
                    sd = sd.add(g);
                    sx = g.fma(xhat, sx);
                }
                flush(sd, lanes, sumDy, c0, to);
                flush(sx, lanes, sumDyXhat, c0, to);
            }
        }
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
        for (int c0 = from; c0 < to; c0 += L) {
            VectorMask<Float> m = S.indexInRange(c0, to);
            FloatVector av = FloatVector.fromArray(S, a, c0, m);
            FloatVector bv = FloatVector.fromArray(S, b, c0, m);
            FloatVector dv = FloatVector.fromArray(S, d, c0, m);
            for (int r = 0, i = c0; r < rows; r++, i += channels) {
                FloatVector.fromArray(S, x, i, m)
                        .fma(bv, FloatVector.fromArray(S, dy, i, m).fma(av, dv))
                        .intoArray(dx, i, m);
            }
        }
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
        for (int c0 = from; c0 < to; c0 += L) {
            VectorMask<Float> m = S.indexInRange(c0, to);
            FloatVector mu = FloatVector.fromArray(S, mean, c0, m);
            FloatVector inv = FloatVector.fromArray(S, invStd, c0, m);
            for (int r0 = 0; r0 < rows; r0 += FLOAT_RUN) {
                int r1 = Math.min(rows, r0 + FLOAT_RUN);
                FloatVector sd = FloatVector.zero(S);
                FloatVector sx = FloatVector.zero(S);
                for (int r = r0; r < r1; r++) {
                    int i = r * channels + c0;
                    VectorMask<Float> open =
                            FloatVector.fromArray(S, gate, i, m).compare(VectorOperators.GT, 0f);
                    FloatVector g = FloatVector.fromArray(S, dy, i, open);
                    FloatVector xhat = FloatVector.fromArray(S, x, i, m).sub(mu).mul(inv);
                    sd = sd.add(g);
                    sx = g.fma(xhat, sx);
                }
                flush(sd, lanes, sumDy, c0, to);
                flush(sx, lanes, sumDyXhat, c0, to);
            }
        }
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
        for (int c0 = from; c0 < to; c0 += L) {
            VectorMask<Float> m = S.indexInRange(c0, to);
            FloatVector av = FloatVector.fromArray(S, a, c0, m);
            FloatVector bv = FloatVector.fromArray(S, b, c0, m);
            FloatVector dv = FloatVector.fromArray(S, d, c0, m);
            for (int r = 0, i = c0; r < rows; r++, i += channels) {
                // Lanes the mask leaves out load as +0: the ReLU's gradient where its output is not positive.
                VectorMask<Float> open = FloatVector.fromArray(S, gate, i, m).compare(VectorOperators.GT, 0f);
                FloatVector g = FloatVector.fromArray(S, dy, i, open);
                FloatVector.fromArray(S, x, i, m).fma(bv, g.fma(av, dv)).intoArray(dx, i, m);
            }
        }
    }

    /** Adds a float accumulator's lanes into the double sums of channels {@code c0 …} before {@code to}. */
    private static void flush(FloatVector acc, float[] lanes, double[] sums, int c0, int to) {
        acc.intoArray(lanes, 0);
        for (int l = 0, end = Math.min(L, to - c0); l < end; l++) {
            sums[c0 + l] += lanes[l];
        }
    }
}
