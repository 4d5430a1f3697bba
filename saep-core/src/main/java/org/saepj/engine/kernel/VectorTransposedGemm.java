package org.saepj.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The products with a transposed operand: the weight gradient {@code aᵀ·b}, whose sums are only as long as the batch
 * and so use 5 × 4 blocks where they can (each load feeding five FMAs, a block's fixed cost spread over more of them),
 * with a strip of b copied whole when its rows would crowd a few L1 sets; and {@code a·bᵀ}, dot products of rows.
 *
 * <p>Apart from {@link VectorGemm} because their loops run over the other index: the blocks sum down columns of a
 * rather than along its rows, and share only the panel depth with it.
 */
final class VectorTransposedGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorTransposedGemm() {}

    /** Output rows that must share a copied strip for the copy to pay (a 10-class head's gradient has ten). */
    private static final int PACKED_STRIP_USES = 32;

    static void gemmTransposedA(float[] a, float[] b, int bo, float[] c, int co, int m, int k, int n) {
        gemmTransposedA(a, b, bo, c, co, m, k, n, null);
    }

    static void gemmTransposedA(float[] a, float[] b, int bo, float[] c, int co, int m, int k, int n, float[] work) {
        int nFull = n - n % L;
        int j = 0;
        // Five output rows at a time where the rest still splits into blocks of four (k = 32: 4 × 5 + 3 × 4; 784:
        // 156 × 5 + 4); every output keeps its order of additions whichever block computes it.
        int fives = k / 5;
        while (fives > 0 && fives % 4 != k % 4) {
            fives--;
        }
        // A strip of b four vectors wide is read once per block of output rows; where its rows lie n apart (n
        // wider than the strip) they crowd a few L1 sets, so a strip short enough is first copied side by side.
        boolean packed = work != null
                && n > 4 * L
                && m <= VectorGemm.PANEL_ROWS
                && k >= PACKED_STRIP_USES
                && work.length >= m * 4 * L;
        float[] strip = packed ? work : b;
        int ldb = packed ? 4 * L : n;
        for (; j + 4 * L <= nFull; j += 4 * L) {
            int s0 = bo + j;
            if (packed) {
                for (int i = 0; i < m; i++) {
                    System.arraycopy(b, bo + i * n + j, strip, i * 4 * L, 4 * L);
                }
                s0 = 0;
            }
            int p = 0;
            for (; p < 5 * fives; p += 5) {
                transposedABlock5x4(a, strip, s0, ldb, c, co + p * n + j, p, m, k, n);
            }
            for (; p + 4 <= k; p += 4) {
                transposedABlock4x4(a, strip, s0, ldb, c, co + p * n + j, p, m, k, n);
            }
            for (; p < k; p++) {
                for (int v = 0; v < 4; v++) {
                    transposedARow(a, strip, s0 + v * L, ldb, c, co + p * n + j + v * L, p, m, k);
                }
            }
        }
        for (; j + 2 * L <= nFull; j += 2 * L) {
            int p = 0;
            for (; p + 4 <= k; p += 4) {
                transposedABlock4x2(a, b, bo + j, c, co + p * n + j, p, m, k, n);
            }
            for (; p < k; p++) {
                transposedARow(a, b, bo + j, c, co + p * n + j, p, m, k, n);
                transposedARow(a, b, bo + j + L, c, co + p * n + j + L, p, m, k, n);
            }
        }
        for (; j < nFull; j += L) {
            int p = 0;
            for (; p + 8 <= k; p += 8) {
                transposedABlock8x1(a, b, bo + j, c, co + p * n + j, p, m, k, n);
            }
            for (; p + 4 <= k; p += 4) {
                transposedABlock4x1(a, b, bo + j, c, co + p * n + j, p, m, k, n);
            }
            for (; p < k; p++) {
                transposedARow(a, b, bo + j, c, co + p * n + j, p, m, k, n);
            }
        }
        if (nFull < n) {
            VectorTailColumns.gemmTransposedA(a, b, bo, c, co, m, k, n, nFull);
        }
    }

    /** As {@link VectorGemm#gemmBlock4x4}, for {@code aᵀ·b}: four output rows (columns of a) × four vectors. */
    private static void transposedABlock4x4(
            float[] a, float[] b, int b0, int ldb, float[] c, int c0, int p, int m, int k, int n) {
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
        for (int i = 0; i < m; i++) {
            int bi = b0 + i * ldb;
            FloatVector b0v = FloatVector.fromArray(S, b, bi);
            FloatVector b1v = FloatVector.fromArray(S, b, bi + L);
            FloatVector b2v = FloatVector.fromArray(S, b, bi + 2 * L);
            FloatVector b3v = FloatVector.fromArray(S, b, bi + 3 * L);
            int ai = i * k + p;
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = b0v.fma(x0, c00);
            c01 = b1v.fma(x0, c01);
            c02 = b2v.fma(x0, c02);
            c03 = b3v.fma(x0, c03);
            FloatVector x1 = FloatVector.broadcast(S, a[ai + 1]);
            c10 = b0v.fma(x1, c10);
            c11 = b1v.fma(x1, c11);
            c12 = b2v.fma(x1, c12);
            c13 = b3v.fma(x1, c13);
            FloatVector x2 = FloatVector.broadcast(S, a[ai + 2]);
            c20 = b0v.fma(x2, c20);
            c21 = b1v.fma(x2, c21);
            c22 = b2v.fma(x2, c22);
            c23 = b3v.fma(x2, c23);
            FloatVector x3 = FloatVector.broadcast(S, a[ai + 3]);
            c30 = b0v.fma(x3, c30);
            c31 = b1v.fma(x3, c31);
            c32 = b2v.fma(x3, c32);
            c33 = b3v.fma(x3, c33);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + L);
        c02.intoArray(c, c0 + 2 * L);
        c03.intoArray(c, c0 + 3 * L);
        c10.intoArray(c, c0 + n);
        c11.intoArray(c, c0 + n + L);
        c12.intoArray(c, c0 + n + 2 * L);
        c13.intoArray(c, c0 + n + 3 * L);
        c20.intoArray(c, c0 + 2 * n);
        c21.intoArray(c, c0 + 2 * n + L);
        c22.intoArray(c, c0 + 2 * n + 2 * L);
        c23.intoArray(c, c0 + 2 * n + 3 * L);
        c30.intoArray(c, c0 + 3 * n);
        c31.intoArray(c, c0 + 3 * n + L);
        c32.intoArray(c, c0 + 3 * n + 2 * L);
        c33.intoArray(c, c0 + 3 * n + 3 * L);
    }

    /**
     * As {@link #transposedABlock4x4}, five output rows × four
     * vectors: twenty accumulators, each load of b feeding five FMAs.
     */
    private static void transposedABlock5x4(
            float[] a, float[] b, int b0, int ldb, float[] c, int c0, int p, int m, int k, int n) {
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
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c41 = FloatVector.zero(S);
        FloatVector c42 = FloatVector.zero(S);
        FloatVector c43 = FloatVector.zero(S);
        for (int i = 0; i < m; i++) {
            int bi = b0 + i * ldb;
            FloatVector b0v = FloatVector.fromArray(S, b, bi);
            FloatVector b1v = FloatVector.fromArray(S, b, bi + L);
            FloatVector b2v = FloatVector.fromArray(S, b, bi + 2 * L);
            FloatVector b3v = FloatVector.fromArray(S, b, bi + 3 * L);
            int ai = i * k + p;
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = b0v.fma(x0, c00);
            c01 = b1v.fma(x0, c01);
            c02 = b2v.fma(x0, c02);
            c03 = b3v.fma(x0, c03);
            FloatVector x1 = FloatVector.broadcast(S, a[ai + 1]);
            c10 = b0v.fma(x1, c10);
            c11 = b1v.fma(x1, c11);
            c12 = b2v.fma(x1, c12);
            c13 = b3v.fma(x1, c13);
            FloatVector x2 = FloatVector.broadcast(S, a[ai + 2]);
            c20 = b0v.fma(x2, c20);
            c21 = b1v.fma(x2, c21);
            c22 = b2v.fma(x2, c22);
            c23 = b3v.fma(x2, c23);
            FloatVector x3 = FloatVector.broadcast(S, a[ai + 3]);
            c30 = b0v.fma(x3, c30);
            c31 = b1v.fma(x3, c31);
            c32 = b2v.fma(x3, c32);
            c33 = b3v.fma(x3, c33);
            FloatVector x4 = FloatVector.broadcast(S, a[ai + 4]);
            c40 = b0v.fma(x4, c40);
            c41 = b1v.fma(x4, c41);
            c42 = b2v.fma(x4, c42);
            c43 = b3v.fma(x4, c43);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + L);
        c02.intoArray(c, c0 + 2 * L);
        c03.intoArray(c, c0 + 3 * L);
        c10.intoArray(c, c0 + n);
        c11.intoArray(c, c0 + n + L);
        c12.intoArray(c, c0 + n + 2 * L);
        c13.intoArray(c, c0 + n + 3 * L);
        c20.intoArray(c, c0 + 2 * n);
        c21.intoArray(c, c0 + 2 * n + L);
        c22.intoArray(c, c0 + 2 * n + 2 * L);
        c23.intoArray(c, c0 + 2 * n + 3 * L);
        c30.intoArray(c, c0 + 3 * n);
        c31.intoArray(c, c0 + 3 * n + L);
        c32.intoArray(c, c0 + 3 * n + 2 * L);
        c33.intoArray(c, c0 + 3 * n + 3 * L);
        c40.intoArray(c, c0 + 4 * n);
        c41.intoArray(c, c0 + 4 * n + L);
        c42.intoArray(c, c0 + 4 * n + 2 * L);
        c43.intoArray(c, c0 + 4 * n + 3 * L);
    }

    private static void transposedABlock4x2(
            float[] a, float[] b, int b0, float[] c, int c0, int p, int m, int k, int n) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        for (int i = 0; i < m; i++) {
            int bi = b0 + i * n;
            FloatVector b0v = FloatVector.fromArray(S, b, bi);
            FloatVector b1v = FloatVector.fromArray(S, b, bi + L);
            int ai = i * k + p;
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = b0v.fma(x0, c00);
            c01 = b1v.fma(x0, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[ai + 1]);
            c10 = b0v.fma(x1, c10);
            c11 = b1v.fma(x1, c11);
            FloatVector x2 = FloatVector.broadcast(S, a[ai + 2]);
            c20 = b0v.fma(x2, c20);
            c21 = b1v.fma(x2, c21);
            FloatVector x3 = FloatVector.broadcast(S, a[ai + 3]);
            c30 = b0v.fma(x3, c30);
            c31 = b1v.fma(x3, c31);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + L);
        c10.intoArray(c, c0 + n);
        c11.intoArray(c, c0 + n + L);
        c20.intoArray(c, c0 + 2 * n);
        c21.intoArray(c, c0 + 2 * n + L);
        c30.intoArray(c, c0 + 3 * n);
        c31.intoArray(c, c0 + 3 * n + L);
    }

    /** As {@link VectorGemm#gemmBlock8x1}, for {@code aᵀ·b}: eight output rows (columns of a) × one vector. */
    private static void transposedABlock8x1(
            float[] a, float[] b, int b0, float[] c, int c0, int p, int m, int k, int n) {
        FloatVector c0v = FloatVector.zero(S);
        FloatVector c1v = FloatVector.zero(S);
        FloatVector c2v = FloatVector.zero(S);
        FloatVector c3v = FloatVector.zero(S);
        FloatVector c4v = FloatVector.zero(S);
        FloatVector c5v = FloatVector.zero(S);
        FloatVector c6v = FloatVector.zero(S);
        FloatVector c7v = FloatVector.zero(S);
        for (int i = 0; i < m; i++) {
            FloatVector bv = FloatVector.fromArray(S, b, b0 + i * n);
            int ai = i * k + p;
            c0v = bv.fma(FloatVector.broadcast(S, a[ai]), c0v);
            c1v = bv.fma(FloatVector.broadcast(S, a[ai + 1]), c1v);
            c2v = bv.fma(FloatVector.broadcast(S, a[ai + 2]), c2v);
            c3v = bv.fma(FloatVector.broadcast(S, a[ai + 3]), c3v);
            c4v = bv.fma(FloatVector.broadcast(S, a[ai + 4]), c4v);
            c5v = bv.fma(FloatVector.broadcast(S, a[ai + 5]), c5v);
            c6v = bv.fma(FloatVector.broadcast(S, a[ai + 6]), c6v);
            c7v = bv.fma(FloatVector.broadcast(S, a[ai + 7]), c7v);
        }
        c0v.intoArray(c, c0);
        c1v.intoArray(c, c0 + n);
        c2v.intoArray(c, c0 + 2 * n);
        c3v.intoArray(c, c0 + 3 * n);
        c4v.intoArray(c, c0 + 4 * n);
        c5v.intoArray(c, c0 + 5 * n);
        c6v.intoArray(c, c0 + 6 * n);
        c7v.intoArray(c, c0 + 7 * n);
    }

    private static void transposedABlock4x1(
            float[] a, float[] b, int b0, float[] c, int c0, int p, int m, int k, int n) {
        FloatVector c0v = FloatVector.zero(S);
        FloatVector c1v = FloatVector.zero(S);
        FloatVector c2v = FloatVector.zero(S);
        FloatVector c3v = FloatVector.zero(S);
        for (int i = 0; i < m; i++) {
            FloatVector bv = FloatVector.fromArray(S, b, b0 + i * n);
            int ai = i * k + p;
            c0v = bv.fma(FloatVector.broadcast(S, a[ai]), c0v);
            c1v = bv.fma(FloatVector.broadcast(S, a[ai + 1]), c1v);
            c2v = bv.fma(FloatVector.broadcast(S, a[ai + 2]), c2v);
            c3v = bv.fma(FloatVector.broadcast(S, a[ai + 3]), c3v);
        }
        c0v.intoArray(c, c0);
        c1v.intoArray(c, c0 + n);
        c2v.intoArray(c, c0 + 2 * n);
        c3v.intoArray(c, c0 + 3 * n);
    }

    private static void transposedARow(float[] a, float[] b, int b0, float[] c, int ci, int p, int m, int k, int n) {
        transposedARow(a, b, b0, n, c, ci, p, m, k);
    }

    private static void transposedARow(float[] a, float[] b, int b0, int ldb, float[] c, int ci, int p, int m, int k) {
        FloatVector sum = FloatVector.zero(S);
        for (int i = 0; i < m; i++) {
            sum = FloatVector.fromArray(S, b, b0 + i * ldb).fma(FloatVector.broadcast(S, a[i * k + p]), sum);
        }
        sum.intoArray(c, ci);
    }

    static void gemmTransposedB(float[] a, float[] b, float[] c, int m, int k, int n) {
        int kFull = k - k % L;
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int a0 = i * k;
            for (int j = 0; j < n; j++) {
                int bj = j * k;
                FloatVector s0 = FloatVector.zero(S);
                FloatVector s1 = FloatVector.zero(S);
                FloatVector s2 = FloatVector.zero(S);
                FloatVector s3 = FloatVector.zero(S);
                for (int p = 0; p < kFull; p += L) {
                    FloatVector bv = FloatVector.fromArray(S, b, bj + p);
                    s0 = FloatVector.fromArray(S, a, a0 + p).fma(bv, s0);
                    s1 = FloatVector.fromArray(S, a, a0 + k + p).fma(bv, s1);
                    s2 = FloatVector.fromArray(S, a, a0 + 2 * k + p).fma(bv, s2);
                    s3 = FloatVector.fromArray(S, a, a0 + 3 * k + p).fma(bv, s3);
                }
                float r0 = s0.reduceLanes(VectorOperators.ADD);
                float r1 = s1.reduceLanes(VectorOperators.ADD);
                float r2 = s2.reduceLanes(VectorOperators.ADD);
                float r3 = s3.reduceLanes(VectorOperators.ADD);
                for (int p = kFull; p < k; p++) {
                    float bv = b[bj + p];
                    r0 += a[a0 + p] * bv;
                    r1 += a[a0 + k + p] * bv;
                    r2 += a[a0 + 2 * k + p] * bv;
                    r3 += a[a0 + 3 * k + p] * bv;
                }
                c[i * n + j] = r0;
                c[(i + 1) * n + j] = r1;
                c[(i + 2) * n + j] = r2;
                c[(i + 3) * n + j] = r3;
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < n; j++) {
                FloatVector s = FloatVector.zero(S);
                for (int p = 0; p < kFull; p += L) {
                    s = FloatVector.fromArray(S, a, i * k + p).fma(FloatVector.fromArray(S, b, j * k + p), s);
                }
                float r = s.reduceLanes(VectorOperators.ADD);
                for (int p = kFull; p < k; p++) {
                    r += a[i * k + p] * b[j * k + p];
                }
                c[i * n + j] = r;
            }
        }
    }
}
