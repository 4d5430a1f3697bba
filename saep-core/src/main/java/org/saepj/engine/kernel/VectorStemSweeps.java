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
        int runs = shape.runsAt();
        int inside = runs + 9 * LANES; // per position of the padded rows: 1 below column w, else 0
        int positions = h * pw; // every run of 16 of every padded row, one after another: a stride of 16
        for (int at = 0; at < positions; at++) {
            work[inside + at] = at % pw < w ? 1f : 0f;
        }
        int masked = inside + positions; // each tap's values times inside, for the image: taps × positions
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int b = b0; b < b1; b++) {
            StemSweeps.pad(shape, x, b, center, work);
            for (int t = 0; t < taps; t++) {
                int ot = shape.tapOffset(t);
                int mt = masked + t * positions;
                for (int v = 0; v < LANES; v += L) {
                    FloatVector acc = FloatVector.zero(S);
                    for (int at = v; at < positions; at += LANES) {
                        FloatVector a = FloatVector.fromArray(S, work, ot + at)
                                .mul(FloatVector.fromArray(S, work, inside + at));
                        a.intoArray(work, mt + at);
                        acc = a.fma(one, acc);
                    }
                    acc.intoArray(work, runs + v);
                }
                sums[t] += StemSweeps.runSum(work, runs);
            }
            if (shape.k() == 3 && shape.cin() == 1) {
                for (int ky = 0; ky < 3; ky++) {
                    for (int ly = ky; ly < 3; ly++) {
                        rowPair3x3(work, masked, positions, pw * ly, ky, ly, runs, gram);
                    }
                }
                continue;
            }
            for (int t = 0; t < taps; t++) {
                int mt = masked + t * positions;
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
                        for (int at = v; at < positions; at += LANES) {
                            FloatVector a = FloatVector.fromArray(S, work, mt + at);
                            acc0 = a.fma(FloatVector.fromArray(S, work, o0 + at), acc0);
                            acc1 = a.fma(FloatVector.fromArray(S, work, o1 + at), acc1);
                            acc2 = a.fma(FloatVector.fromArray(S, work, o2 + at), acc2);
                            acc3 = a.fma(FloatVector.fromArray(S, work, o3 + at), acc3);
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
                        for (int at = v; at < positions; at += LANES) {
                            acc = FloatVector.fromArray(S, work, mt + at)
                                    .fma(FloatVector.fromArray(S, work, ou + at), acc);
                        }
                        acc.intoArray(work, runs + v);
                    }
                    gram[t * taps + u] += StemSweeps.runSum(work, runs);
                }
            }
        }
    }

    /**
     * A 3×3 grey stem's products of the taps of kernel row {@code ky} with those of row {@code ly} (ky ≤ ly): the three
     * masked values of one row and the three values of the other read once a position for nine chains side by side,
     * each pair's products in the order the generic loop adds them (so the same bits); the pairs below the diagonal of
     * a row with itself are computed and not used.
     */
    private static void rowPair3x3(
            float[] work, int masked, int positions, int rowAt, int ky, int ly, int runs, double[] gram) {
        int ma = masked + 3 * ky * positions;
        for (int v = 0; v < LANES; v += L) {
            FloatVector c00 = FloatVector.zero(S);
            FloatVector c01 = c00;
            FloatVector c02 = c00;
            FloatVector c10 = c00;
            FloatVector c11 = c00;
            FloatVector c12 = c00;
            FloatVector c20 = c00;
            FloatVector c21 = c00;
            FloatVector c22 = c00;
            for (int at = v; at < positions; at += LANES) {
                FloatVector a0 = FloatVector.fromArray(S, work, ma + at);
                FloatVector a1 = FloatVector.fromArray(S, work, ma + positions + at);
                FloatVector a2 = FloatVector.fromArray(S, work, ma + 2 * positions + at);
                FloatVector p0 = FloatVector.fromArray(S, work, rowAt + at);
                FloatVector p1 = FloatVector.fromArray(S, work, rowAt + 1 + at);
                FloatVector p2 = FloatVector.fromArray(S, work, rowAt + 2 + at);
                c00 = a0.fma(p0, c00);
                c01 = a0.fma(p1, c01);
                c02 = a0.fma(p2, c02);
                c10 = a1.fma(p0, c10);
                c11 = a1.fma(p1, c11);
                c12 = a1.fma(p2, c12);
                c20 = a2.fma(p0, c20);
                c21 = a2.fma(p1, c21);
                c22 = a2.fma(p2, c22);
            }
            c00.intoArray(work, runs + v);
            c01.intoArray(work, runs + LANES + v);
            c02.intoArray(work, runs + 2 * LANES + v);
            c10.intoArray(work, runs + 3 * LANES + v);
            c11.intoArray(work, runs + 4 * LANES + v);
            c12.intoArray(work, runs + 5 * LANES + v);
            c20.intoArray(work, runs + 6 * LANES + v);
            c21.intoArray(work, runs + 7 * LANES + v);
            c22.intoArray(work, runs + 8 * LANES + v);
        }
        for (int kx = 0; kx < 3; kx++) {
            for (int lx = ky == ly ? kx : 0; lx < 3; lx++) {
                gram[(3 * ky + kx) * 9 + 3 * ly + lx] += StemSweeps.runSum(work, runs + (3 * kx + lx) * LANES);
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
        int pw = shape.paddedWidth();
        int oh = shape.h() / 2;
        int ow = shape.w() / 2;
        int whole = from + (to - from) / L * L;
        boolean grey3x3 = shape.k() == 3 && shape.cin() == 1 && FITS;
        for (int b = b0; b < b1; b++) {
            StemSweeps.pad(shape, x, b, null, work);
            for (int c0 = from; c0 < whole; c0 += L) {
                if (grey3x3) {
                    outputs3x3(shape, c0, weights, w0, bias, bo, work);
                } else {
                    for (int win = 0, at = 0, j = 0; win < oh * ow; win++) {
                        outputs(shape, work, at, weights, w0, bias, bo, c0, shape.windowsAt() + win * 4 * L);
                        at += 2;
                        if (++j == ow) { // the next row of windows: two rows of the planes down
                            j = 0;
                            at += 2 * pw - 2 * ow;
                        }
                    }
                }
                pool(shape, y, b, c0, scale, shift, chosen, chosenX, work);
            }
            if (whole < to) {
                StemSweeps.forwardPooled(
                        shape, x, y, b, b + 1, whole, to, weights, w0, bias, bo, scale, shift, chosen, chosenX, work);
            }
        }
    }

    /**
     * {@link #outputs} of every window of the image in the planes, for filters {@code c0 …} (a vector) of a 3×3 stem
     * of one channel: the nine weight vectors kept in registers over the windows, each window's 4 × 4 neighbourhood
     * read once. Apart from {@link #pool}, which reads what this leaves in the workspace: one method doing both is
     * past what C2 inlines, and its vectors are then boxed.
     */
    private static void outputs3x3(
            StemShape shape, int c0, float[] weights, int w0, float[] bias, int bo, float[] work) {
        int cout = shape.cout();
        int pw = shape.paddedWidth();
        int oh = shape.h() / 2;
        int ow = shape.w() / 2;
        int w = w0 + c0;
        int outputs = shape.windowsAt(); // each window's four outputs, a vector each
        FloatVector base = FloatVector.fromArray(S, bias, bo + c0);
        FloatVector k0 = FloatVector.fromArray(S, weights, w);
        FloatVector k1 = FloatVector.fromArray(S, weights, w + cout);
        FloatVector k2 = FloatVector.fromArray(S, weights, w + 2 * cout);
        FloatVector k3 = FloatVector.fromArray(S, weights, w + 3 * cout);
        FloatVector k4 = FloatVector.fromArray(S, weights, w + 4 * cout);
        FloatVector k5 = FloatVector.fromArray(S, weights, w + 5 * cout);
        FloatVector k6 = FloatVector.fromArray(S, weights, w + 6 * cout);
        FloatVector k7 = FloatVector.fromArray(S, weights, w + 7 * cout);
        FloatVector k8 = FloatVector.fromArray(S, weights, w + 8 * cout);
        for (int win = 0, p = 0, j = 0; win < oh * ow; win++) {
            // Position (dy, dx) of the window reads value (ky + dy, kx + dx) at tap ky·3 + kx; the neighbourhood's rows
            // are read one at a time (sixteen values at once would leave too few registers), each output's taps in
            // order: row r serves taps 3r … 3r + 2 of the top outputs and taps 3(r − 1) … of the bottom ones.
            FloatVector u0 = FloatVector.broadcast(S, work[p]);
            FloatVector u1 = FloatVector.broadcast(S, work[p + 1]);
            FloatVector u2 = FloatVector.broadcast(S, work[p + 2]);
            FloatVector u3 = FloatVector.broadcast(S, work[p + 3]);
            FloatVector x0 = u0.fma(k0, base);
            FloatVector x1 = u1.fma(k0, base);
            x0 = u1.fma(k1, x0);
            x1 = u2.fma(k1, x1);
            x0 = u2.fma(k2, x0);
            x1 = u3.fma(k2, x1);
            int r = p + pw;
            u0 = FloatVector.broadcast(S, work[r]);
            u1 = FloatVector.broadcast(S, work[r + 1]);
            u2 = FloatVector.broadcast(S, work[r + 2]);
            u3 = FloatVector.broadcast(S, work[r + 3]);
            FloatVector x2 = u0.fma(k0, base);
            FloatVector x3 = u1.fma(k0, base);
            x2 = u1.fma(k1, x2);
            x3 = u2.fma(k1, x3);
            x2 = u2.fma(k2, x2);
            x3 = u3.fma(k2, x3);
            x0 = u0.fma(k3, x0);
            x1 = u1.fma(k3, x1);
            x0 = u1.fma(k4, x0);
            x1 = u2.fma(k4, x1);
            x0 = u2.fma(k5, x0);
            x1 = u3.fma(k5, x1);
            r += pw;
            u0 = FloatVector.broadcast(S, work[r]);
            u1 = FloatVector.broadcast(S, work[r + 1]);
            u2 = FloatVector.broadcast(S, work[r + 2]);
            u3 = FloatVector.broadcast(S, work[r + 3]);
            x2 = u0.fma(k3, x2);
            x3 = u1.fma(k3, x3);
            x2 = u1.fma(k4, x2);
            x3 = u2.fma(k4, x3);
            x2 = u2.fma(k5, x2);
            x3 = u3.fma(k5, x3);
            x0 = u0.fma(k6, x0);
            x1 = u1.fma(k6, x1);
            x0 = u1.fma(k7, x0);
            x1 = u2.fma(k7, x1);
            x0 = u2.fma(k8, x0);
            x1 = u3.fma(k8, x1);
            r += pw;
            u0 = FloatVector.broadcast(S, work[r]);
            u1 = FloatVector.broadcast(S, work[r + 1]);
            u2 = FloatVector.broadcast(S, work[r + 2]);
            u3 = FloatVector.broadcast(S, work[r + 3]);
            x2 = u0.fma(k6, x2);
            x3 = u1.fma(k6, x3);
            x2 = u1.fma(k7, x2);
            x3 = u2.fma(k7, x3);
            x2 = u2.fma(k8, x2);
            x3 = u3.fma(k8, x3);
            int xo = outputs + win * 4 * L;
            x0.intoArray(work, xo);
            x1.intoArray(work, xo + L);
            x2.intoArray(work, xo + 2 * L);
            x3.intoArray(work, xo + 3 * L);
            p += 2;
            if (++j == ow) { // the next row of windows: two rows of the planes down
                j = 0;
                p += 2 * pw - 2 * ow;
            }
        }
    }

    /**
     * The batch norm's affine map, the ReLU and the pool over the four outputs of each of image b's windows that {@link
     * #outputs3x3} or {@link #outputs} left in the workspace, for filters {@code c0 …}: the pooled value, the first
     * position holding it and that position's output.
     */
    private static void pool(
            StemShape shape,
            float[] y,
            int b,
            int c0,
            float[] scale,
            float[] shift,
            float[] chosen,
            float[] chosenX,
            float[] work) {
        int cout = shape.cout();
        int windows = shape.h() / 2 * (shape.w() / 2);
        int outputs = shape.windowsAt();
        FloatVector zero = FloatVector.zero(S);
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector two = FloatVector.broadcast(S, 2f);
        FloatVector three = FloatVector.broadcast(S, 3f);
        FloatVector s = FloatVector.fromArray(S, scale, c0);
        FloatVector sh = FloatVector.fromArray(S, shift, c0);
        for (int win = 0, o = b * windows * cout + c0, xo = outputs; win < windows; win++, o += cout, xo += 4 * L) {
            FloatVector x0 = FloatVector.fromArray(S, work, xo);
            FloatVector x1 = FloatVector.fromArray(S, work, xo + L);
            FloatVector x2 = FloatVector.fromArray(S, work, xo + 2 * L);
            FloatVector x3 = FloatVector.fromArray(S, work, xo + 3 * L);
            FloatVector r0 = x0.mul(s).add(sh).max(zero);
            FloatVector r1 = x1.mul(s).add(sh).max(zero);
            FloatVector r2 = x2.mul(s).add(sh).max(zero);
            FloatVector r3 = x3.mul(s).add(sh).max(zero);
            FloatVector max = r0.max(r1).max(r2.max(r3));
            // The first position holding the maximum, as the scalar form's chain of comparisons.
            VectorMask<Float> e0 = r0.compare(VectorOperators.EQ, max);
            VectorMask<Float> e1 = r1.compare(VectorOperators.EQ, max).andNot(e0);
            VectorMask<Float> e2 =
                    r2.compare(VectorOperators.EQ, max).andNot(e0).andNot(e1);
            max.intoArray(y, o);
            three.blend(two, e2).blend(one, e1).blend(zero, e0).intoArray(chosen, o);
            x3.blend(x2, e2).blend(x1, e1).blend(x0, e0).intoArray(chosenX, o);
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
        int whole = from + (to - from) / L * L;
        boolean grey3x3 = shape.k() == 3 && shape.cin() == 1;
        for (int b = b0; b < b1; b++) {
            StemSweeps.pad(shape, x, b, null, work);
            for (int c0 = from; c0 < whole; c0 += L) {
                if (grey3x3) {
                    sums3x3(shape, y, dy, chosen, chosenX, b, c0, mean, sumDy, sumDyXc, tapSums, work);
                } else {
                    sums(shape, y, dy, chosen, chosenX, b, c0, mean, sumDy, sumDyXc, tapSums, work);
                }
            }
            if (whole < to) {
                StemSweeps.gradientSums(
                        shape, x, y, dy, chosen, chosenX, b, b + 1, whole, to, mean, sumDy, sumDyXc, tapSums, work);
            }
        }
    }

    /**
     * Image b's gradient sums of filters {@code c0 …} (a vector), any stem: the gated gradients in one pass over the
     * windows (kept in the workspace, a vector a window), then the taps one at a time, each tap's value at the chosen
     * position of every window picked by blends.
     */
    private static void sums(
            StemShape shape,
            float[] y,
            float[] dy,
            float[] chosen,
            float[] chosenX,
            int b,
            int c0,
            float[] mean,
            double[] sumDy,
            double[] sumDyXc,
            double[] tapSums,
            float[] work) {
        int cout = shape.cout();
        int pw = shape.paddedWidth();
        int oh = shape.h() / 2;
        int ow = shape.w() / 2;
        int gated = shape.windowsAt(); // each window's gated gradient, a vector
        int runs = shape.runsAt();
        int first = b * oh * ow * cout + c0;
        FloatVector zero = FloatVector.zero(S);
        FloatVector mu = FloatVector.fromArray(S, mean, c0);
        FloatVector sdy = zero;
        FloatVector sdx = zero;
        // One loop over the windows (a nest of rows and columns makes JDK 17's C2 box the sums).
        for (int win = 0, o = first, r = gated; win < oh * ow; win++, o += cout, r += L) {
            FloatVector dz = FloatVector.fromArray(S, dy, o);
            FloatVector g = zero.blend(dz, FloatVector.fromArray(S, y, o).compare(VectorOperators.GT, zero));
            sdy = sdy.add(g);
            sdx = g.fma(FloatVector.fromArray(S, chosenX, o).sub(mu), sdx);
            g.intoArray(work, r);
        }
        sdy.intoArray(work, runs);
        flush(work, runs, sumDy, c0);
        sdx.intoArray(work, runs);
        flush(work, runs, sumDyXc, c0);
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector two = FloatVector.broadcast(S, 2f);
        FloatVector three = FloatVector.broadcast(S, 3f);
        for (int t = 0; t < shape.taps(); t++) {
            FloatVector acc = zero;
            for (int win = 0, o = first, r = gated, p = shape.tapOffset(t), j = 0;
                    win < oh * ow;
                    win++, o += cout, r += L) {
                FloatVector q = FloatVector.fromArray(S, chosen, o);
                FloatVector value = FloatVector.broadcast(S, work[p])
                        .blend(FloatVector.broadcast(S, work[p + 1]), q.compare(VectorOperators.EQ, one))
                        .blend(FloatVector.broadcast(S, work[p + pw]), q.compare(VectorOperators.EQ, two))
                        .blend(FloatVector.broadcast(S, work[p + pw + 1]), q.compare(VectorOperators.EQ, three));
                acc = FloatVector.fromArray(S, work, r).fma(value, acc);
                p += 2;
                if (++j == ow) { // the next row of windows: two rows of the planes down
                    j = 0;
                    p += 2 * pw - 2 * ow;
                }
            }
            acc.intoArray(work, runs);
            flush(work, runs, tapSums, t * cout + c0);
        }
    }

    /**
     * {@link #sums} of a 3×3 stem of one channel in one pass: each window's 4 × 4 neighbourhood read once, the nine
     * taps' values at the chosen positions picked from it and their sums kept in registers.
     */
    private static void sums3x3(
            StemShape shape,
            float[] y,
            float[] dy,
            float[] chosen,
            float[] chosenX,
            int b,
            int c0,
            float[] mean,
            double[] sumDy,
            double[] sumDyXc,
            double[] tapSums,
            float[] work) {
        int cout = shape.cout();
        int pw = shape.paddedWidth();
        int oh = shape.h() / 2;
        int ow = shape.w() / 2;
        int runs = shape.runsAt();
        FloatVector zero = FloatVector.zero(S);
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector two = FloatVector.broadcast(S, 2f);
        FloatVector three = FloatVector.broadcast(S, 3f);
        FloatVector mu = FloatVector.fromArray(S, mean, c0);
        FloatVector sdy = zero;
        FloatVector sdx = zero;
        FloatVector a0 = zero;
        FloatVector a1 = zero;
        FloatVector a2 = zero;
        FloatVector a3 = zero;
        FloatVector a4 = zero;
        FloatVector a5 = zero;
        FloatVector a6 = zero;
        FloatVector a7 = zero;
        FloatVector a8 = zero;
        for (int win = 0, o = b * oh * ow * cout + c0, p = 0, j = 0; win < oh * ow; win++, o += cout) {
            FloatVector dz = FloatVector.fromArray(S, dy, o);
            FloatVector g = zero.blend(dz, FloatVector.fromArray(S, y, o).compare(VectorOperators.GT, zero));
            sdy = sdy.add(g);
            sdx = g.fma(FloatVector.fromArray(S, chosenX, o).sub(mu), sdx);
            FloatVector q = FloatVector.fromArray(S, chosen, o);
            VectorMask<Float> m1 = q.compare(VectorOperators.EQ, one);
            VectorMask<Float> m2 = q.compare(VectorOperators.EQ, two);
            VectorMask<Float> m3 = q.compare(VectorOperators.EQ, three);
            int r1 = p + pw;
            int r2 = p + 2 * pw;
            int r3 = p + 3 * pw;
            FloatVector v00 = FloatVector.broadcast(S, work[p]);
            FloatVector v01 = FloatVector.broadcast(S, work[p + 1]);
            FloatVector v02 = FloatVector.broadcast(S, work[p + 2]);
            FloatVector v03 = FloatVector.broadcast(S, work[p + 3]);
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
            // Tap (ky, kx) at the chosen position (dy, dx) reads value (ky + dy, kx + dx).
            a0 = g.fma(v00.blend(v01, m1).blend(v10, m2).blend(v11, m3), a0);
            a1 = g.fma(v01.blend(v02, m1).blend(v11, m2).blend(v12, m3), a1);
            a2 = g.fma(v02.blend(v03, m1).blend(v12, m2).blend(v13, m3), a2);
            a3 = g.fma(v10.blend(v11, m1).blend(v20, m2).blend(v21, m3), a3);
            a4 = g.fma(v11.blend(v12, m1).blend(v21, m2).blend(v22, m3), a4);
            a5 = g.fma(v12.blend(v13, m1).blend(v22, m2).blend(v23, m3), a5);
            a6 = g.fma(v20.blend(v21, m1).blend(v30, m2).blend(v31, m3), a6);
            a7 = g.fma(v21.blend(v22, m1).blend(v31, m2).blend(v32, m3), a7);
            a8 = g.fma(v22.blend(v23, m1).blend(v32, m2).blend(v33, m3), a8);
            p += 2;
            if (++j == ow) { // the next row of windows: two rows of the planes down
                j = 0;
                p += 2 * pw - 2 * ow;
            }
        }
        sdy.intoArray(work, runs);
        flush(work, runs, sumDy, c0);
        sdx.intoArray(work, runs);
        flush(work, runs, sumDyXc, c0);
        a0.intoArray(work, runs);
        flush(work, runs, tapSums, c0);
        a1.intoArray(work, runs);
        flush(work, runs, tapSums, cout + c0);
        a2.intoArray(work, runs);
        flush(work, runs, tapSums, 2 * cout + c0);
        a3.intoArray(work, runs);
        flush(work, runs, tapSums, 3 * cout + c0);
        a4.intoArray(work, runs);
        flush(work, runs, tapSums, 4 * cout + c0);
        a5.intoArray(work, runs);
        flush(work, runs, tapSums, 5 * cout + c0);
        a6.intoArray(work, runs);
        flush(work, runs, tapSums, 6 * cout + c0);
        a7.intoArray(work, runs);
        flush(work, runs, tapSums, 7 * cout + c0);
        a8.intoArray(work, runs);
        flush(work, runs, tapSums, 8 * cout + c0);
    }

    /**
     * The four convolution outputs of a window ({@code at}: its top-left position in the planes) for filters {@code c0
     * …}, a vector each at {@code work[xs + q·L]}: the bias, then a fused multiply-add per tap in tap order. Written
     * to the workspace, not returned: a method returning or taking vectors makes JDK 17 box them.
     */
    private static void outputs(
            StemShape shape, float[] work, int at, float[] weights, int w0, float[] bias, int bo, int c0, int xs) {
        int cout = shape.cout();
        int pw = shape.paddedWidth();
        FloatVector base = FloatVector.fromArray(S, bias, bo + c0);
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
