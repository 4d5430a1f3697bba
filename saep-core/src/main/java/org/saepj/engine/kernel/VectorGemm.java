package org.saepj.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The product {@code a·b} in register blocks, and the copying of B into panels that keeps it in L1. Blocks of 4 rows ×
 * 4 vectors (4 × 2, 8 × 1 and 4 × 1 for narrower outputs) keep up to sixteen accumulators in registers so each
 * broadcast feeds four FMAs and each load four. Column strips are the outer loop so a strip of the right matrix stays
 * in cache while every row block passes over it. Given a workspace (a dense layer's), the products at least four
 * vectors wide copy that strip first, in panels of {@link #PANEL_ROWS} rows, each panel's blocks adding to what the
 * panels before left in C: B's rows 512 floats apart fall on a few L1 sets, and a strip thousands of rows deep does
 * not fit L1 at all. Every output keeps its order of additions. Tails narrower than a vector are done by {@link
 * VectorTailColumns}: masked loads and stores are slow on JDK 17.
 *
 * <p>Apart from the other products because these blocks and panels are one design, tuned together; {@link
 * VectorTransposedGemm} reuses the panel depth.
 */
final class VectorGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorGemm() {}

    /**
     * Rows of a copied panel of B (four vectors wide): 128 × four vectors is 32 KB at 512 bits, within L1 beside a's
     * rows and C's. The depth of {@link #gemm}'s panels and the longest strip
     * {@link VectorTransposedGemm#gemmTransposedA} copies.
     */
    static final int PANEL_ROWS = 128;
    /** Row blocks that share a packed panel: below this the copy costs more than the reads it saves. */
    static final int PACK_MIN_ROWS = 16;

    static void gemm(float[] a, int ao, float[] b, int bo, float[] c, int co, int m, int k, int n, boolean accumulate) {
        gemm(a, ao, b, bo, c, co, m, k, n, accumulate, null);
    }

    static int gemmWorkspace(int n) {
        int panels = n >= 4 * L ? PANEL_ROWS * 4 * L : 0;
        return n % L != 0 ? Math.max(panels, VectorTailColumns.ROW_BLOCK_WORK) : panels;
    }

    static void gemm(
            float[] a,
            int ao,
            float[] b,
            int bo,
            float[] c,
            int co,
            int m,
            int k,
            int n,
            boolean accumulate,
            float[] work) {
        if (!accumulate) {
            // The blocks always add to c: a branch on the flag inside them deoptimises the compiled kernel when a
            // caller first passes the other value (and the JIT's interim code allocates every vector). Adding to
            // zeros gives the same bits as starting from zero.
            java.util.Arrays.fill(c, co, co + m * n, 0f);
        }
        int nFull = n - n % L;
        int j = 0;
        if (work != null && n >= 4 * L && work.length >= gemmWorkspace(n) && m >= PACK_MIN_ROWS) {
            for (; j + 4 * L <= nFull; j += 4 * L) {
                packedStrip(a, ao, b, bo + j, false, c, co + j, m, k, n, work);
            }
        }
        for (; j + 4 * L <= nFull; j += 4 * L) {
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                gemmBlock4x4(a, ao + i * k, b, bo + j, c, co + i * n + j, k, n);
            }
            for (; i < m; i++) {
                for (int v = 0; v < 4; v++) {
                    gemmRow(a, ao + i * k, b, bo + j + v * L, c, co + i * n + j + v * L, k, n);
                }
            }
        }
        for (; j + 2 * L <= nFull; j += 2 * L) {
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                gemmBlock4x2(a, ao + i * k, b, bo + j, c, co + i * n + j, k, n);
            }
            for (; i < m; i++) {
                gemmRow(a, ao + i * k, b, bo + j, c, co + i * n + j, k, n);
                gemmRow(a, ao + i * k, b, bo + j + L, c, co + i * n + j + L, k, n);
            }
        }
        for (; j < nFull; j += L) {
            int i = 0;
            for (; i + 8 <= m; i += 8) {
                gemmBlock8x1(a, ao + i * k, b, bo + j, c, co + i * n + j, k, n);
            }
            for (; i + 4 <= m; i += 4) {
                gemmBlock4x1(a, ao + i * k, b, bo + j, c, co + i * n + j, k, n);
            }
            for (; i < m; i++) {
                gemmRow(a, ao + i * k, b, bo + j, c, co + i * n + j, k, n);
            }
        }
        if (nFull < n) {
            boolean rowBlocks = VectorTailColumns.ROW_BLOCK_WORK > 0
                    && work != null
                    && work.length >= VectorTailColumns.ROW_BLOCK_WORK;
            if (rowBlocks) {
                VectorTailColumns.gemmRowBlocks(a, ao, b, bo, c, co, m, k, n, nFull, work);
            } else {
                VectorTailColumns.gemm(a, ao, b, bo, c, co, m, k, n, nFull);
            }
        }
    }

    /**
     * One strip of C four vectors wide, {@code k} cut into panels of {@link #PANEL_ROWS} rows of B copied side by
     * side. In B itself a strip's rows lie {@code n} floats apart, and for a power of two such as 512 they fall on a
     * few L1 sets, so a strip of more than a few dozen rows left L1 and every row block read it from L2 again; the
     * copy is contiguous, fits L1 and serves every row block. Each output still sums over p in order: a panel's
     * block adds its products to the sum the previous panels left in C (a float stored and loaded is unchanged).
     */
    private static void packedStrip(
            float[] a,
            int ao,
            float[] b,
            int b0,
            boolean transposed,
            float[] c,
            int c0,
            int m,
            int k,
            int n,
            float[] panel) {
        int w = 4 * L;
        for (int p0 = 0; p0 < k; p0 += PANEL_ROWS) {
            int depth = Math.min(PANEL_ROWS, k - p0);
            if (transposed) {
                // b holds Bᵀ (n × k): the strip's w rows, each read along k, become the panel's columns.
                for (int v = 0; v < w; v++) {
                    int src = b0 + v * k + p0;
                    for (int p = 0; p < depth; p++) {
                        panel[p * w + v] = b[src + p];
                    }
                }
            } else {
                for (int p = 0; p < depth; p++) {
                    System.arraycopy(b, b0 + (p0 + p) * n, panel, p * w, w);
                }
            }
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                packedBlock4x4(a, ao + i * k + p0, k, panel, depth, c, c0 + i * n, n);
            }
            for (; i < m; i++) {
                for (int v = 0; v < 4; v++) {
                    packedRow(a, ao + i * k + p0, panel, v * L, depth, c, c0 + i * n + v * L);
                }
            }
        }
    }

    static void gemmTransposedOperand(
            float[] a, float[] b, int bo, float[] c, int m, int k, int n, float[] work, float[] bt) {
        // Bᵀ is never written: each panel is copied from B's rows, as the packed product would copy it from Bᵀ.
        java.util.Arrays.fill(c, 0, m * n, 0f);
        for (int j = 0; j < n; j += 4 * L) {
            packedStrip(a, 0, b, bo + j * k, true, c, j, m, k, n, work);
        }
    }

    /** {@link #gemmBlock4x4} on a packed panel: rows of a {@code lda} apart, panel rows four vectors apart. */
    private static void packedBlock4x4(float[] a, int a0, int lda, float[] panel, int depth, float[] c, int c0, int n) {
        FloatVector c00 = FloatVector.fromArray(S, c, c0);
        FloatVector c01 = FloatVector.fromArray(S, c, c0 + L);
        FloatVector c02 = FloatVector.fromArray(S, c, c0 + 2 * L);
        FloatVector c03 = FloatVector.fromArray(S, c, c0 + 3 * L);
        FloatVector c10 = FloatVector.fromArray(S, c, c0 + n);
        FloatVector c11 = FloatVector.fromArray(S, c, c0 + n + L);
        FloatVector c12 = FloatVector.fromArray(S, c, c0 + n + 2 * L);
        FloatVector c13 = FloatVector.fromArray(S, c, c0 + n + 3 * L);
        FloatVector c20 = FloatVector.fromArray(S, c, c0 + 2 * n);
        FloatVector c21 = FloatVector.fromArray(S, c, c0 + 2 * n + L);
        FloatVector c22 = FloatVector.fromArray(S, c, c0 + 2 * n + 2 * L);
        FloatVector c23 = FloatVector.fromArray(S, c, c0 + 2 * n + 3 * L);
        FloatVector c30 = FloatVector.fromArray(S, c, c0 + 3 * n);
        FloatVector c31 = FloatVector.fromArray(S, c, c0 + 3 * n + L);
        FloatVector c32 = FloatVector.fromArray(S, c, c0 + 3 * n + 2 * L);
        FloatVector c33 = FloatVector.fromArray(S, c, c0 + 3 * n + 3 * L);
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        for (int p = 0; p < depth; p++) {
            int bp = p * 4 * L;
            FloatVector b0v = FloatVector.fromArray(S, panel, bp);
            FloatVector b1v = FloatVector.fromArray(S, panel, bp + L);
            FloatVector b2v = FloatVector.fromArray(S, panel, bp + 2 * L);
            FloatVector b3v = FloatVector.fromArray(S, panel, bp + 3 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + p]);
            c00 = b0v.fma(x0, c00);
            c01 = b1v.fma(x0, c01);
            c02 = b2v.fma(x0, c02);
            c03 = b3v.fma(x0, c03);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + p]);
            c10 = b0v.fma(x1, c10);
            c11 = b1v.fma(x1, c11);
            c12 = b2v.fma(x1, c12);
            c13 = b3v.fma(x1, c13);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + p]);
            c20 = b0v.fma(x2, c20);
            c21 = b1v.fma(x2, c21);
            c22 = b2v.fma(x2, c22);
            c23 = b3v.fma(x2, c23);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + p]);
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

    /** One row × one vector of a packed panel, for the rows left over by the four-row blocks. */
    private static void packedRow(float[] a, int ai, float[] panel, int v0, int depth, float[] c, int ci) {
        FloatVector sum = FloatVector.fromArray(S, c, ci);
        for (int p = 0; p < depth; p++) {
            sum = FloatVector.fromArray(S, panel, p * 4 * L + v0).fma(FloatVector.broadcast(S, a[ai + p]), sum);
        }
        sum.intoArray(c, ci);
    }

    /**
     * Four rows × four vectors: sixteen accumulators, so each broadcast feeds four FMAs and each load of the right
     * matrix four; for outputs at least four vectors wide (the convolutions' filters, wide dense layers). Every
     * output sums over p in order, as the narrower blocks do, so the results are the same.
     */
    private static void gemmBlock4x4(float[] a, int a0, float[] b, int b0, float[] c, int c0, int k, int n) {
        FloatVector c00 = FloatVector.fromArray(S, c, c0);
        FloatVector c01 = FloatVector.fromArray(S, c, c0 + L);
        FloatVector c02 = FloatVector.fromArray(S, c, c0 + 2 * L);
        FloatVector c03 = FloatVector.fromArray(S, c, c0 + 3 * L);
        FloatVector c10 = FloatVector.fromArray(S, c, c0 + n);
        FloatVector c11 = FloatVector.fromArray(S, c, c0 + n + L);
        FloatVector c12 = FloatVector.fromArray(S, c, c0 + n + 2 * L);
        FloatVector c13 = FloatVector.fromArray(S, c, c0 + n + 3 * L);
        FloatVector c20 = FloatVector.fromArray(S, c, c0 + 2 * n);
        FloatVector c21 = FloatVector.fromArray(S, c, c0 + 2 * n + L);
        FloatVector c22 = FloatVector.fromArray(S, c, c0 + 2 * n + 2 * L);
        FloatVector c23 = FloatVector.fromArray(S, c, c0 + 2 * n + 3 * L);
        FloatVector c30 = FloatVector.fromArray(S, c, c0 + 3 * n);
        FloatVector c31 = FloatVector.fromArray(S, c, c0 + 3 * n + L);
        FloatVector c32 = FloatVector.fromArray(S, c, c0 + 3 * n + 2 * L);
        FloatVector c33 = FloatVector.fromArray(S, c, c0 + 3 * n + 3 * L);
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * n;
            FloatVector b0v = FloatVector.fromArray(S, b, bp);
            FloatVector b1v = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2v = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3v = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + p]);
            c00 = b0v.fma(x0, c00);
            c01 = b1v.fma(x0, c01);
            c02 = b2v.fma(x0, c02);
            c03 = b3v.fma(x0, c03);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + p]);
            c10 = b0v.fma(x1, c10);
            c11 = b1v.fma(x1, c11);
            c12 = b2v.fma(x1, c12);
            c13 = b3v.fma(x1, c13);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + p]);
            c20 = b0v.fma(x2, c20);
            c21 = b1v.fma(x2, c21);
            c22 = b2v.fma(x2, c22);
            c23 = b3v.fma(x2, c23);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + p]);
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

    private static void gemmBlock4x2(float[] a, int a0, float[] b, int b0, float[] c, int c0, int k, int n) {
        FloatVector c00 = FloatVector.fromArray(S, c, c0);
        FloatVector c01 = FloatVector.fromArray(S, c, c0 + L);
        FloatVector c10 = FloatVector.fromArray(S, c, c0 + n);
        FloatVector c11 = FloatVector.fromArray(S, c, c0 + n + L);
        FloatVector c20 = FloatVector.fromArray(S, c, c0 + 2 * n);
        FloatVector c21 = FloatVector.fromArray(S, c, c0 + 2 * n + L);
        FloatVector c30 = FloatVector.fromArray(S, c, c0 + 3 * n);
        FloatVector c31 = FloatVector.fromArray(S, c, c0 + 3 * n + L);
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * n;
            FloatVector b0v = FloatVector.fromArray(S, b, bp);
            FloatVector b1v = FloatVector.fromArray(S, b, bp + L);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + p]);
            c00 = b0v.fma(x0, c00);
            c01 = b1v.fma(x0, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + p]);
            c10 = b0v.fma(x1, c10);
            c11 = b1v.fma(x1, c11);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + p]);
            c20 = b0v.fma(x2, c20);
            c21 = b1v.fma(x2, c21);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + p]);
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

    /**
     * Eight rows × one vector: for outputs one vector wide (a convolution of 16 filters at 512 bits), where four rows
     * leave the FMA units waiting on four dependent chains; eight independent sums hide the FMA latency and each load
     * of b feeds eight FMAs. Every output sums over p in order, so the results are those of the four-row block.
     */
    private static void gemmBlock8x1(float[] a, int a0, float[] b, int b0, float[] c, int c0, int k, int n) {
        FloatVector c0v = FloatVector.fromArray(S, c, c0);
        FloatVector c1v = FloatVector.fromArray(S, c, c0 + n);
        FloatVector c2v = FloatVector.fromArray(S, c, c0 + 2 * n);
        FloatVector c3v = FloatVector.fromArray(S, c, c0 + 3 * n);
        FloatVector c4v = FloatVector.fromArray(S, c, c0 + 4 * n);
        FloatVector c5v = FloatVector.fromArray(S, c, c0 + 5 * n);
        FloatVector c6v = FloatVector.fromArray(S, c, c0 + 6 * n);
        FloatVector c7v = FloatVector.fromArray(S, c, c0 + 7 * n);
        for (int p = 0; p < k; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, b0 + p * n);
            c0v = bv.fma(FloatVector.broadcast(S, a[a0 + p]), c0v);
            c1v = bv.fma(FloatVector.broadcast(S, a[a0 + k + p]), c1v);
            c2v = bv.fma(FloatVector.broadcast(S, a[a0 + 2 * k + p]), c2v);
            c3v = bv.fma(FloatVector.broadcast(S, a[a0 + 3 * k + p]), c3v);
            c4v = bv.fma(FloatVector.broadcast(S, a[a0 + 4 * k + p]), c4v);
            c5v = bv.fma(FloatVector.broadcast(S, a[a0 + 5 * k + p]), c5v);
            c6v = bv.fma(FloatVector.broadcast(S, a[a0 + 6 * k + p]), c6v);
            c7v = bv.fma(FloatVector.broadcast(S, a[a0 + 7 * k + p]), c7v);
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

    private static void gemmBlock4x1(float[] a, int a0, float[] b, int b0, float[] c, int c0, int k, int n) {
        FloatVector c0v = FloatVector.fromArray(S, c, c0);
        FloatVector c1v = FloatVector.fromArray(S, c, c0 + n);
        FloatVector c2v = FloatVector.fromArray(S, c, c0 + 2 * n);
        FloatVector c3v = FloatVector.fromArray(S, c, c0 + 3 * n);
        for (int p = 0; p < k; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, b0 + p * n);
            c0v = bv.fma(FloatVector.broadcast(S, a[a0 + p]), c0v);
            c1v = bv.fma(FloatVector.broadcast(S, a[a0 + k + p]), c1v);
            c2v = bv.fma(FloatVector.broadcast(S, a[a0 + 2 * k + p]), c2v);
            c3v = bv.fma(FloatVector.broadcast(S, a[a0 + 3 * k + p]), c3v);
        }
        c0v.intoArray(c, c0);
        c1v.intoArray(c, c0 + n);
        c2v.intoArray(c, c0 + 2 * n);
        c3v.intoArray(c, c0 + 3 * n);
    }

    private static void gemmRow(float[] a, int ai, float[] b, int b0, float[] c, int ci, int k, int n) {
        FloatVector sum = FloatVector.fromArray(S, c, ci);
        for (int p = 0; p < k; p++) {
            sum = FloatVector.fromArray(S, b, b0 + p * n).fma(FloatVector.broadcast(S, a[ai + p]), sum);
        }
        sum.intoArray(c, ci);
    }

    static boolean prefersDotProducts(int n) {
        return n < L;
    }
}
