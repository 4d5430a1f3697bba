package org.saepj.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The direct convolution for filters one vector wide: outputs by eight anchors × a vector of filters, broadcasting
 * the padded image instead of reading im2col patches, and its weight gradient by eight taps × a vector of filters.
 * Also holds the packing of two offsets into a long that the convolution blocks use so that they allocate nothing.
 *
 * <p>Apart from {@link VectorPlanesConvolution} because it reads the image position-major, as the layer stores it,
 * where that form reads channel-major planes.
 */
final class VectorDirectConvolution {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorDirectConvolution() {}

    /**
     * Only for filters one vector wide (16 at 512 bits), where an im2col product leaves each broadcast feeding one FMA
     * anyway; wider outputs run faster as im2col products in 4 × 4 blocks (measured on the two-block CNN's 32→64
     * layer: 116 against 75 GFLOP/s forward), though the kernels below take any whole number of vectors.
     */
    static boolean convolvesDirectly(int cout) {
        return cout == L;
    }

    /**
     * Eight anchors × one vector of filters at a time: each kernel row loaded feeds eight FMAs, whose inputs are
     * broadcast from the padded image (a few kilobytes per sample, in L1) instead of read from im2col patches.
     */
    static void convolveAnchors(
            float[] x,
            int xo,
            float[] w,
            int wo,
            float[] y,
            int yo,
            int anchors,
            int k,
            int rowStride,
            int cin,
            int cout) {
        for (int v = 0; v < cout; v += L) {
            int a = 0;
            for (; a + 8 <= anchors; a += 8) {
                anchors8(x, xo + a * cin, w, wo + v, y, yo + a * cout + v, k, rowStride, cin, cout);
            }
            for (; a < anchors; a++) {
                anchor1(x, xo + a * cin, w, wo + v, y, yo + a * cout + v, k, rowStride, cin, cout);
            }
        }
    }

    /**
     * One row of the kernel ({@code ky}) for eight anchors: its K·cin taps are contiguous in the padded image and in
     * the kernel, so they are one loop. The sums start from zero at the first row and from the stored partial sums
     * after it (a stored float reloads exactly, so the order of additions is that of one loop over every tap); a loop
     * nest carrying the vectors would make the JIT of JDK 17 box them.
     */
    private static void anchors8(
            float[] x, int x0, float[] w, int w0, float[] y, int y0, int k, int rowStride, int cin, int cout) {
        for (int ky = 0; ky < k; ky++) {
            anchors8Row(x, x0 + ky * rowStride * cin, w, w0 + ky * k * cin * cout, y, y0, k * cin, cin, cout, ky == 0);
        }
    }

    private static void anchors8Row(
            float[] x, int xi, float[] w, int wi, float[] y, int y0, int n, int cin, int cout, boolean first) {
        FloatVector c0 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, y, y0);
        FloatVector c1 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, y, y0 + cout);
        FloatVector c2 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, y, y0 + 2 * cout);
        FloatVector c3 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, y, y0 + 3 * cout);
        FloatVector c4 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, y, y0 + 4 * cout);
        FloatVector c5 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, y, y0 + 5 * cout);
        FloatVector c6 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, y, y0 + 6 * cout);
        FloatVector c7 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, y, y0 + 7 * cout);
        for (int t = 0; t < n; t++, xi++, wi += cout) {
            FloatVector wv = FloatVector.fromArray(S, w, wi);
            c0 = wv.fma(FloatVector.broadcast(S, x[xi]), c0);
            c1 = wv.fma(FloatVector.broadcast(S, x[xi + cin]), c1);
            c2 = wv.fma(FloatVector.broadcast(S, x[xi + 2 * cin]), c2);
            c3 = wv.fma(FloatVector.broadcast(S, x[xi + 3 * cin]), c3);
            c4 = wv.fma(FloatVector.broadcast(S, x[xi + 4 * cin]), c4);
            c5 = wv.fma(FloatVector.broadcast(S, x[xi + 5 * cin]), c5);
            c6 = wv.fma(FloatVector.broadcast(S, x[xi + 6 * cin]), c6);
            c7 = wv.fma(FloatVector.broadcast(S, x[xi + 7 * cin]), c7);
        }
        c0.intoArray(y, y0);
        c1.intoArray(y, y0 + cout);
        c2.intoArray(y, y0 + 2 * cout);
        c3.intoArray(y, y0 + 3 * cout);
        c4.intoArray(y, y0 + 4 * cout);
        c5.intoArray(y, y0 + 5 * cout);
        c6.intoArray(y, y0 + 6 * cout);
        c7.intoArray(y, y0 + 7 * cout);
    }

    private static void anchor1(
            float[] x, int x0, float[] w, int w0, float[] y, int y0, int k, int rowStride, int cin, int cout) {
        for (int ky = 0; ky < k; ky++) {
            int xi = x0 + ky * rowStride * cin;
            int wi = w0 + ky * k * cin * cout;
            FloatVector c0 = ky == 0 ? FloatVector.zero(S) : FloatVector.fromArray(S, y, y0);
            for (int t = 0, n = k * cin; t < n; t++, xi++, wi += cout) {
                c0 = FloatVector.fromArray(S, w, wi).fma(FloatVector.broadcast(S, x[xi]), c0);
            }
            c0.intoArray(y, y0);
        }
    }

    /**
     * Eight taps × one vector of filters at a time, summed over every output position: each row of dy loaded feeds
     * eight FMAs, whose inputs are broadcast from the padded images.
     */
    static void convolveWeightGradient(
            float[] x,
            int xo,
            int sampleStride,
            int rowStride,
            float[] dy,
            int dyo,
            int samples,
            int oh,
            int ow,
            float[] dw,
            int dwo,
            int k,
            int cin,
            int cout) {
        int taps = k * k * cin;
        for (int v = 0; v < cout; v += L) {
            int t = 0;
            // Nine taps left (a 3 × 3 stem's all, the last of 5 × 5 or 7 × 7 on one channel) go as one block: as eight
            // and one, the last tap's sums would be one FMA chain waiting on each FMA's latency.
            for (; t + 8 <= taps && taps - t != 9; t += 8) {
                // The eight taps' offsets, packed in a long each pair, so the blocks allocate nothing.
                long o01 = pair(tapOffset(t, k, rowStride, cin), tapOffset(t + 1, k, rowStride, cin));
                long o23 = pair(tapOffset(t + 2, k, rowStride, cin), tapOffset(t + 3, k, rowStride, cin));
                long o45 = pair(tapOffset(t + 4, k, rowStride, cin), tapOffset(t + 5, k, rowStride, cin));
                long o67 = pair(tapOffset(t + 6, k, rowStride, cin), tapOffset(t + 7, k, rowStride, cin));
                for (int b = 0; b < samples; b++) {
                    gradient8Image(
                            x,
                            xo + b * sampleStride,
                            o01,
                            o23,
                            o45,
                            o67,
                            dy,
                            dyo + b * oh * ow * cout + v,
                            oh * ow,
                            ow,
                            (rowStride - ow) * cin,
                            dw,
                            dwo + t * cout + v,
                            cin,
                            cout);
                }
            }
            if (taps - t == 9) {
                long o01 = pair(tapOffset(t, k, rowStride, cin), tapOffset(t + 1, k, rowStride, cin));
                long o23 = pair(tapOffset(t + 2, k, rowStride, cin), tapOffset(t + 3, k, rowStride, cin));
                long o45 = pair(tapOffset(t + 4, k, rowStride, cin), tapOffset(t + 5, k, rowStride, cin));
                long o67 = pair(tapOffset(t + 6, k, rowStride, cin), tapOffset(t + 7, k, rowStride, cin));
                int o8 = tapOffset(t + 8, k, rowStride, cin);
                for (int b = 0; b < samples; b++) {
                    gradient9Image(
                            x,
                            xo + b * sampleStride,
                            o01,
                            o23,
                            o45,
                            o67,
                            o8,
                            dy,
                            dyo + b * oh * ow * cout + v,
                            oh * ow,
                            ow,
                            (rowStride - ow) * cin,
                            dw,
                            dwo + t * cout + v,
                            cin,
                            cout);
                }
                t += 9;
            }
            for (; t < taps; t++) {
                int o = tapOffset(t, k, rowStride, cin);
                int d0 = dwo + t * cout + v;
                for (int b = 0; b < samples; b++) {
                    for (int i = 0; i < oh; i++) {
                        gradient1Row(
                                x,
                                xo + b * sampleStride + i * rowStride * cin + o,
                                dy,
                                dyo + (b * oh + i) * ow * cout + v,
                                ow,
                                dw,
                                d0,
                                cin,
                                cout);
                    }
                }
            }
        }
    }

    /**
     * One image's terms of eight taps' gradients, added to the sums stored in dw (a stored float reloads exactly, so
     * every tap sums over the positions in order): every output position in order, the sums held in registers from
     * the first row to the last rather than stored and reloaded per row. At a row's end the reads skip the padded
     * columns ({@code skip} floats); the positions are one loop, as a loop nest carrying the vectors would make the
     * JIT of JDK 17 box them.
     */
    private static void gradient8Image(
            float[] x,
            int xi,
            long o01,
            long o23,
            long o45,
            long o67,
            float[] dy,
            int di,
            int positions,
            int ow,
            int skip,
            float[] dw,
            int d0,
            int cin,
            int cout) {
        int o0 = xi + (int) (o01 >>> 32);
        int o1 = xi + (int) o01;
        int o2 = xi + (int) (o23 >>> 32);
        int o3 = xi + (int) o23;
        int o4 = xi + (int) (o45 >>> 32);
        int o5 = xi + (int) o45;
        int o6 = xi + (int) (o67 >>> 32);
        int o7 = xi + (int) o67;
        FloatVector c0 = FloatVector.fromArray(S, dw, d0);
        FloatVector c1 = FloatVector.fromArray(S, dw, d0 + cout);
        FloatVector c2 = FloatVector.fromArray(S, dw, d0 + 2 * cout);
        FloatVector c3 = FloatVector.fromArray(S, dw, d0 + 3 * cout);
        FloatVector c4 = FloatVector.fromArray(S, dw, d0 + 4 * cout);
        FloatVector c5 = FloatVector.fromArray(S, dw, d0 + 5 * cout);
        FloatVector c6 = FloatVector.fromArray(S, dw, d0 + 6 * cout);
        FloatVector c7 = FloatVector.fromArray(S, dw, d0 + 7 * cout);
        for (int p = 0, j = 0, xj = 0; p < positions; p++, di += cout) {
            FloatVector g = FloatVector.fromArray(S, dy, di);
            c0 = g.fma(FloatVector.broadcast(S, x[o0 + xj]), c0);
            c1 = g.fma(FloatVector.broadcast(S, x[o1 + xj]), c1);
            c2 = g.fma(FloatVector.broadcast(S, x[o2 + xj]), c2);
            c3 = g.fma(FloatVector.broadcast(S, x[o3 + xj]), c3);
            c4 = g.fma(FloatVector.broadcast(S, x[o4 + xj]), c4);
            c5 = g.fma(FloatVector.broadcast(S, x[o5 + xj]), c5);
            c6 = g.fma(FloatVector.broadcast(S, x[o6 + xj]), c6);
            c7 = g.fma(FloatVector.broadcast(S, x[o7 + xj]), c7);
            xj += cin;
            if (++j == ow) {
                j = 0;
                xj += skip;
            }
        }
        c0.intoArray(dw, d0);
        c1.intoArray(dw, d0 + cout);
        c2.intoArray(dw, d0 + 2 * cout);
        c3.intoArray(dw, d0 + 3 * cout);
        c4.intoArray(dw, d0 + 4 * cout);
        c5.intoArray(dw, d0 + 5 * cout);
        c6.intoArray(dw, d0 + 6 * cout);
        c7.intoArray(dw, d0 + 7 * cout);
    }

    /** As {@link #gradient8Image}, nine taps (the ninth from {@code o8}): nine sums. */
    private static void gradient9Image(
            float[] x,
            int xi,
            long o01,
            long o23,
            long o45,
            long o67,
            int o8,
            float[] dy,
            int di,
            int positions,
            int ow,
            int skip,
            float[] dw,
            int d0,
            int cin,
            int cout) {
        int o0 = xi + (int) (o01 >>> 32);
        int o1 = xi + (int) o01;
        int o2 = xi + (int) (o23 >>> 32);
        int o3 = xi + (int) o23;
        int o4 = xi + (int) (o45 >>> 32);
        int o5 = xi + (int) o45;
        int o6 = xi + (int) (o67 >>> 32);
        int o7 = xi + (int) o67;
        int o8i = xi + o8;
        FloatVector c0 = FloatVector.fromArray(S, dw, d0);
        FloatVector c1 = FloatVector.fromArray(S, dw, d0 + cout);
        FloatVector c2 = FloatVector.fromArray(S, dw, d0 + 2 * cout);
        FloatVector c3 = FloatVector.fromArray(S, dw, d0 + 3 * cout);
        FloatVector c4 = FloatVector.fromArray(S, dw, d0 + 4 * cout);
        FloatVector c5 = FloatVector.fromArray(S, dw, d0 + 5 * cout);
        FloatVector c6 = FloatVector.fromArray(S, dw, d0 + 6 * cout);
        FloatVector c7 = FloatVector.fromArray(S, dw, d0 + 7 * cout);
        FloatVector c8 = FloatVector.fromArray(S, dw, d0 + 8 * cout);
        for (int p = 0, j = 0, xj = 0; p < positions; p++, di += cout) {
            FloatVector g = FloatVector.fromArray(S, dy, di);
            c0 = g.fma(FloatVector.broadcast(S, x[o0 + xj]), c0);
            c1 = g.fma(FloatVector.broadcast(S, x[o1 + xj]), c1);
            c2 = g.fma(FloatVector.broadcast(S, x[o2 + xj]), c2);
            c3 = g.fma(FloatVector.broadcast(S, x[o3 + xj]), c3);
            c4 = g.fma(FloatVector.broadcast(S, x[o4 + xj]), c4);
            c5 = g.fma(FloatVector.broadcast(S, x[o5 + xj]), c5);
            c6 = g.fma(FloatVector.broadcast(S, x[o6 + xj]), c6);
            c7 = g.fma(FloatVector.broadcast(S, x[o7 + xj]), c7);
            c8 = g.fma(FloatVector.broadcast(S, x[o8i + xj]), c8);
            xj += cin;
            if (++j == ow) {
                j = 0;
                xj += skip;
            }
        }
        c0.intoArray(dw, d0);
        c1.intoArray(dw, d0 + cout);
        c2.intoArray(dw, d0 + 2 * cout);
        c3.intoArray(dw, d0 + 3 * cout);
        c4.intoArray(dw, d0 + 4 * cout);
        c5.intoArray(dw, d0 + 5 * cout);
        c6.intoArray(dw, d0 + 6 * cout);
        c7.intoArray(dw, d0 + 7 * cout);
        c8.intoArray(dw, d0 + 8 * cout);
    }

    private static void gradient1Row(
            float[] x, int xi, float[] dy, int di, int ow, float[] dw, int d0, int cin, int cout) {
        FloatVector c0 = FloatVector.fromArray(S, dw, d0);
        for (int j = 0; j < ow; j++, xi += cin, di += cout) {
            c0 = FloatVector.fromArray(S, dy, di).fma(FloatVector.broadcast(S, x[xi]), c0);
        }
        c0.intoArray(dw, d0);
    }

    static long pair(int high, int low) {
        return ((long) high << 32) | (low & 0xFFFFFFFFL);
    }

    /** Where tap {@code t = (ky·k + kx)·cin + ci} reads, from its anchor's first channel in the padded image. */
    private static int tapOffset(int t, int k, int rowStride, int cin) {
        int tap = t / cin;
        return ((tap / k) * rowStride + tap % k) * cin + t % cin;
    }
}
