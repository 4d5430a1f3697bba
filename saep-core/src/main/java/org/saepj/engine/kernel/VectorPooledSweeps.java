package org.saepj.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector forms of {@link PooledSweeps}: a batch norm's training sweeps with the ReLU and the 2×2 max pooling after
 * it taken in, a vector of channels at a time, each lane with the operations of the separate vector sweeps ({@link
 * VectorBatchNorm#channelAffineRelu}, {@link VectorSweeps#maxPool2}, {@link VectorSweeps#maxPool2Backward}, the gated
 * sums in float runs and the gated second affine map), so the bits are theirs. The channels past the last whole vector
 * go through the scalar forms with a lane's operations.
 *
 * <p>The backward sweeps visit the rows in order, two at a time (a window's two positions on one image row: the sides
 * are even, so a pair never straddles a run of rows or an image row), and find the pair's gradients without a branch
 * on which row of the window it is: the pool's first-maximum masks of both rows are computed and the bottom row's
 * exclusions switched on by a mask. A branch choosing between vectors inside the loop would make the JIT of JDK 17 box
 * them.
 */
final class VectorPooledSweeps {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows summed in float before each addition into the double sums: the gated sums' runs, for their bits. */
    private static final int FLOAT_RUN = VectorBatchNorm.FLOAT_RUN;

    private VectorPooledSweeps() {}

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
        PooledSweeps.requireEvenSides(h, w);
        int oh = h / 2;
        int ow = w / 2;
        int down = w * channels;
        FloatVector zero = FloatVector.zero(S);
        int c0 = from;
        for (; c0 + L <= to; c0 += L) {
            FloatVector s = FloatVector.fromArray(S, scale, c0);
            FloatVector t = FloatVector.fromArray(S, shift, c0);
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < oh; i++) {
                    int o = (b * oh + i) * ow * channels + c0;
                    int p = (b * h + 2 * i) * w * channels + c0;
                    for (int j = 0; j < ow; j++, o += channels, p += 2 * channels) {
                        FloatVector r00 =
                                FloatVector.fromArray(S, x, p).mul(s).add(t).max(zero);
                        FloatVector r01 = FloatVector.fromArray(S, x, p + channels)
                                .mul(s)
                                .add(t)
                                .max(zero);
                        FloatVector r10 = FloatVector.fromArray(S, x, p + down)
                                .mul(s)
                                .add(t)
                                .max(zero);
                        FloatVector r11 = FloatVector.fromArray(S, x, p + down + channels)
                                .mul(s)
                                .add(t)
                                .max(zero);
                        r00.max(r01).max(r10.max(r11)).intoArray(y, o);
                    }
                }
            }
        }
        if (c0 < to) {
            PooledSweeps.affineReluPool(x, y, batch, h, w, channels, c0, to, scale, shift);
        }
    }

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
        PooledSweeps.requireEvenSides(h, w);
        int pairs = batch * h * w / 2;
        int ow = w / 2;
        int down = w * channels;
        float[] lanes = new float[L];
        FloatVector zero = FloatVector.zero(S);
        int c0 = from;
        for (; c0 + L <= to; c0 += L) {
            FloatVector s = FloatVector.fromArray(S, scale, c0);
            FloatVector t = FloatVector.fromArray(S, shift, c0);
            FloatVector mu = FloatVector.fromArray(S, mean, c0);
            FloatVector inv = FloatVector.fromArray(S, invStd, c0);
            int j = 0; // the pair's first column
            int row = 0; // its image row, counted over the batch
            for (int q0 = 0; q0 < pairs; q0 += FLOAT_RUN / 2) {
                int q1 = Math.min(pairs, q0 + FLOAT_RUN / 2);
                FloatVector sd = zero;
                FloatVector sx = zero;
                for (int q = q0; q < q1; q++) {
                    int p = 2 * q * channels + c0;
                    int bottom = row & 1;
                    int o = ((row >> 1) * ow + (j >> 1)) * channels + c0;
                    int other = bottom == 0 ? p + down : p - down; // the window's other row
                    FloatVector max = FloatVector.fromArray(S, y, o);
                    FloatVector x0 = FloatVector.fromArray(S, x, p);
                    FloatVector x1 = FloatVector.fromArray(S, x, p + channels);
                    FloatVector u0 = x0.mul(s).add(t).max(zero);
                    FloatVector u1 = x1.mul(s).add(t).max(zero);
                    FloatVector v0 =
                            FloatVector.fromArray(S, x, other).mul(s).add(t).max(zero);
                    FloatVector v1 = FloatVector.fromArray(S, x, other + channels)
                            .mul(s)
                            .add(t)
                            .max(zero);
                    // On the bottom row the top row's maxima come first; the last position takes what is left.
                    VectorMask<Float> isBottom =
                            FloatVector.broadcast(S, (float) bottom).compare(VectorOperators.GT, 0f);
                    VectorMask<Float> before = v0.compare(VectorOperators.EQ, max)
                            .or(v1.compare(VectorOperators.EQ, max))
                            .and(isBottom);
                    VectorMask<Float> m0 = u0.compare(VectorOperators.EQ, max).andNot(before);
                    VectorMask<Float> m1 =
                            u1.compare(VectorOperators.EQ, max).or(isBottom).andNot(before.or(m0));
                    FloatVector g = FloatVector.fromArray(S, dy, o);
                    FloatVector g0 = zero.blend(g, m0.and(u0.compare(VectorOperators.GT, 0f)));
                    FloatVector g1 = zero.blend(g, m1.and(u1.compare(VectorOperators.GT, 0f)));
                    sd = sd.add(g0);
                    sx = g0.fma(x0.sub(mu).mul(inv), sx);
                    sd = sd.add(g1);
                    sx = g1.fma(x1.sub(mu).mul(inv), sx);
                    j += 2;
                    if (j == w) {
                        j = 0;
                        row++;
                    }
                }
                VectorBatchNorm.flush(sd, lanes, sumDy, c0);
                VectorBatchNorm.flush(sx, lanes, sumDyXhat, c0);
            }
        }
        PooledSweeps.gradientSumsInRuns(
                x, y, dy, batch, h, w, channels, c0, to, scale, shift, mean, invStd, sumDy, sumDyXhat, FLOAT_RUN);
    }

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
            float[] d) {
        PooledSweeps.requireEvenSides(h, w);
        int oh = h / 2;
        int ow = w / 2;
        int down = w * channels;
        FloatVector zero = FloatVector.zero(S);
        int c0 = from;
        for (; c0 + L <= to; c0 += L) {
            FloatVector s = FloatVector.fromArray(S, scale, c0);
            FloatVector t = FloatVector.fromArray(S, shift, c0);
            FloatVector av = FloatVector.fromArray(S, a, c0);
            FloatVector bv = FloatVector.fromArray(S, b, c0);
            FloatVector dv = FloatVector.fromArray(S, d, c0);
            for (int n = 0; n < batch; n++) {
                for (int i = 0; i < oh; i++) {
                    int o = (n * oh + i) * ow * channels + c0;
                    int p = (n * h + 2 * i) * w * channels + c0;
                    for (int j = 0; j < ow; j++, o += channels, p += 2 * channels) {
                        FloatVector max = FloatVector.fromArray(S, y, o);
                        FloatVector x00 = FloatVector.fromArray(S, x, p);
                        FloatVector x01 = FloatVector.fromArray(S, x, p + channels);
                        FloatVector x10 = FloatVector.fromArray(S, x, p + down);
                        FloatVector x11 = FloatVector.fromArray(S, x, p + down + channels);
                        FloatVector r00 = x00.mul(s).add(t).max(zero);
                        FloatVector r01 = x01.mul(s).add(t).max(zero);
                        FloatVector r10 = x10.mul(s).add(t).max(zero);
                        FloatVector r11 = x11.mul(s).add(t).max(zero);
                        // The first position (row-major) holding the maximum takes the gradient, as the pool's.
                        VectorMask<Float> m00 = r00.compare(VectorOperators.EQ, max);
                        VectorMask<Float> m01 =
                                r01.compare(VectorOperators.EQ, max).andNot(m00);
                        VectorMask<Float> taken = m00.or(m01);
                        VectorMask<Float> m10 =
                                r10.compare(VectorOperators.EQ, max).andNot(taken);
                        VectorMask<Float> m11 = taken.or(m10).not();
                        FloatVector g = FloatVector.fromArray(S, dy, o);
                        FloatVector g00 = zero.blend(g, m00.and(r00.compare(VectorOperators.GT, 0f)));
                        FloatVector g01 = zero.blend(g, m01.and(r01.compare(VectorOperators.GT, 0f)));
                        FloatVector g10 = zero.blend(g, m10.and(r10.compare(VectorOperators.GT, 0f)));
                        FloatVector g11 = zero.blend(g, m11.and(r11.compare(VectorOperators.GT, 0f)));
                        x00.fma(bv, g00.fma(av, dv)).intoArray(dx, p);
                        x01.fma(bv, g01.fma(av, dv)).intoArray(dx, p + channels);
                        x10.fma(bv, g10.fma(av, dv)).intoArray(dx, p + down);
                        x11.fma(bv, g11.fma(av, dv)).intoArray(dx, p + down + channels);
                    }
                }
            }
        }
        if (c0 < to) {
            PooledSweeps.affine2(dy, y, x, dx, batch, h, w, channels, c0, to, scale, shift, a, b, d, true);
        }
    }
}
