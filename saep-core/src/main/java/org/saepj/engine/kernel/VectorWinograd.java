package org.saepj.engine.kernel;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Winograd}'s F(2×2, 3×3) with vectors along the channels: every lane busy (the channels are multiples of 16),
 * the transforms a vector of channels at a time, and each position's product in blocks of seven tiles × two vectors
 * of filters (fourteen sums; per input channel two loads and seven broadcasts for fourteen FMAs), with an odd number
 * of vectors the last three in blocks of seven tiles × three (48 filters at 512 bits: 21 sums, three loads and seven
 * broadcasts for 21 FMAs), then four × three, or seven × one where one vector is all there is; the kernel gradient's
 * products in blocks of eight input channels × three vectors of filters where there are three (24 sums), else eight ×
 * two and one. The operations and their order are {@link Winograd#convolve}'s and {@link
 * Winograd#kernelGradient}'s, lane by lane, whatever the blocks, so the bits are the scalar forms'.
 *
 * <p>The blocks of 21 and 24 sums are written out whole, loads and stores included: a helper call C2 does not inline
 * (its inlining budget is spent on blocks this size) takes vectors as objects, and the block ran eight times slower.
 */
final class VectorWinograd {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorWinograd() {}

    static void convolve(
            float[] x, int xo, int h, int w, int cin, float[] filters, int cout, float[] y, int yo, float[] work) {
        int tw = w / 2;
        int tiles = (h / 2) * tw;
        int products = Winograd.POSITIONS * tiles * cin;
        transformInput(x, xo, w, cin, tiles, tw, work);
        for (int p = 0; p < Winograd.POSITIONS; p++) {
            multiply(
                    work,
                    p * tiles * cin,
                    tiles,
                    cin,
                    filters,
                    p * cin * cout,
                    cout,
                    work,
                    products + p * tiles * cout);
        }
        transformOutput(work, products, tiles, tw, w, cout, y, yo);
    }

    /** {@code Bᵀ d B} of every window, down the columns into the workspace, then along its rows in place. */
    private static void transformInput(float[] x, int xo, int w, int cin, int tiles, int tw, float[] v) {
        int rowStride = (w + 2) * cin;
        int vp = tiles * cin;
        for (int t = 0; t < tiles; t++) {
            int base = xo + (2 * (t / tw) * (w + 2) + 2 * (t % tw)) * cin;
            for (int c = 0; c < cin; c += L) {
                int o = t * cin + c;
                for (int j = 0; j < 4; j++) {
                    int at = base + j * cin + c;
                    FloatVector d0 = FloatVector.fromArray(S, x, at);
                    FloatVector d1 = FloatVector.fromArray(S, x, at + rowStride);
                    FloatVector d2 = FloatVector.fromArray(S, x, at + 2 * rowStride);
                    FloatVector d3 = FloatVector.fromArray(S, x, at + 3 * rowStride);
                    d0.sub(d2).intoArray(v, j * vp + o);
                    d1.add(d2).intoArray(v, (4 + j) * vp + o);
                    d2.sub(d1).intoArray(v, (8 + j) * vp + o);
                    d1.sub(d3).intoArray(v, (12 + j) * vp + o);
                }
                for (int i = 0; i < 4; i++) {
                    int at = 4 * i * vp + o;
                    FloatVector r0 = FloatVector.fromArray(S, v, at);
                    FloatVector r1 = FloatVector.fromArray(S, v, at + vp);
                    FloatVector r2 = FloatVector.fromArray(S, v, at + 2 * vp);
                    FloatVector r3 = FloatVector.fromArray(S, v, at + 3 * vp);
                    r0.sub(r2).intoArray(v, at);
                    r1.add(r2).intoArray(v, at + vp);
                    r2.sub(r1).intoArray(v, at + 2 * vp);
                    r1.sub(r3).intoArray(v, at + 3 * vp);
                }
            }
        }
    }

    /** {@code Aᵀ M A} of every tile, down the columns in place, then along the rows into y. */
    private static void transformOutput(float[] m, int mo, int tiles, int tw, int w, int cout, float[] y, int yo) {
        int mp = tiles * cout;
        for (int t = 0; t < tiles; t++) {
            int out = yo + (2 * (t / tw) * w + 2 * (t % tw)) * cout;
            for (int c = 0; c < cout; c += L) {
                int o = mo + t * cout + c;
                for (int j = 0; j < 4; j++) {
                    int at = o + j * mp;
                    FloatVector m0 = FloatVector.fromArray(S, m, at);
                    FloatVector m1 = FloatVector.fromArray(S, m, at + 4 * mp);
                    FloatVector m2 = FloatVector.fromArray(S, m, at + 8 * mp);
                    FloatVector m3 = FloatVector.fromArray(S, m, at + 12 * mp);
                    m0.add(m1).add(m2).intoArray(m, at);
                    m1.sub(m2).sub(m3).intoArray(m, at + 4 * mp);
                }
                for (int i = 0; i < 2; i++) {
                    int at = o + 4 * i * mp;
                    FloatVector s0 = FloatVector.fromArray(S, m, at);
                    FloatVector s1 = FloatVector.fromArray(S, m, at + mp);
                    FloatVector s2 = FloatVector.fromArray(S, m, at + 2 * mp);
                    FloatVector s3 = FloatVector.fromArray(S, m, at + 3 * mp);
                    s0.add(s1).add(s2).intoArray(y, out + i * w * cout + c);
                    s1.sub(s2).sub(s3).intoArray(y, out + (i * w + 1) * cout + c);
                }
            }
        }
    }

    /**
     * {@code c[rows × n] = a[rows × k] · b[k × n]} (all row-major, n in whole vectors), each sum from zero over k in
     * order: blocks of seven rows × two vectors, then single rows; an odd number of vectors ends in blocks of four
     * rows × three vectors (48 filters: 3 loads and 4 broadcasts for 12 multiply-adds, where seven rows × one vector
     * took 1 and 7 for 7), or, with one vector, seven rows × one.
     */
    private static void multiply(float[] a, int ao, int rows, int k, float[] b, int bo, int n, float[] c, int co) {
        int vectors = n / L;
        int tail = vectors % 2 == 0 ? 0 : vectors >= 3 ? 3 * L : L;
        int paired = n - tail;
        int r = 0;
        for (; r + 7 <= rows; r += 7) {
            for (int v = 0; v < paired; v += 2 * L) {
                block7x2(a, ao + r * k, k, 1, k, b, bo + v, n, c, co + r * n + v, true);
            }
            if (tail == L) {
                block7x1(a, ao + r * k, k, 1, k, b, bo + paired, n, c, co + r * n + paired, true);
            }
        }
        int columns = tail == L ? n : paired;
        for (; r < rows; r++) {
            for (int v = 0; v < columns; v += L) {
                block1(a, ao + r * k, 1, k, b, bo + v, n, c, co + r * n + v, true);
            }
        }
        if (tail == 3 * L) {
            int q = 0;
            for (; q + 7 <= rows; q += 7) {
                block7x3(a, ao + q * k, k, b, bo + paired, n, c, co + q * n + paired);
            }
            for (; q + 4 <= rows; q += 4) {
                block4x3(a, ao + q * k, k, b, bo + paired, n, c, co + q * n + paired);
            }
            for (; q < rows; q++) {
                for (int v = paired; v < n; v += L) {
                    block1(a, ao + q * k, 1, k, b, bo + v, n, c, co + q * n + v, true);
                }
            }
        }
    }

    /**
     * Seven rows × three vectors of {@code c = a · b}, each a sum over k from zero in order (21 sums; per term three
     * loads and seven broadcasts for 21 multiply-adds, where four rows took seven for twelve).
     */
    private static void block7x3(float[] a, int ai, int k, float[] b, int bi, int n, float[] c, int ci) {
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0;
        FloatVector b0 = a0, b1 = a0, b2 = a0;
        FloatVector c0 = a0, c1 = a0, c2 = a0;
        FloatVector d0 = a0, d1 = a0, d2 = a0;
        FloatVector e0 = a0, e1 = a0, e2 = a0;
        FloatVector f0 = a0, f1 = a0, f2 = a0;
        FloatVector g0 = a0, g1 = a0, g2 = a0;
        for (int t = 0; t < k; t++, ai++, bi += n) {
            FloatVector w0 = FloatVector.fromArray(S, b, bi);
            FloatVector w1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector w2 = FloatVector.fromArray(S, b, bi + 2 * L);
            FloatVector s = FloatVector.broadcast(S, a[ai]);
            a0 = w0.fma(s, a0);
            a1 = w1.fma(s, a1);
            a2 = w2.fma(s, a2);
            s = FloatVector.broadcast(S, a[ai + k]);
            b0 = w0.fma(s, b0);
            b1 = w1.fma(s, b1);
            b2 = w2.fma(s, b2);
            s = FloatVector.broadcast(S, a[ai + 2 * k]);
            c0 = w0.fma(s, c0);
            c1 = w1.fma(s, c1);
            c2 = w2.fma(s, c2);
            s = FloatVector.broadcast(S, a[ai + 3 * k]);
            d0 = w0.fma(s, d0);
            d1 = w1.fma(s, d1);
            d2 = w2.fma(s, d2);
            s = FloatVector.broadcast(S, a[ai + 4 * k]);
            e0 = w0.fma(s, e0);
            e1 = w1.fma(s, e1);
            e2 = w2.fma(s, e2);
            s = FloatVector.broadcast(S, a[ai + 5 * k]);
            f0 = w0.fma(s, f0);
            f1 = w1.fma(s, f1);
            f2 = w2.fma(s, f2);
            s = FloatVector.broadcast(S, a[ai + 6 * k]);
            g0 = w0.fma(s, g0);
            g1 = w1.fma(s, g1);
            g2 = w2.fma(s, g2);
        }
        a0.intoArray(c, ci);
        a1.intoArray(c, ci + L);
        a2.intoArray(c, ci + 2 * L);
        b0.intoArray(c, ci + n);
        b1.intoArray(c, ci + n + L);
        b2.intoArray(c, ci + n + 2 * L);
        c0.intoArray(c, ci + 2 * n);
        c1.intoArray(c, ci + 2 * n + L);
        c2.intoArray(c, ci + 2 * n + 2 * L);
        d0.intoArray(c, ci + 3 * n);
        d1.intoArray(c, ci + 3 * n + L);
        d2.intoArray(c, ci + 3 * n + 2 * L);
        e0.intoArray(c, ci + 4 * n);
        e1.intoArray(c, ci + 4 * n + L);
        e2.intoArray(c, ci + 4 * n + 2 * L);
        f0.intoArray(c, ci + 5 * n);
        f1.intoArray(c, ci + 5 * n + L);
        f2.intoArray(c, ci + 5 * n + 2 * L);
        g0.intoArray(c, ci + 6 * n);
        g1.intoArray(c, ci + 6 * n + L);
        g2.intoArray(c, ci + 6 * n + 2 * L);
    }

    /** As {@link #block7x3}, four rows: the tiles past the last seven. */
    private static void block4x3(float[] a, int ai, int k, float[] b, int bi, int n, float[] c, int ci) {
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0;
        FloatVector b0 = a0, b1 = a0, b2 = a0;
        FloatVector c0 = a0, c1 = a0, c2 = a0;
        FloatVector d0 = a0, d1 = a0, d2 = a0;
        for (int t = 0; t < k; t++, ai++, bi += n) {
            FloatVector w0 = FloatVector.fromArray(S, b, bi);
            FloatVector w1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector w2 = FloatVector.fromArray(S, b, bi + 2 * L);
            FloatVector s = FloatVector.broadcast(S, a[ai]);
            a0 = w0.fma(s, a0);
            a1 = w1.fma(s, a1);
            a2 = w2.fma(s, a2);
            s = FloatVector.broadcast(S, a[ai + k]);
            b0 = w0.fma(s, b0);
            b1 = w1.fma(s, b1);
            b2 = w2.fma(s, b2);
            s = FloatVector.broadcast(S, a[ai + 2 * k]);
            c0 = w0.fma(s, c0);
            c1 = w1.fma(s, c1);
            c2 = w2.fma(s, c2);
            s = FloatVector.broadcast(S, a[ai + 3 * k]);
            d0 = w0.fma(s, d0);
            d1 = w1.fma(s, d1);
            d2 = w2.fma(s, d2);
        }
        a0.intoArray(c, ci);
        a1.intoArray(c, ci + L);
        a2.intoArray(c, ci + 2 * L);
        b0.intoArray(c, ci + n);
        b1.intoArray(c, ci + n + L);
        b2.intoArray(c, ci + n + 2 * L);
        c0.intoArray(c, ci + 2 * n);
        c1.intoArray(c, ci + 2 * n + L);
        c2.intoArray(c, ci + 2 * n + 2 * L);
        d0.intoArray(c, ci + 3 * n);
        d1.intoArray(c, ci + 3 * n + L);
        d2.intoArray(c, ci + 3 * n + 2 * L);
    }

    static void kernelGradient(
            float[] x,
            int xo,
            int h,
            int w,
            int cin,
            float[] dy,
            int dyo,
            int cout,
            float[] du,
            boolean first,
            float[] work) {
        int tw = w / 2;
        int tiles = (h / 2) * tw;
        int zo = Winograd.POSITIONS * tiles * cin;
        transformInput(x, xo, w, cin, tiles, tw, work);
        transformGradient(dy, dyo, w, cout, tiles, tw, work, zo);
        for (int p = 0; p < Winograd.POSITIONS; p++) {
            multiplyTransposed(
                    work, p * tiles * cin, tiles, cin, work, zo + p * tiles * cout, cout, du, p * cin * cout, first);
        }
    }

    /** {@code A dY Aᵀ} of every tile's 2×2 block of dy, into {@code z[zo + (p·tiles + t)·cout + co]}. */
    private static void transformGradient(float[] dy, int dyo, int w, int cout, int tiles, int tw, float[] z, int zo) {
        int zp = tiles * cout;
        for (int t = 0; t < tiles; t++) {
            int at = dyo + (2 * (t / tw) * w + 2 * (t % tw)) * cout;
            for (int c = 0; c < cout; c += L) {
                FloatVector a0 = FloatVector.fromArray(S, dy, at + c);
                FloatVector a1 = FloatVector.fromArray(S, dy, at + cout + c);
                FloatVector b0 = FloatVector.fromArray(S, dy, at + w * cout + c);
                FloatVector b1 = FloatVector.fromArray(S, dy, at + (w + 1) * cout + c);
                int o = zo + t * cout + c;
                gradientRow(z, o, zp, a0, a1);
                gradientRow(z, o + 4 * zp, zp, a0.add(b0), a1.add(b1));
                gradientRow(z, o + 8 * zp, zp, a0.sub(b0), a1.sub(b1));
                gradientRow(z, o + 12 * zp, zp, b0.neg(), b1.neg());
            }
        }
    }

    private static void gradientRow(float[] z, int o, int zp, FloatVector a, FloatVector b) {
        a.intoArray(z, o);
        a.add(b).intoArray(z, o + zp);
        a.sub(b).intoArray(z, o + 2 * zp);
        b.neg().intoArray(z, o + 3 * zp);
    }

    /**
     * {@code c[k × n] (+)= aᵀ · b} for a {@code [rows × k]} and b {@code [rows × n]} (row-major, n in whole vectors),
     * each sum over the rows in order, from zero where {@code first} says so, else from c: blocks of seven of k × two
     * vectors, then one vector, then single rows of c.
     */
    private static void multiplyTransposed(
            float[] a, int ao, int rows, int k, float[] b, int bo, int n, float[] c, int co, boolean first) {
        // Three vectors of filters (48 on 512-bit vectors): eight rows × three, 3 loads and 8 broadcasts for 24
        // multiply-adds (four rows × three, 7 for 12, ran 1.15-1.2 times slower; eight × two and one, 19 for 24,
        // slower still). The channels are whole vectors, so eight divide them. Its sums continue from c: a first
        // image's start from zeros written first.
        if (n == 3 * L && k % 8 == 0) {
            if (first) {
                Arrays.fill(c, co, co + k * n, 0f);
            }
            for (int i = 0; i < k; i += 8) {
                block8x3(a, ao + i, k, rows, b, bo, n, c, co + i * n);
            }
            return;
        }
        // Eight rows of c where they divide k (the input channels, whole vectors): with sevens, 16 or 48 channels left
        // rows to the one-row form, a single chain of dependent multiply-adds.
        if (k % 8 == 0) {
            for (int i = 0; i < k; i += 8) {
                int v = 0;
                for (; v + 2 * L <= n; v += 2 * L) {
                    block8x2(a, ao + i, k, rows, b, bo + v, n, c, co + i * n + v, first);
                }
                for (; v < n; v += L) {
                    block8x1(a, ao + i, k, rows, b, bo + v, n, c, co + i * n + v, first);
                }
            }
            return;
        }
        int i = 0;
        for (; i + 7 <= k; i += 7) {
            int v = 0;
            for (; v + 2 * L <= n; v += 2 * L) {
                block7x2(a, ao + i, 1, k, rows, b, bo + v, n, c, co + i * n + v, first);
            }
            for (; v < n; v += L) {
                block7x1(a, ao + i, 1, k, rows, b, bo + v, n, c, co + i * n + v, first);
            }
        }
        for (; i < k; i++) {
            for (int v = 0; v < n; v += L) {
                block1(a, ao + i, k, rows, b, bo + v, n, c, co + i * n + v, first);
            }
        }
    }

    /**
     * Seven rows × two vectors of {@code c[ci + q·n + …]}, each a sum over {@code steps} terms in order: term t of row
     * q is {@code a[ai + q·across + t·along] · b[bi + t·n + …]}; from zero where {@code first} says so, else from c.
     * With {@code across} the rows' stride of a and {@code along} 1 it is a block of {@code a · b}; with 1 and a's
     * row stride, a block of {@code aᵀ · b}.
     */
    private static void block7x2(
            float[] a,
            int ai,
            int across,
            int along,
            int steps,
            float[] b,
            int bi,
            int n,
            float[] c,
            int ci,
            boolean first) {
        FloatVector a0 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci);
        FloatVector a1 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci + L);
        FloatVector b0 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci + n);
        FloatVector b1 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci + n + L);
        FloatVector c0 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci + 2 * n);
        FloatVector c1 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci + 2 * n + L);
        FloatVector d0 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci + 3 * n);
        FloatVector d1 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci + 3 * n + L);
        FloatVector e0 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci + 4 * n);
        FloatVector e1 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci + 4 * n + L);
        FloatVector f0 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci + 5 * n);
        FloatVector f1 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci + 5 * n + L);
        FloatVector g0 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci + 6 * n);
        FloatVector g1 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci + 6 * n + L);
        for (int t = 0; t < steps; t++, ai += along, bi += n) {
            FloatVector w0 = FloatVector.fromArray(S, b, bi);
            FloatVector w1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector s = FloatVector.broadcast(S, a[ai]);
            a0 = w0.fma(s, a0);
            a1 = w1.fma(s, a1);
            s = FloatVector.broadcast(S, a[ai + across]);
            b0 = w0.fma(s, b0);
            b1 = w1.fma(s, b1);
            s = FloatVector.broadcast(S, a[ai + 2 * across]);
            c0 = w0.fma(s, c0);
            c1 = w1.fma(s, c1);
            s = FloatVector.broadcast(S, a[ai + 3 * across]);
            d0 = w0.fma(s, d0);
            d1 = w1.fma(s, d1);
            s = FloatVector.broadcast(S, a[ai + 4 * across]);
            e0 = w0.fma(s, e0);
            e1 = w1.fma(s, e1);
            s = FloatVector.broadcast(S, a[ai + 5 * across]);
            f0 = w0.fma(s, f0);
            f1 = w1.fma(s, f1);
            s = FloatVector.broadcast(S, a[ai + 6 * across]);
            g0 = w0.fma(s, g0);
            g1 = w1.fma(s, g1);
        }
        a0.intoArray(c, ci);
        a1.intoArray(c, ci + L);
        b0.intoArray(c, ci + n);
        b1.intoArray(c, ci + n + L);
        c0.intoArray(c, ci + 2 * n);
        c1.intoArray(c, ci + 2 * n + L);
        d0.intoArray(c, ci + 3 * n);
        d1.intoArray(c, ci + 3 * n + L);
        e0.intoArray(c, ci + 4 * n);
        e1.intoArray(c, ci + 4 * n + L);
        f0.intoArray(c, ci + 5 * n);
        f1.intoArray(c, ci + 5 * n + L);
        g0.intoArray(c, ci + 6 * n);
        g1.intoArray(c, ci + 6 * n + L);
    }

    /** As {@link #block7x2}, one vector wide. */
    private static void block7x1(
            float[] a,
            int ai,
            int across,
            int along,
            int steps,
            float[] b,
            int bi,
            int n,
            float[] c,
            int ci,
            boolean first) {
        FloatVector a0 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci);
        FloatVector b0 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci + n);
        FloatVector c0 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci + 2 * n);
        FloatVector d0 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci + 3 * n);
        FloatVector e0 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci + 4 * n);
        FloatVector f0 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci + 5 * n);
        FloatVector g0 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci + 6 * n);
        for (int t = 0; t < steps; t++, ai += along, bi += n) {
            FloatVector w0 = FloatVector.fromArray(S, b, bi);
            a0 = w0.fma(FloatVector.broadcast(S, a[ai]), a0);
            b0 = w0.fma(FloatVector.broadcast(S, a[ai + across]), b0);
            c0 = w0.fma(FloatVector.broadcast(S, a[ai + 2 * across]), c0);
            d0 = w0.fma(FloatVector.broadcast(S, a[ai + 3 * across]), d0);
            e0 = w0.fma(FloatVector.broadcast(S, a[ai + 4 * across]), e0);
            f0 = w0.fma(FloatVector.broadcast(S, a[ai + 5 * across]), f0);
            g0 = w0.fma(FloatVector.broadcast(S, a[ai + 6 * across]), g0);
        }
        a0.intoArray(c, ci);
        b0.intoArray(c, ci + n);
        c0.intoArray(c, ci + 2 * n);
        d0.intoArray(c, ci + 3 * n);
        e0.intoArray(c, ci + 4 * n);
        f0.intoArray(c, ci + 5 * n);
        g0.intoArray(c, ci + 6 * n);
    }

    /**
     * Eight rows × two vectors of {@code c (+)= aᵀ · b}: row q of the block is column {@code ai + q} of a (row stride
     * k), each sum over the rows of a and b in order, from zero where {@code first} says so, else from c.
     */
    private static void block8x2(
            float[] a, int ai, int k, int rows, float[] b, int bi, int n, float[] c, int ci, boolean first) {
        FloatVector a0 = start(c, ci, first), a1 = start(c, ci + L, first);
        FloatVector b0 = start(c, ci + n, first), b1 = start(c, ci + n + L, first);
        FloatVector c0 = start(c, ci + 2 * n, first), c1 = start(c, ci + 2 * n + L, first);
        FloatVector d0 = start(c, ci + 3 * n, first), d1 = start(c, ci + 3 * n + L, first);
        FloatVector e0 = start(c, ci + 4 * n, first), e1 = start(c, ci + 4 * n + L, first);
        FloatVector f0 = start(c, ci + 5 * n, first), f1 = start(c, ci + 5 * n + L, first);
        FloatVector g0 = start(c, ci + 6 * n, first), g1 = start(c, ci + 6 * n + L, first);
        FloatVector h0 = start(c, ci + 7 * n, first), h1 = start(c, ci + 7 * n + L, first);
        for (int t = 0; t < rows; t++, ai += k, bi += n) {
            FloatVector w0 = FloatVector.fromArray(S, b, bi);
            FloatVector w1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector s = FloatVector.broadcast(S, a[ai]);
            a0 = w0.fma(s, a0);
            a1 = w1.fma(s, a1);
            s = FloatVector.broadcast(S, a[ai + 1]);
            b0 = w0.fma(s, b0);
            b1 = w1.fma(s, b1);
            s = FloatVector.broadcast(S, a[ai + 2]);
            c0 = w0.fma(s, c0);
            c1 = w1.fma(s, c1);
            s = FloatVector.broadcast(S, a[ai + 3]);
            d0 = w0.fma(s, d0);
            d1 = w1.fma(s, d1);
            s = FloatVector.broadcast(S, a[ai + 4]);
            e0 = w0.fma(s, e0);
            e1 = w1.fma(s, e1);
            s = FloatVector.broadcast(S, a[ai + 5]);
            f0 = w0.fma(s, f0);
            f1 = w1.fma(s, f1);
            s = FloatVector.broadcast(S, a[ai + 6]);
            g0 = w0.fma(s, g0);
            g1 = w1.fma(s, g1);
            s = FloatVector.broadcast(S, a[ai + 7]);
            h0 = w0.fma(s, h0);
            h1 = w1.fma(s, h1);
        }
        a0.intoArray(c, ci);
        a1.intoArray(c, ci + L);
        b0.intoArray(c, ci + n);
        b1.intoArray(c, ci + n + L);
        c0.intoArray(c, ci + 2 * n);
        c1.intoArray(c, ci + 2 * n + L);
        d0.intoArray(c, ci + 3 * n);
        d1.intoArray(c, ci + 3 * n + L);
        e0.intoArray(c, ci + 4 * n);
        e1.intoArray(c, ci + 4 * n + L);
        f0.intoArray(c, ci + 5 * n);
        f1.intoArray(c, ci + 5 * n + L);
        g0.intoArray(c, ci + 6 * n);
        g1.intoArray(c, ci + 6 * n + L);
        h0.intoArray(c, ci + 7 * n);
        h1.intoArray(c, ci + 7 * n + L);
    }

    /** Eight rows × three vectors, as {@link #block8x2}. */
    private static void block8x3(float[] a, int ai, int k, int rows, float[] b, int bi, int n, float[] c, int ci) {
        FloatVector a0 = FloatVector.fromArray(S, c, ci),
                a1 = FloatVector.fromArray(S, c, ci + L),
                a2 = FloatVector.fromArray(S, c, ci + 2 * L);
        FloatVector b0 = FloatVector.fromArray(S, c, ci + n), b1 = FloatVector.fromArray(S, c, ci + n + L);
        FloatVector b2 = FloatVector.fromArray(S, c, ci + n + 2 * L);
        FloatVector c0 = FloatVector.fromArray(S, c, ci + 2 * n), c1 = FloatVector.fromArray(S, c, ci + 2 * n + L);
        FloatVector c2 = FloatVector.fromArray(S, c, ci + 2 * n + 2 * L);
        FloatVector d0 = FloatVector.fromArray(S, c, ci + 3 * n), d1 = FloatVector.fromArray(S, c, ci + 3 * n + L);
        FloatVector d2 = FloatVector.fromArray(S, c, ci + 3 * n + 2 * L);
        FloatVector e0 = FloatVector.fromArray(S, c, ci + 4 * n), e1 = FloatVector.fromArray(S, c, ci + 4 * n + L);
        FloatVector e2 = FloatVector.fromArray(S, c, ci + 4 * n + 2 * L);
        FloatVector f0 = FloatVector.fromArray(S, c, ci + 5 * n), f1 = FloatVector.fromArray(S, c, ci + 5 * n + L);
        FloatVector f2 = FloatVector.fromArray(S, c, ci + 5 * n + 2 * L);
        FloatVector g0 = FloatVector.fromArray(S, c, ci + 6 * n), g1 = FloatVector.fromArray(S, c, ci + 6 * n + L);
        FloatVector g2 = FloatVector.fromArray(S, c, ci + 6 * n + 2 * L);
        FloatVector h0 = FloatVector.fromArray(S, c, ci + 7 * n), h1 = FloatVector.fromArray(S, c, ci + 7 * n + L);
        FloatVector h2 = FloatVector.fromArray(S, c, ci + 7 * n + 2 * L);
        for (int t = 0; t < rows; t++, ai += k, bi += n) {
            FloatVector w0 = FloatVector.fromArray(S, b, bi);
            FloatVector w1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector w2 = FloatVector.fromArray(S, b, bi + 2 * L);
            FloatVector s = FloatVector.broadcast(S, a[ai]);
            a0 = w0.fma(s, a0);
            a1 = w1.fma(s, a1);
            a2 = w2.fma(s, a2);
            s = FloatVector.broadcast(S, a[ai + 1]);
            b0 = w0.fma(s, b0);
            b1 = w1.fma(s, b1);
            b2 = w2.fma(s, b2);
            s = FloatVector.broadcast(S, a[ai + 2]);
            c0 = w0.fma(s, c0);
            c1 = w1.fma(s, c1);
            c2 = w2.fma(s, c2);
            s = FloatVector.broadcast(S, a[ai + 3]);
            d0 = w0.fma(s, d0);
            d1 = w1.fma(s, d1);
            d2 = w2.fma(s, d2);
            s = FloatVector.broadcast(S, a[ai + 4]);
            e0 = w0.fma(s, e0);
            e1 = w1.fma(s, e1);
            e2 = w2.fma(s, e2);
            s = FloatVector.broadcast(S, a[ai + 5]);
            f0 = w0.fma(s, f0);
            f1 = w1.fma(s, f1);
            f2 = w2.fma(s, f2);
            s = FloatVector.broadcast(S, a[ai + 6]);
            g0 = w0.fma(s, g0);
            g1 = w1.fma(s, g1);
            g2 = w2.fma(s, g2);
            s = FloatVector.broadcast(S, a[ai + 7]);
            h0 = w0.fma(s, h0);
            h1 = w1.fma(s, h1);
            h2 = w2.fma(s, h2);
        }
        a0.intoArray(c, ci);
        a1.intoArray(c, ci + L);
        a2.intoArray(c, ci + 2 * L);
        b0.intoArray(c, ci + n);
        b1.intoArray(c, ci + n + L);
        b2.intoArray(c, ci + n + 2 * L);
        c0.intoArray(c, ci + 2 * n);
        c1.intoArray(c, ci + 2 * n + L);
        c2.intoArray(c, ci + 2 * n + 2 * L);
        d0.intoArray(c, ci + 3 * n);
        d1.intoArray(c, ci + 3 * n + L);
        d2.intoArray(c, ci + 3 * n + 2 * L);
        e0.intoArray(c, ci + 4 * n);
        e1.intoArray(c, ci + 4 * n + L);
        e2.intoArray(c, ci + 4 * n + 2 * L);
        f0.intoArray(c, ci + 5 * n);
        f1.intoArray(c, ci + 5 * n + L);
        f2.intoArray(c, ci + 5 * n + 2 * L);
        g0.intoArray(c, ci + 6 * n);
        g1.intoArray(c, ci + 6 * n + L);
        g2.intoArray(c, ci + 6 * n + 2 * L);
        h0.intoArray(c, ci + 7 * n);
        h1.intoArray(c, ci + 7 * n + L);
        h2.intoArray(c, ci + 7 * n + 2 * L);
    }

    /** As {@link #block8x2}, one vector wide. */
    private static void block8x1(
            float[] a, int ai, int k, int rows, float[] b, int bi, int n, float[] c, int ci, boolean first) {
        FloatVector a0 = start(c, ci, first);
        FloatVector b0 = start(c, ci + n, first);
        FloatVector c0 = start(c, ci + 2 * n, first);
        FloatVector d0 = start(c, ci + 3 * n, first);
        FloatVector e0 = start(c, ci + 4 * n, first);
        FloatVector f0 = start(c, ci + 5 * n, first);
        FloatVector g0 = start(c, ci + 6 * n, first);
        FloatVector h0 = start(c, ci + 7 * n, first);
        for (int t = 0; t < rows; t++, ai += k, bi += n) {
            FloatVector w0 = FloatVector.fromArray(S, b, bi);
            a0 = w0.fma(FloatVector.broadcast(S, a[ai]), a0);
            b0 = w0.fma(FloatVector.broadcast(S, a[ai + 1]), b0);
            c0 = w0.fma(FloatVector.broadcast(S, a[ai + 2]), c0);
            d0 = w0.fma(FloatVector.broadcast(S, a[ai + 3]), d0);
            e0 = w0.fma(FloatVector.broadcast(S, a[ai + 4]), e0);
            f0 = w0.fma(FloatVector.broadcast(S, a[ai + 5]), f0);
            g0 = w0.fma(FloatVector.broadcast(S, a[ai + 6]), g0);
            h0 = w0.fma(FloatVector.broadcast(S, a[ai + 7]), h0);
        }
        a0.intoArray(c, ci);
        b0.intoArray(c, ci + n);
        c0.intoArray(c, ci + 2 * n);
        d0.intoArray(c, ci + 3 * n);
        e0.intoArray(c, ci + 4 * n);
        f0.intoArray(c, ci + 5 * n);
        g0.intoArray(c, ci + 6 * n);
        h0.intoArray(c, ci + 7 * n);
    }

    /** @return zero where a sum starts, else the vector of c it continues */
    private static FloatVector start(float[] c, int ci, boolean first) {
        return first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci);
    }

    /** As {@link #block7x2}, one row of one vector. */
    private static void block1(
            float[] a, int ai, int along, int steps, float[] b, int bi, int n, float[] c, int ci, boolean first) {
        FloatVector sum = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci);
        for (int t = 0; t < steps; t++, ai += along, bi += n) {
            sum = FloatVector.fromArray(S, b, bi).fma(FloatVector.broadcast(S, a[ai]), sum);
        }
        sum.intoArray(c, ci);
    }
}
