package org.saepj.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The convolution's weight gradient where the input channels fill whole vectors: summed transposed in a workspace,
 * a vector of taps (one kernel position's channels) × four filters at a time, so each input vector loaded feeds four
 * FMAs, then moved into the layer's {@code taps × cout} order.
 *
 * <p>Apart from {@link VectorDirectConvolution}'s eight-tap gradient because it vectorises over taps instead of
 * filters and needs a workspace; shapes it does not cover go to that form through {@link VectorKernels}.
 */
final class VectorTapGradient {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorTapGradient() {}

    /**
     * The gradient transposed, {@code cout × taps}; none for filters not in whole vectors, whose sums keep the im2col
     * product's rounding (its tail columns, {@link VectorTailColumns}), so that a layer keeps the product for them.
     */
    static int weightGradientWorkspace(int taps, int cout) {
        return cout % L == 0 ? taps * cout : 0;
    }

    /**
     * Where the input channels fill whole vectors (a 16 → 16 layer), the gradient is summed transposed, a vector of
     * taps (one kernel position's channels, contiguous in the padded image) × four filters at a time: three such
     * vectors × four filters hold twelve sums, each input vector loaded feeding four FMAs and each broadcast of dy
     * three, where the eight-tap blocks broadcast a value of the image for every FMA. Every tap still sums over the
     * images and positions in order; the transposes into and out of the workspace move the sums unchanged. Filters not
     * in whole vectors keep the plain loops of the form without a workspace, whose bits differ from FMAs'.
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
            int cout,
            float[] work) {
        int taps = k * k * cin;
        for (int t = 0; t < taps; t++) {
            for (int co = 0; co < cout; co++) {
                work[co * taps + t] = dw[dwo + t * cout + co];
            }
        }
        int tapVectors = taps / L;
        int skip = (rowStride - ow) * cin;
        for (int co = 0; co < cout; ) {
            // Eight filters where they remain: each tap vector loaded then feeds eight FMAs.
            int width = co + 8 <= cout ? 8 : 4;
            int v = 0;
            for (; v + 3 <= tapVectors; v += 3) {
                long o01 = VectorDirectConvolution.pair(
                        tapVectorOffset(v, k, rowStride, cin), tapVectorOffset(v + 1, k, rowStride, cin));
                int o2 = tapVectorOffset(v + 2, k, rowStride, cin);
                for (int b = 0; b < samples; b++) {
                    int xb = xo + b * sampleStride;
                    int db = dyo + b * oh * ow * cout + co;
                    int g0 = co * taps + v * L;
                    if (width == 8) {
                        transposedGradient8x3(x, xb, o01, o2, dy, db, oh * ow, ow, skip, work, g0, taps, cin, cout);
                    } else {
                        transposedGradient4x3(x, xb, o01, o2, dy, db, oh * ow, ow, skip, work, g0, taps, cin, cout);
                    }
                }
            }
            for (; v < tapVectors; v++) {
                int o = tapVectorOffset(v, k, rowStride, cin);
                for (int f = co; f < co + width; f += 4) {
                    for (int b = 0; b < samples; b++) {
                        transposedGradient4x1(
                                x,
                                xo + b * sampleStride + o,
                                dy,
                                dyo + b * oh * ow * cout + f,
                                oh * ow,
                                ow,
                                skip,
                                work,
                                f * taps + v * L,
                                taps,
                                cin,
                                cout);
                    }
                }
            }
            co += width;
        }
        for (int t = 0; t < taps; t++) {
            for (int co = 0; co < cout; co++) {
                dw[dwo + t * cout + co] = work[co * taps + t];
            }
        }
    }

    /** Where tap vector v (taps {@code v·L …}, one kernel position's channels) reads, from its anchor. */
    private static int tapVectorOffset(int v, int k, int rowStride, int cin) {
        int t = v * L;
        int tap = t / cin;
        return ((tap / k) * rowStride + tap % k) * cin + t % cin;
    }

    /**
     * One image's terms of three tap vectors × four filters, added to the transposed sums in {@code g} (filter f's
     * at {@code g0 + f·taps}): every output position in order, a row's end skipping the padded columns.
     */
    private static void transposedGradient4x3(
            float[] x,
            int xi,
            long o01,
            int o2,
            float[] dy,
            int di,
            int positions,
            int ow,
            int skip,
            float[] g,
            int g0,
            int taps,
            int cin,
            int cout) {
        int p0 = xi + (int) (o01 >>> 32);
        int p1 = xi + (int) o01;
        int p2 = xi + o2;
        FloatVector c00 = FloatVector.fromArray(S, g, g0);
        FloatVector c01 = FloatVector.fromArray(S, g, g0 + L);
        FloatVector c02 = FloatVector.fromArray(S, g, g0 + 2 * L);
        FloatVector c10 = FloatVector.fromArray(S, g, g0 + taps);
        FloatVector c11 = FloatVector.fromArray(S, g, g0 + taps + L);
        FloatVector c12 = FloatVector.fromArray(S, g, g0 + taps + 2 * L);
        FloatVector c20 = FloatVector.fromArray(S, g, g0 + 2 * taps);
        FloatVector c21 = FloatVector.fromArray(S, g, g0 + 2 * taps + L);
        FloatVector c22 = FloatVector.fromArray(S, g, g0 + 2 * taps + 2 * L);
        FloatVector c30 = FloatVector.fromArray(S, g, g0 + 3 * taps);
        FloatVector c31 = FloatVector.fromArray(S, g, g0 + 3 * taps + L);
        FloatVector c32 = FloatVector.fromArray(S, g, g0 + 3 * taps + 2 * L);
        for (int p = 0, j = 0, xj = 0; p < positions; p++, di += cout) {
            FloatVector x0 = FloatVector.fromArray(S, x, p0 + xj);
            FloatVector x1 = FloatVector.fromArray(S, x, p1 + xj);
            FloatVector x2 = FloatVector.fromArray(S, x, p2 + xj);
            FloatVector d0 = FloatVector.broadcast(S, dy[di]);
            c00 = x0.fma(d0, c00);
            c01 = x1.fma(d0, c01);
            c02 = x2.fma(d0, c02);
            FloatVector d1 = FloatVector.broadcast(S, dy[di + 1]);
            c10 = x0.fma(d1, c10);
            c11 = x1.fma(d1, c11);
            c12 = x2.fma(d1, c12);
            FloatVector d2 = FloatVector.broadcast(S, dy[di + 2]);
            c20 = x0.fma(d2, c20);
            c21 = x1.fma(d2, c21);
            c22 = x2.fma(d2, c22);
            FloatVector d3 = FloatVector.broadcast(S, dy[di + 3]);
            c30 = x0.fma(d3, c30);
            c31 = x1.fma(d3, c31);
            c32 = x2.fma(d3, c32);
            xj += cin;
            if (++j == ow) {
                j = 0;
                xj += skip;
            }
        }
        c00.intoArray(g, g0);
        c01.intoArray(g, g0 + L);
        c02.intoArray(g, g0 + 2 * L);
        c10.intoArray(g, g0 + taps);
        c11.intoArray(g, g0 + taps + L);
        c12.intoArray(g, g0 + taps + 2 * L);
        c20.intoArray(g, g0 + 2 * taps);
        c21.intoArray(g, g0 + 2 * taps + L);
        c22.intoArray(g, g0 + 2 * taps + 2 * L);
        c30.intoArray(g, g0 + 3 * taps);
        c31.intoArray(g, g0 + 3 * taps + L);
        c32.intoArray(g, g0 + 3 * taps + 2 * L);
    }

    /**
     * As {@link #transposedGradient4x3}, three tap vectors × eight filters: 24 sums, each tap vector loaded feeding
     * eight FMAs (three loads and eight broadcasts for 24 FMAs, against seven for twelve), in 24 of the 32 registers.
     */
    private static void transposedGradient8x3(
            float[] x,
            int xi,
            long o01,
            int o2,
            float[] dy,
            int di,
            int positions,
            int ow,
            int skip,
            float[] g,
            int g0,
            int taps,
            int cin,
            int cout) {
        int p0 = xi + (int) (o01 >>> 32);
        int p1 = xi + (int) o01;
        int p2 = xi + o2;
        FloatVector c00 = FloatVector.fromArray(S, g, g0);
        FloatVector c01 = FloatVector.fromArray(S, g, g0 + L);
        FloatVector c02 = FloatVector.fromArray(S, g, g0 + 2 * L);
        FloatVector c10 = FloatVector.fromArray(S, g, g0 + taps);
        FloatVector c11 = FloatVector.fromArray(S, g, g0 + taps + L);
        FloatVector c12 = FloatVector.fromArray(S, g, g0 + taps + 2 * L);
        FloatVector c20 = FloatVector.fromArray(S, g, g0 + 2 * taps);
        FloatVector c21 = FloatVector.fromArray(S, g, g0 + 2 * taps + L);
        FloatVector c22 = FloatVector.fromArray(S, g, g0 + 2 * taps + 2 * L);
        FloatVector c30 = FloatVector.fromArray(S, g, g0 + 3 * taps);
        FloatVector c31 = FloatVector.fromArray(S, g, g0 + 3 * taps + L);
        FloatVector c32 = FloatVector.fromArray(S, g, g0 + 3 * taps + 2 * L);
        FloatVector c40 = FloatVector.fromArray(S, g, g0 + 4 * taps);
        FloatVector c41 = FloatVector.fromArray(S, g, g0 + 4 * taps + L);
        FloatVector c42 = FloatVector.fromArray(S, g, g0 + 4 * taps + 2 * L);
        FloatVector c50 = FloatVector.fromArray(S, g, g0 + 5 * taps);
        FloatVector c51 = FloatVector.fromArray(S, g, g0 + 5 * taps + L);
        FloatVector c52 = FloatVector.fromArray(S, g, g0 + 5 * taps + 2 * L);
        FloatVector c60 = FloatVector.fromArray(S, g, g0 + 6 * taps);
        FloatVector c61 = FloatVector.fromArray(S, g, g0 + 6 * taps + L);
        FloatVector c62 = FloatVector.fromArray(S, g, g0 + 6 * taps + 2 * L);
        FloatVector c70 = FloatVector.fromArray(S, g, g0 + 7 * taps);
        FloatVector c71 = FloatVector.fromArray(S, g, g0 + 7 * taps + L);
        FloatVector c72 = FloatVector.fromArray(S, g, g0 + 7 * taps + 2 * L);
        for (int p = 0, j = 0, xj = 0; p < positions; p++, di += cout) {
            FloatVector x0 = FloatVector.fromArray(S, x, p0 + xj);
            FloatVector x1 = FloatVector.fromArray(S, x, p1 + xj);
            FloatVector x2 = FloatVector.fromArray(S, x, p2 + xj);
            FloatVector d0 = FloatVector.broadcast(S, dy[di]);
            c00 = x0.fma(d0, c00);
            c01 = x1.fma(d0, c01);
            c02 = x2.fma(d0, c02);
            FloatVector d1 = FloatVector.broadcast(S, dy[di + 1]);
            c10 = x0.fma(d1, c10);
            c11 = x1.fma(d1, c11);
            c12 = x2.fma(d1, c12);
            FloatVector d2 = FloatVector.broadcast(S, dy[di + 2]);
            c20 = x0.fma(d2, c20);
            c21 = x1.fma(d2, c21);
            c22 = x2.fma(d2, c22);
            FloatVector d3 = FloatVector.broadcast(S, dy[di + 3]);
            c30 = x0.fma(d3, c30);
            c31 = x1.fma(d3, c31);
            c32 = x2.fma(d3, c32);
            FloatVector d4 = FloatVector.broadcast(S, dy[di + 4]);
            c40 = x0.fma(d4, c40);
            c41 = x1.fma(d4, c41);
            c42 = x2.fma(d4, c42);
            FloatVector d5 = FloatVector.broadcast(S, dy[di + 5]);
            c50 = x0.fma(d5, c50);
            c51 = x1.fma(d5, c51);
            c52 = x2.fma(d5, c52);
            FloatVector d6 = FloatVector.broadcast(S, dy[di + 6]);
            c60 = x0.fma(d6, c60);
            c61 = x1.fma(d6, c61);
            c62 = x2.fma(d6, c62);
            FloatVector d7 = FloatVector.broadcast(S, dy[di + 7]);
            c70 = x0.fma(d7, c70);
            c71 = x1.fma(d7, c71);
            c72 = x2.fma(d7, c72);
            xj += cin;
            if (++j == ow) {
                j = 0;
                xj += skip;
            }
        }
        c00.intoArray(g, g0);
        c01.intoArray(g, g0 + L);
        c02.intoArray(g, g0 + 2 * L);
        c10.intoArray(g, g0 + taps);
        c11.intoArray(g, g0 + taps + L);
        c12.intoArray(g, g0 + taps + 2 * L);
        c20.intoArray(g, g0 + 2 * taps);
        c21.intoArray(g, g0 + 2 * taps + L);
        c22.intoArray(g, g0 + 2 * taps + 2 * L);
        c30.intoArray(g, g0 + 3 * taps);
        c31.intoArray(g, g0 + 3 * taps + L);
        c32.intoArray(g, g0 + 3 * taps + 2 * L);
        c40.intoArray(g, g0 + 4 * taps);
        c41.intoArray(g, g0 + 4 * taps + L);
        c42.intoArray(g, g0 + 4 * taps + 2 * L);
        c50.intoArray(g, g0 + 5 * taps);
        c51.intoArray(g, g0 + 5 * taps + L);
        c52.intoArray(g, g0 + 5 * taps + 2 * L);
        c60.intoArray(g, g0 + 6 * taps);
        c61.intoArray(g, g0 + 6 * taps + L);
        c62.intoArray(g, g0 + 6 * taps + 2 * L);
        c70.intoArray(g, g0 + 7 * taps);
        c71.intoArray(g, g0 + 7 * taps + L);
        c72.intoArray(g, g0 + 7 * taps + 2 * L);
    }

    /** As {@link #transposedGradient4x3}, one tap vector (from {@code xi}) × four filters. */
    private static void transposedGradient4x1(
            float[] x,
            int xi,
            float[] dy,
            int di,
            int positions,
            int ow,
            int skip,
            float[] g,
            int g0,
            int taps,
            int cin,
            int cout) {
        FloatVector c0 = FloatVector.fromArray(S, g, g0);
        FloatVector c1 = FloatVector.fromArray(S, g, g0 + taps);
        FloatVector c2 = FloatVector.fromArray(S, g, g0 + 2 * taps);
        FloatVector c3 = FloatVector.fromArray(S, g, g0 + 3 * taps);
        for (int p = 0, j = 0, xj = 0; p < positions; p++, di += cout) {
            FloatVector x0 = FloatVector.fromArray(S, x, xi + xj);
            c0 = x0.fma(FloatVector.broadcast(S, dy[di]), c0);
            c1 = x0.fma(FloatVector.broadcast(S, dy[di + 1]), c1);
            c2 = x0.fma(FloatVector.broadcast(S, dy[di + 2]), c2);
            c3 = x0.fma(FloatVector.broadcast(S, dy[di + 3]), c3);
            xj += cin;
            if (++j == ow) {
                j = 0;
                xj += skip;
            }
        }
        c0.intoArray(g, g0);
        c1.intoArray(g, g0 + taps);
        c2.intoArray(g, g0 + 2 * taps);
        c3.intoArray(g, g0 + 3 * taps);
    }
}
