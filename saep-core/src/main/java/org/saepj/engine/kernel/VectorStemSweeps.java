package org.saepj.engine.kernel;

import static org.saepj.engine.kernel.StemShape.LANES;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector forms of {@link StemSweeps}, with their bits: the pooled outputs and gradient sums a vector of filters at
 * a time (each lane a filter, with the scalar form's operations in its order; the filters past the last whole vector
 * through the scalar form), the moments' {@link StemShape#LANES} runs as {@code 16 / L} vectors of a row's columns.
 * Where the vector is wider than 16 lanes, or 16 is not a whole number of them, the scalar forms run.
 */
final class VectorStemSweeps {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Whether the runs of 16 are whole vectors (the moments) and a vector's lanes fit the runs' floats. */
    private static final boolean FITS = L <= LANES && LANES % L == 0;

    private VectorStemSweeps() {}

    static void moments(
            StemShape shape, float[] x, int b0, int b1, float[] center, double[] gram, double[] sums, float[] work) {
        if (!FITS) {
            StemSweeps.moments(shape, x, b0, b1, center, gram, sums, work);
            return;
        }
        int h = shape.h();
        int w = shape.w();
        int taps = shape.taps();
        int pw = shape.paddedWidth();
        int end = pw / LANES * LANES; // the columns in whole runs of 16
        int rows = h * (pw / LANES); // runs of 16 columns, a row's after another's
        int runs = shape.runsAt();
        int inside = runs + 4 * LANES; // 1 for the columns of output positions, 0 past them
        for (int col = 0; col < pw; col++) {
            work[inside + col] = col < w ? 1f : 0f;
        }
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int b = b0; b < b1; b++) {
            StemSweeps.padCentered(shape, x, b, center, work);
            for (int t = 0; t < taps; t++) {
                int ot = shape.tapOffset(t);
                for (int v = 0; v < LANES; v += L) {
                    FloatVector acc = FloatVector.zero(S);
                    for (int n = 0, at = v, col = v; n < rows; n++) {
                        FloatVector a = FloatVector.fromArray(S, work, ot + at)
                                .mul(FloatVector.fromArray(S, work, inside + col));
                        acc = a.fma(one, acc);
                        at += LANES;
                        col += LANES;
                        if (col >= end) { // past the row's last run: the next row's first
                            at += pw - col + v;
                            col = v;
                        }
                    }
                    acc.intoArray(work, runs + v);
                }
                sums[t] += StemSweeps.runSum(work, runs);
                int u = t;
                // Four products at a time: four chains of fused multiply-adds side by side, each in its order.
                for (; u + 4 <= taps; u += 4) {
                    int o0 = shape.tapOffset(u);
                    int o1 = shape.tapOffset(u + 1);
                    int o2 = shape.tapOffset(u + 2);
                    int o3 = shape.tapOffset(u + 3);
                    for (int v = 0; v < LANES; v += L) {
                        FloatVector acc0 = FloatVector.zero(S);
                        FloatVector acc1 = acc0;
                        FloatVector acc2 = acc0;
                        FloatVector acc3 = acc0;
                        for (int n = 0, at = v, col = v; n < rows; n++) {
                            FloatVector a = FloatVector.fromArray(S, work, ot + at)
                                    .mul(FloatVector.fromArray(S, work, inside + col));
                            acc0 = a.fma(FloatVector.fromArray(S, work, o0 + at), acc0);
                            acc1 = a.fma(FloatVector.fromArray(S, work, o1 + at), acc1);
                            acc2 = a.fma(FloatVector.fromArray(S, work, o2 + at), acc2);
                            acc3 = a.fma(FloatVector.fromArray(S, work, o3 + at), acc3);
                            at += LANES;
                            col += LANES;
                            if (col >= end) {
                                at += pw - col + v;
                                col = v;
                            }
                        }
                        acc0.intoArray(work, runs + v);
                        acc1.intoArray(work, runs + LANES + v);
                        acc2.intoArray(work, runs + 2 * LANES + v);
                        acc3.intoArray(work, runs + 3 * LANES + v);
                    }
                    for (int q = 0; q < 4; q++) {
                        gram[t * taps + u + q] += StemSweeps.runSum(work, runs + q * LANES);
                    }
                }
                for (; u < taps; u++) {
                    int ou = shape.tapOffset(u);
                    for (int v = 0; v < LANES; v += L) {
                        FloatVector acc = FloatVector.zero(S);
                        for (int n = 0, at = v, col = v; n < rows; n++) {
                            FloatVector a = FloatVector.fromArray(S, work, ot + at)
                                    .mul(FloatVector.fromArray(S, work, inside + col));
                            acc = a.fma(FloatVector.fromArray(S, work, ou + at), acc);
                            at += LANES;
                            col += LANES;
                            if (col >= end) {
                                at += pw - col + v;
                                col = v;
                            }
                        }
                        acc.intoArray(work, runs + v);
                    }
                    gram[t * taps + u] += StemSweeps.runSum(work, runs);
                }
            }
        }
    }

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
        int cout = shape.cout();
        int pw = shape.paddedWidth();
        int oh = shape.h() / 2;
        int ow = shape.w() / 2;
        int whole = from + (to - from) / L * L;
        int xs = shape.runsAt(); // a window's four outputs
        FloatVector zero = FloatVector.zero(S);
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector two = FloatVector.broadcast(S, 2f);
        FloatVector three = FloatVector.broadcast(S, 3f);
        for (int b = b0; b < b1; b++) {
            StemSweeps.pad(shape, x, b, work);
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int o = ((b * oh + i) * ow + j) * cout;
                    int at = 2 * i * pw + 2 * j;
                    for (int c0 = from; c0 < whole; c0 += L) {
                        outputs(shape, work, at, weights, w0, bias, bo, c0, xs);
                        FloatVector x0 = FloatVector.fromArray(S, work, xs);
                        FloatVector x1 = FloatVector.fromArray(S, work, xs + L);
                        FloatVector x2 = FloatVector.fromArray(S, work, xs + 2 * L);
                        FloatVector x3 = FloatVector.fromArray(S, work, xs + 3 * L);
                        FloatVector s = FloatVector.fromArray(S, scale, c0);
                        FloatVector sh = FloatVector.fromArray(S, shift, c0);
                        FloatVector r0 = x0.mul(s).add(sh).max(zero);
                        FloatVector r1 = x1.mul(s).add(sh).max(zero);
                        FloatVector r2 = x2.mul(s).add(sh).max(zero);
                        FloatVector r3 = x3.mul(s).add(sh).max(zero);
                        FloatVector max = r0.max(r1).max(r2.max(r3));
                        // The first position holding the maximum, as the scalar form's chain of comparisons.
                        VectorMask<Float> e0 = r0.compare(VectorOperators.EQ, max);
                        VectorMask<Float> e1 =
                                r1.compare(VectorOperators.EQ, max).andNot(e0);
                        VectorMask<Float> e2 =
                                r2.compare(VectorOperators.EQ, max).andNot(e0).andNot(e1);
                        max.intoArray(y, o + c0);
                        three.blend(two, e2).blend(one, e1).blend(zero, e0).intoArray(chosen, o + c0);
                        x3.blend(x2, e2).blend(x1, e1).blend(x0, e0).intoArray(chosenX, o + c0);
                    }
                }
            }
            if (whole < to) {
                StemSweeps.forwardPooled(
                        shape, x, y, b, b + 1, whole, to, weights, w0, bias, bo, scale, shift, chosen, chosenX, work);
            }
        }
    }

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
        if (!FITS) {
            StemSweeps.gradientSums(
                    shape, x, y, dy, chosen, chosenX, b0, b1, from, to, mean, sumDy, sumDyXc, tapSums, work);
            return;
        }
        int taps = shape.taps();
        int cout = shape.cout();
        int pw = shape.paddedWidth();
        int oh = shape.h() / 2;
        int ow = shape.w() / 2;
        int routed = shape.routedAt(); // each window's four gradients, a vector of filters each
        int runs = shape.runsAt();
        int whole = from + (to - from) / L * L;
        FloatVector zero = FloatVector.zero(S);
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector two = FloatVector.broadcast(S, 2f);
        FloatVector three = FloatVector.broadcast(S, 3f);
        for (int b = b0; b < b1; b++) {
            StemSweeps.pad(shape, x, b, work);
            for (int c0 = from; c0 < whole; c0 += L) {
                FloatVector mu = FloatVector.fromArray(S, mean, c0);
                FloatVector sdy = zero;
                FloatVector sdx = zero;
                // One loop over the windows (a nest of rows and columns makes JDK 17's C2 box the sums).
                for (int win = 0, o = b * oh * ow * cout + c0, r = routed;
                        win < oh * ow;
                        win++, o += cout, r += 4 * L) {
                    FloatVector dz = FloatVector.fromArray(S, dy, o);
                    FloatVector g =
                            zero.blend(dz, FloatVector.fromArray(S, y, o).compare(VectorOperators.GT, zero));
                    FloatVector q = FloatVector.fromArray(S, chosen, o);
                    sdy = sdy.add(g);
                    sdx = g.fma(FloatVector.fromArray(S, chosenX, o).sub(mu), sdx);
                    zero.blend(g, q.compare(VectorOperators.EQ, zero)).intoArray(work, r);
                    zero.blend(g, q.compare(VectorOperators.EQ, one)).intoArray(work, r + L);
                    zero.blend(g, q.compare(VectorOperators.EQ, two)).intoArray(work, r + 2 * L);
                    zero.blend(g, q.compare(VectorOperators.EQ, three)).intoArray(work, r + 3 * L);
                }
                sdy.intoArray(work, runs);
                flush(work, runs, sumDy, c0);
                sdx.intoArray(work, runs);
                flush(work, runs, sumDyXc, c0);
                int t = 0;
                // Two taps at a time, each as four runs (a window position each): eight chains side by side.
                for (; t + 2 <= taps; t += 2) {
                    int o0 = shape.tapOffset(t);
                    int o1 = shape.tapOffset(t + 1);
                    FloatVector a0 = zero;
                    FloatVector a1 = zero;
                    FloatVector a2 = zero;
                    FloatVector a3 = zero;
                    FloatVector c0a = zero;
                    FloatVector c1a = zero;
                    FloatVector c2a = zero;
                    FloatVector c3a = zero;
                    for (int win = 0, p = 0, j = 0; win < oh * ow; win++) {
                        int r = routed + win * 4 * L;
                        FloatVector g0 = FloatVector.fromArray(S, work, r);
                        FloatVector g1 = FloatVector.fromArray(S, work, r + L);
                        FloatVector g2 = FloatVector.fromArray(S, work, r + 2 * L);
                        FloatVector g3 = FloatVector.fromArray(S, work, r + 3 * L);
                        a0 = g0.fma(FloatVector.broadcast(S, work[o0 + p]), a0);
                        a1 = g1.fma(FloatVector.broadcast(S, work[o0 + p + 1]), a1);
                        a2 = g2.fma(FloatVector.broadcast(S, work[o0 + p + pw]), a2);
                        a3 = g3.fma(FloatVector.broadcast(S, work[o0 + p + pw + 1]), a3);
                        c0a = g0.fma(FloatVector.broadcast(S, work[o1 + p]), c0a);
                        c1a = g1.fma(FloatVector.broadcast(S, work[o1 + p + 1]), c1a);
                        c2a = g2.fma(FloatVector.broadcast(S, work[o1 + p + pw]), c2a);
                        c3a = g3.fma(FloatVector.broadcast(S, work[o1 + p + pw + 1]), c3a);
                        p += 2;
                        if (++j == ow) { // the next row of windows: two rows of the planes down
                            j = 0;
                            p += 2 * pw - 2 * ow;
                        }
                    }
                    a0.add(a1).add(a2.add(a3)).intoArray(work, runs);
                    flush(work, runs, tapSums, t * cout + c0);
                    c0a.add(c1a).add(c2a.add(c3a)).intoArray(work, runs);
                    flush(work, runs, tapSums, (t + 1) * cout + c0);
                }
                for (; t < taps; t++) {
                    int ot = shape.tapOffset(t);
                    FloatVector a0 = zero;
                    FloatVector a1 = zero;
                    FloatVector a2 = zero;
                    FloatVector a3 = zero;
                    for (int win = 0, p = ot, j = 0; win < oh * ow; win++) {
                        int r = routed + win * 4 * L;
                        a0 = FloatVector.fromArray(S, work, r).fma(FloatVector.broadcast(S, work[p]), a0);
                        a1 = FloatVector.fromArray(S, work, r + L).fma(FloatVector.broadcast(S, work[p + 1]), a1);
                        a2 = FloatVector.fromArray(S, work, r + 2 * L).fma(FloatVector.broadcast(S, work[p + pw]), a2);
                        a3 = FloatVector.fromArray(S, work, r + 3 * L)
                                .fma(FloatVector.broadcast(S, work[p + pw + 1]), a3);
                        p += 2;
                        if (++j == ow) {
                            j = 0;
                            p += 2 * pw - 2 * ow;
                        }
                    }
                    a0.add(a1).add(a2.add(a3)).intoArray(work, runs);
                    flush(work, runs, tapSums, t * cout + c0);
                }
            }
            if (whole < to) {
                StemSweeps.gradientSums(
                        shape, x, y, dy, chosen, chosenX, b, b + 1, whole, to, mean, sumDy, sumDyXc, tapSums, work);
            }
        }
    }

    /**
     * The four convolution outputs of a window ({@code at}: its top-left position in the planes) for filters {@code c0
     * …}, a vector each at {@code work[xs + q·L]}: the bias, then a fused multiply-add per tap in tap order. A 3×3 stem
     * of one channel (a grey image's) reads its 4 × 4 neighbourhood once and keeps its nine weight vectors and sixteen
     * values in registers; any other the taps one by one. Written to the workspace, not returned: a method returning
     * or taking vectors makes JDK 17 box them.
     */
    private static void outputs(
            StemShape shape, float[] work, int at, float[] weights, int w0, float[] bias, int bo, int c0, int xs) {
        int cout = shape.cout();
        int pw = shape.paddedWidth();
        FloatVector base = FloatVector.fromArray(S, bias, bo + c0);
        if (shape.k() == 3 && shape.cin() == 1) {
            int w = w0 + c0;
            FloatVector k0 = FloatVector.fromArray(S, weights, w);
            FloatVector k1 = FloatVector.fromArray(S, weights, w + cout);
            FloatVector k2 = FloatVector.fromArray(S, weights, w + 2 * cout);
            FloatVector k3 = FloatVector.fromArray(S, weights, w + 3 * cout);
            FloatVector k4 = FloatVector.fromArray(S, weights, w + 4 * cout);
            FloatVector k5 = FloatVector.fromArray(S, weights, w + 5 * cout);
            FloatVector k6 = FloatVector.fromArray(S, weights, w + 6 * cout);
            FloatVector k7 = FloatVector.fromArray(S, weights, w + 7 * cout);
            FloatVector k8 = FloatVector.fromArray(S, weights, w + 8 * cout);
            int r0 = at;
            int r1 = at + pw;
            int r2 = at + 2 * pw;
            int r3 = at + 3 * pw;
            FloatVector v00 = FloatVector.broadcast(S, work[r0]);
            FloatVector v01 = FloatVector.broadcast(S, work[r0 + 1]);
            FloatVector v02 = FloatVector.broadcast(S, work[r0 + 2]);
            FloatVector v03 = FloatVector.broadcast(S, work[r0 + 3]);
            FloatVector v10 = FloatVector.broadcast(S, work[r1]);
            FloatVector v11 = FloatVector.broadcast(S, work[r1 + 1]);
            FloatVector v12 = FloatVector.broadcast(S, work[r1 + 2]);
            FloatVector v13 = FloatVector.broadcast(S, work[r1 + 3]);
            FloatVector v20 = FloatVector.broadcast(S, work[r2]);
            FloatVector v21 = FloatVector.broadcast(S, work[r2 + 1]);
            FloatVector v22 = FloatVector.broadcast(S, work[r2 + 2]);
            FloatVector v23 = FloatVector.broadcast(S, work[r2 + 3]);
            FloatVector v30 = FloatVector.broadcast(S, work[r3]);
            FloatVector v31 = FloatVector.broadcast(S, work[r3 + 1]);
            FloatVector v32 = FloatVector.broadcast(S, work[r3 + 2]);
            FloatVector v33 = FloatVector.broadcast(S, work[r3 + 3]);
            // Position (dy, dx) of the window reads value (ky + dy, kx + dx) at tap ky·3 + kx.
            FloatVector x0 = v00.fma(k0, base);
            x0 = v01.fma(k1, x0);
            x0 = v02.fma(k2, x0);
            x0 = v10.fma(k3, x0);
            x0 = v11.fma(k4, x0);
            x0 = v12.fma(k5, x0);
            x0 = v20.fma(k6, x0);
            x0 = v21.fma(k7, x0);
            x0 = v22.fma(k8, x0);
            FloatVector x1 = v01.fma(k0, base);
            x1 = v02.fma(k1, x1);
            x1 = v03.fma(k2, x1);
            x1 = v11.fma(k3, x1);
            x1 = v12.fma(k4, x1);
            x1 = v13.fma(k5, x1);
            x1 = v21.fma(k6, x1);
            x1 = v22.fma(k7, x1);
            x1 = v23.fma(k8, x1);
            FloatVector x2 = v10.fma(k0, base);
            x2 = v11.fma(k1, x2);
            x2 = v12.fma(k2, x2);
            x2 = v20.fma(k3, x2);
            x2 = v21.fma(k4, x2);
            x2 = v22.fma(k5, x2);
            x2 = v30.fma(k6, x2);
            x2 = v31.fma(k7, x2);
            x2 = v32.fma(k8, x2);
            FloatVector x3 = v11.fma(k0, base);
            x3 = v12.fma(k1, x3);
            x3 = v13.fma(k2, x3);
            x3 = v21.fma(k3, x3);
            x3 = v22.fma(k4, x3);
            x3 = v23.fma(k5, x3);
            x3 = v31.fma(k6, x3);
            x3 = v32.fma(k7, x3);
            x3 = v33.fma(k8, x3);
            x0.intoArray(work, xs);
            x1.intoArray(work, xs + L);
            x2.intoArray(work, xs + 2 * L);
            x3.intoArray(work, xs + 3 * L);
            return;
        }
        FloatVector x0 = base;
        FloatVector x1 = base;
        FloatVector x2 = base;
        FloatVector x3 = base;
        for (int t = 0; t < shape.taps(); t++) {
            FloatVector wt = FloatVector.fromArray(S, weights, w0 + t * cout + c0);
            int p = at + shape.tapOffset(t);
            x0 = FloatVector.broadcast(S, work[p]).fma(wt, x0);
            x1 = FloatVector.broadcast(S, work[p + 1]).fma(wt, x1);
            x2 = FloatVector.broadcast(S, work[p + pw]).fma(wt, x2);
            x3 = FloatVector.broadcast(S, work[p + pw + 1]).fma(wt, x3);
        }
        x0.intoArray(work, xs);
        x1.intoArray(work, xs + L);
        x2.intoArray(work, xs + 2 * L);
        x3.intoArray(work, xs + 3 * L);
    }

    /**
     * Adds the vector's lanes stored at {@code work[runs…]} into {@code sums[at + lane]} in double (stored by the
     * caller: a method taking a vector makes JDK 17 box it).
     */
    private static void flush(float[] work, int runs, double[] sums, int at) {
        for (int l = 0; l < L; l++) {
            sums[at + l] += work[runs + l];
        }
    }
}
