package org.saepj.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The convolution over channel-major planes: four filters × four vectors of output columns at a time, sixteen
 * accumulators, summed channel-major in a workspace and transposed back into {@code positions × cout}; and the copy
 * of an image into those planes.
 *
 * <p>Apart from {@link VectorDirectConvolution} because its operands are laid out differently (planes, packed
 * filter blocks) and it needs a workspace; the register transposes it uses are in {@link VectorTileTranspose}.
 */
final class VectorPlanesConvolution {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorPlanesConvolution() {}

    /**
     * Filters in whole blocks of four. The im2col product sums the filters in whole vectors as fused multiply-add
     * chains from zero, and the filters past them ({@link VectorTailColumns}: 24 leave 8 at 512 bits) with every
     * product rounded before its addition; the planes sum each filter as the product does, so a convolution of 24
     * filters runs here too, not only in the product.
     */
    static boolean convolvesPlanes(int cout) {
        return cout % 4 == 0;
    }

    /** The outputs of one image channel-major, each output row rounded up to whole vectors. */
    static int planesWorkspace(int oh, int ow, int cout) {
        return cout * oh * ((ow + L - 1) / L) * L;
    }

    /**
     * Four filters × four vectors of output columns at a time, sixteen accumulators: each vector of inputs loaded
     * feeds four FMAs and each filter's weight broadcast four, where the im2col product of a convolution one or two
     * vectors of filters wide broadcast every patch value for one or two FMAs and read the patches from L2. The
     * outputs are summed channel-major in the workspace, then
     * transposed into the layer's {@code positions × cout}, the bias (unless null) added on the way: one addition
     * to each finished sum, as a sweep over the outputs afterwards would add it.
     */
    static void convolvePlanes(
            float[] x,
            int xo,
            int plane,
            int rowStride,
            int oh,
            int ow,
            int k,
            int cin,
            float[] packed,
            int cout,
            float[] y,
            int yo,
            float[] work,
            float[] bias,
            int biasOffset) {
        int perRow = (ow + L - 1) / L;
        int vectors = oh * perRow;
        int span = vectors * L;
        int taps = k * k * cin;
        // Steps of the input offset at the end of a tap's channels and of a kernel row (see planes4x4).
        long steps = VectorDirectConvolution.pair(1 - cin * plane, rowStride - k);
        int fused = cout - cout % L;
        for (int f = 0; f < fused; f += 4) {
            int w0 = f * taps;
            int r = 0;
            for (; r + 4 <= vectors; r += 4) {
                planes4x4(
                        x,
                        xo + vectorStart(r, perRow, rowStride),
                        xo + vectorStart(r + 1, perRow, rowStride),
                        xo + vectorStart(r + 2, perRow, rowStride),
                        xo + vectorStart(r + 3, perRow, rowStride),
                        packed,
                        w0,
                        work,
                        f * span + r * L,
                        span,
                        taps,
                        plane,
                        cin,
                        k,
                        steps);
            }
            for (; r + 2 <= vectors; r += 2) {
                planes4x2(
                        x,
                        xo + vectorStart(r, perRow, rowStride),
                        xo + vectorStart(r + 1, perRow, rowStride),
                        packed,
                        w0,
                        work,
                        f * span + r * L,
                        span,
                        taps,
                        plane,
                        cin,
                        k,
                        steps);
            }
            for (; r < vectors; r++) {
                planes4x1(
                        x,
                        xo + vectorStart(r, perRow, rowStride),
                        packed,
                        w0,
                        work,
                        f * span + r * L,
                        span,
                        taps,
                        plane,
                        cin,
                        k,
                        steps);
            }
        }
        for (int f = fused; f < cout; f += 4) {
            int w0 = f * taps;
            int r = 0;
            for (; r + 2 <= vectors; r += 2) {
                roundedPlanes4x2(
                        x,
                        xo + vectorStart(r, perRow, rowStride),
                        xo + vectorStart(r + 1, perRow, rowStride),
                        packed,
                        w0,
                        work,
                        f * span + r * L,
                        span,
                        taps,
                        plane,
                        cin,
                        k,
                        steps);
            }
            if (r < vectors) {
                roundedPlanes4x1(
                        x,
                        xo + vectorStart(r, perRow, rowStride),
                        packed,
                        w0,
                        work,
                        f * span + r * L,
                        span,
                        taps,
                        plane,
                        cin,
                        k,
                        steps);
            }
        }
        boolean tiles = L == VectorTileTranspose.TILE;
        for (int i = 0; i < oh; i++) {
            for (int jv = 0; jv < perRow; jv++) {
                int src = (i * perRow + jv) * L;
                int columns = Math.min(L, ow - jv * L);
                int dst = yo + (i * ow + jv * L) * cout;
                int co = 0;
                for (; tiles && co < fused; co += L) {
                    FloatVector add = bias == null ? null : FloatVector.fromArray(S, bias, biasOffset + co);
                    VectorTileTranspose.transposeTile(work, co * span + src, span, L, y, dst + co, cout, columns, add);
                }
                for (int j = 0; j < columns; j++) {
                    for (int c = co; c < cout; c++) {
                        float sum = work[c * span + src + j];
                        y[dst + j * cout + c] = bias == null ? sum : sum + bias[biasOffset + c];
                    }
                }
            }
        }
    }

    /**
     * A row of the image at a time, sixteen channels at a time, transposed in registers
     * ({@link VectorTileTranspose#transposeTile}): the
     * row's {@code w ≤ 16} positions and zeros for the rest, so each channel's row is one store whose lanes past the
     * row's end write zeros into the borders (a padded row of at least 16 floats: they stop before the next row's
     * interior). A scalar copy took about 1 ns a float, a third of a 16 → 16 layer's forward pass.
     */
    static void toPlanes(float[] x, int xo, int h, int w, int cin, float[] planes, int po, int plane, int rowStride) {
        for (int y = 0; y < h; y++) {
            for (int c = 0; c < cin; c += L) {
                VectorTileTranspose.transposeTile(
                        x, xo + y * w * cin + c, cin, w, planes, po + c * plane + y * rowStride, plane, L);
            }
        }
    }

    /** Where vector r of output columns reads its first input: row r / perRow, columns from L·(r % perRow). */
    private static int vectorStart(int r, int perRow, int rowStride) {
        return r / perRow * rowStride + r % perRow * L;
    }

    /**
     * Four filters (packed, their weights from {@code w0}) × four vectors of output columns (inputs from {@code s0 …
     * s3}), over every tap in order: the input offset walks the channels' planes ({@code plane} apart), then steps to
     * the next column of the kernel and at a kernel row's end to the next row, in one loop (a loop nest carrying the
     * vectors would make the JIT of JDK 17 box them).
     */
    private static void planes4x4(
            float[] x,
            int s0,
            int s1,
            int s2,
            int s3,
            float[] w,
            int w0,
            float[] out,
            int o0,
            int span,
            int taps,
            int plane,
            int cin,
            int k,
            long steps) {
        int channelsDone = (int) (steps >>> 32);
        int rowDone = (int) steps;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S);
        FloatVector c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c12 = FloatVector.zero(S);
        FloatVector c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c22 = FloatVector.zero(S);
        FloatVector c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        FloatVector c32 = FloatVector.zero(S);
        FloatVector c33 = FloatVector.zero(S);
        for (int t = 0, off = 0, ci = 0, kx = 0, wi = w0; t < taps; t++, wi += 4) {
            FloatVector x0 = FloatVector.fromArray(S, x, s0 + off);
            FloatVector x1 = FloatVector.fromArray(S, x, s1 + off);
            FloatVector x2 = FloatVector.fromArray(S, x, s2 + off);
            FloatVector x3 = FloatVector.fromArray(S, x, s3 + off);
            FloatVector f0 = FloatVector.broadcast(S, w[wi]);
            c00 = x0.fma(f0, c00);
            c01 = x1.fma(f0, c01);
            c02 = x2.fma(f0, c02);
            c03 = x3.fma(f0, c03);
            FloatVector f1 = FloatVector.broadcast(S, w[wi + 1]);
            c10 = x0.fma(f1, c10);
            c11 = x1.fma(f1, c11);
            c12 = x2.fma(f1, c12);
            c13 = x3.fma(f1, c13);
            FloatVector f2 = FloatVector.broadcast(S, w[wi + 2]);
            c20 = x0.fma(f2, c20);
            c21 = x1.fma(f2, c21);
            c22 = x2.fma(f2, c22);
            c23 = x3.fma(f2, c23);
            FloatVector f3 = FloatVector.broadcast(S, w[wi + 3]);
            c30 = x0.fma(f3, c30);
            c31 = x1.fma(f3, c31);
            c32 = x2.fma(f3, c32);
            c33 = x3.fma(f3, c33);
            off += plane;
            if (++ci == cin) {
                ci = 0;
                off += channelsDone;
                if (++kx == k) {
                    kx = 0;
                    off += rowDone;
                }
            }
        }
        c00.intoArray(out, o0);
        c01.intoArray(out, o0 + L);
        c02.intoArray(out, o0 + 2 * L);
        c03.intoArray(out, o0 + 3 * L);
        c10.intoArray(out, o0 + span);
        c11.intoArray(out, o0 + span + L);
        c12.intoArray(out, o0 + span + 2 * L);
        c13.intoArray(out, o0 + span + 3 * L);
        c20.intoArray(out, o0 + 2 * span);
        c21.intoArray(out, o0 + 2 * span + L);
        c22.intoArray(out, o0 + 2 * span + 2 * L);
        c23.intoArray(out, o0 + 2 * span + 3 * L);
        c30.intoArray(out, o0 + 3 * span);
        c31.intoArray(out, o0 + 3 * span + L);
        c32.intoArray(out, o0 + 3 * span + 2 * L);
        c33.intoArray(out, o0 + 3 * span + 3 * L);
    }

    /** As {@link #planes4x4}, four filters × two vectors: an image's last two vectors of columns (14 = 3 × 4 + 2). */
    private static void planes4x2(
            float[] x,
            int s0,
            int s1,
            float[] w,
            int w0,
            float[] out,
            int o0,
            int span,
            int taps,
            int plane,
            int cin,
            int k,
            long steps) {
        int channelsDone = (int) (steps >>> 32);
        int rowDone = (int) steps;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        for (int t = 0, off = 0, ci = 0, kx = 0, wi = w0; t < taps; t++, wi += 4) {
            FloatVector x0 = FloatVector.fromArray(S, x, s0 + off);
            FloatVector x1 = FloatVector.fromArray(S, x, s1 + off);
            FloatVector f0 = FloatVector.broadcast(S, w[wi]);
            c00 = x0.fma(f0, c00);
            c01 = x1.fma(f0, c01);
            FloatVector f1 = FloatVector.broadcast(S, w[wi + 1]);
            c10 = x0.fma(f1, c10);
            c11 = x1.fma(f1, c11);
            FloatVector f2 = FloatVector.broadcast(S, w[wi + 2]);
            c20 = x0.fma(f2, c20);
            c21 = x1.fma(f2, c21);
            FloatVector f3 = FloatVector.broadcast(S, w[wi + 3]);
            c30 = x0.fma(f3, c30);
            c31 = x1.fma(f3, c31);
            off += plane;
            if (++ci == cin) {
                ci = 0;
                off += channelsDone;
                if (++kx == k) {
                    kx = 0;
                    off += rowDone;
                }
            }
        }
        c00.intoArray(out, o0);
        c01.intoArray(out, o0 + L);
        c10.intoArray(out, o0 + span);
        c11.intoArray(out, o0 + span + L);
        c20.intoArray(out, o0 + 2 * span);
        c21.intoArray(out, o0 + 2 * span + L);
        c30.intoArray(out, o0 + 3 * span);
        c31.intoArray(out, o0 + 3 * span + L);
    }

    /** As {@link #planes4x4}, four filters × one vector: an image's last vector of columns. */
    private static void planes4x1(
            float[] x,
            int s0,
            float[] w,
            int w0,
            float[] out,
            int o0,
            int span,
            int taps,
            int plane,
            int cin,
            int k,
            long steps) {
        int channelsDone = (int) (steps >>> 32);
        int rowDone = (int) steps;
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = FloatVector.zero(S);
        FloatVector c2 = FloatVector.zero(S);
        FloatVector c3 = FloatVector.zero(S);
        for (int t = 0, off = 0, ci = 0, kx = 0, wi = w0; t < taps; t++, wi += 4) {
            FloatVector x0 = FloatVector.fromArray(S, x, s0 + off);
            c0 = x0.fma(FloatVector.broadcast(S, w[wi]), c0);
            c1 = x0.fma(FloatVector.broadcast(S, w[wi + 1]), c1);
            c2 = x0.fma(FloatVector.broadcast(S, w[wi + 2]), c2);
            c3 = x0.fma(FloatVector.broadcast(S, w[wi + 3]), c3);
            off += plane;
            if (++ci == cin) {
                ci = 0;
                off += channelsDone;
                if (++kx == k) {
                    kx = 0;
                    off += rowDone;
                }
            }
        }
        c0.intoArray(out, o0);
        c1.intoArray(out, o0 + span);
        c2.intoArray(out, o0 + 2 * span);
        c3.intoArray(out, o0 + 3 * span);
    }

    /**
     * As {@link #planes4x2}, with every product rounded before its addition instead of fused: the filters past the
     * last whole vector, summed as the im2col product sums them ({@link VectorTailColumns}). Two vectors of columns,
     * eight independent sums, so that the additions' latency overlaps.
     */
    private static void roundedPlanes4x2(
            float[] x,
            int s0,
            int s1,
            float[] w,
            int w0,
            float[] out,
            int o0,
            int span,
            int taps,
            int plane,
            int cin,
            int k,
            long steps) {
        int channelsDone = (int) (steps >>> 32);
        int rowDone = (int) steps;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        for (int t = 0, off = 0, ci = 0, kx = 0, wi = w0; t < taps; t++, wi += 4) {
            FloatVector x0 = FloatVector.fromArray(S, x, s0 + off);
            FloatVector x1 = FloatVector.fromArray(S, x, s1 + off);
            FloatVector f0 = FloatVector.broadcast(S, w[wi]);
            c00 = c00.add(x0.mul(f0));
            c01 = c01.add(x1.mul(f0));
            FloatVector f1 = FloatVector.broadcast(S, w[wi + 1]);
            c10 = c10.add(x0.mul(f1));
            c11 = c11.add(x1.mul(f1));
            FloatVector f2 = FloatVector.broadcast(S, w[wi + 2]);
            c20 = c20.add(x0.mul(f2));
            c21 = c21.add(x1.mul(f2));
            FloatVector f3 = FloatVector.broadcast(S, w[wi + 3]);
            c30 = c30.add(x0.mul(f3));
            c31 = c31.add(x1.mul(f3));
            off += plane;
            if (++ci == cin) {
                ci = 0;
                off += channelsDone;
                if (++kx == k) {
                    kx = 0;
                    off += rowDone;
                }
            }
        }
        c00.intoArray(out, o0);
        c01.intoArray(out, o0 + L);
        c10.intoArray(out, o0 + span);
        c11.intoArray(out, o0 + span + L);
        c20.intoArray(out, o0 + 2 * span);
        c21.intoArray(out, o0 + 2 * span + L);
        c30.intoArray(out, o0 + 3 * span);
        c31.intoArray(out, o0 + 3 * span + L);
    }

    /** As {@link #roundedPlanes4x2}, four filters × one vector: an image's last vector of columns. */
    private static void roundedPlanes4x1(
            float[] x,
            int s0,
            float[] w,
            int w0,
            float[] out,
            int o0,
            int span,
            int taps,
            int plane,
            int cin,
            int k,
            long steps) {
        int channelsDone = (int) (steps >>> 32);
        int rowDone = (int) steps;
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = FloatVector.zero(S);
        FloatVector c2 = FloatVector.zero(S);
        FloatVector c3 = FloatVector.zero(S);
        for (int t = 0, off = 0, ci = 0, kx = 0, wi = w0; t < taps; t++, wi += 4) {
            FloatVector x0 = FloatVector.fromArray(S, x, s0 + off);
            c0 = c0.add(x0.mul(FloatVector.broadcast(S, w[wi])));
            c1 = c1.add(x0.mul(FloatVector.broadcast(S, w[wi + 1])));
            c2 = c2.add(x0.mul(FloatVector.broadcast(S, w[wi + 2])));
            c3 = c3.add(x0.mul(FloatVector.broadcast(S, w[wi + 3])));
            off += plane;
            if (++ci == cin) {
                ci = 0;
                off += channelsDone;
                if (++kx == k) {
                    kx = 0;
                    off += rowDone;
                }
            }
        }
        c0.intoArray(out, o0);
        c1.intoArray(out, o0 + span);
        c2.intoArray(out, o0 + 2 * span);
        c3.intoArray(out, o0 + 3 * span);
    }
}
