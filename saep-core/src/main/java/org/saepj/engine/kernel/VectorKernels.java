package org.saepj.engine.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked kernels on {@code jdk.incubator.vector}. Blocks of 4 rows × 4 vectors (4 × 2, 4 × 1 for narrower
 * outputs) keep up to sixteen accumulators in registers so each broadcast feeds four FMAs and each load four; the
 * weight gradient {@code aᵀ·b}, whose sums are only as long as the batch, uses 5 × 4 blocks where it can, so each
 * load feeds five FMAs and a block's fixed cost is spread over more of them. Column strips are the outer loop so a
 * strip of the right matrix stays in cache while every row block passes over it. Given a workspace (a dense layer's),
 * the products at least four vectors wide copy that strip first, in panels of 128 rows for {@code a·b} (each panel's
 * blocks adding to what the panels before left in C) and whole for {@code aᵀ·b}: B's rows 512 floats apart fall on a
 * few L1 sets, and a strip thousands of rows deep does not fit L1 at all. Every output keeps its order of additions.
 *
 * <p>Tails narrower than a vector are done with scalar loops: masked loads and stores are slow on JDK 17.
 * Only loaded when the module is present; see {@link KernelsProvider}.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Doubles in a vector of the float vector's size: a float vector widens into two of these. */
    private static final VectorSpecies<Double> D = VectorSpecies.of(double.class, S.vectorShape());
    /** For shapes the vector forms do not cover (channels not a multiple of the vector length). */
    private static final Kernels SCALAR = new ScalarKernels();
    /**
     * Rows of a copied panel of B (four vectors wide): 128 × four vectors is 32 KB at 512 bits, within L1 beside a's
     * rows and C's. The depth of {@link #gemm}'s panels and the longest strip {@link #gemmTransposedA} copies.
     */
    private static final int PANEL_ROWS = 128;
    /** Row blocks that share a packed panel: below this the copy costs more than the reads it saves. */
    private static final int PACK_MIN_ROWS = 16;
    /** Output rows that must share a copied strip for the copy to pay (a 10-class head's gradient has ten). */
    private static final int PACKED_STRIP_USES = 32;

    @Override
    public void gemm(float[] a, int ao, float[] b, int bo, float[] c, int co, int m, int k, int n, boolean accumulate) {
        gemm(a, ao, b, bo, c, co, m, k, n, accumulate, null);
    }

    @Override
    public int gemmWorkspace(int n) {
        return n >= 4 * L ? PANEL_ROWS * 4 * L : 0;
    }

    @Override
    public void gemm(
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
            scalarColumns(a, ao, b, bo, c, co, m, k, n, nFull);
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

    @Override
    public void gemmTransposedOperand(
            float[] a, float[] b, int bo, float[] c, int m, int k, int n, float[] work, float[] bt) {
        if (work == null || n < 4 * L || work.length < gemmWorkspace(n) || m < PACK_MIN_ROWS || n % (4 * L) != 0) {
            Kernels.super.gemmTransposedOperand(a, b, bo, c, m, k, n, work, bt);
            return;
        }
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

    private static void scalarColumns(
            float[] a, int ao, float[] b, int bo, float[] c, int co, int m, int k, int n, int from) {
        for (int i = 0; i < m; i++) {
            for (int j = from; j < n; j++) {
                float sum = c[co + i * n + j];
                for (int p = 0; p < k; p++) {
                    sum += a[ao + i * k + p] * b[bo + p * n + j];
                }
                c[co + i * n + j] = sum;
            }
        }
    }

    @Override
    public void gemmTransposedA(float[] a, float[] b, int bo, float[] c, int co, int m, int k, int n) {
        gemmTransposedA(a, b, bo, c, co, m, k, n, null);
    }

    @Override
    public void gemmTransposedA(float[] a, float[] b, int bo, float[] c, int co, int m, int k, int n, float[] work) {
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
        boolean packed =
                work != null && n > 4 * L && m <= PANEL_ROWS && k >= PACKED_STRIP_USES && work.length >= m * 4 * L;
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
        for (int p = 0; p < k && nFull < n; p++) {
            for (int jj = nFull; jj < n; jj++) {
                float sum = 0f;
                for (int i = 0; i < m; i++) {
                    sum += a[i * k + p] * b[bo + i * n + jj];
                }
                c[co + p * n + jj] = sum;
            }
        }
    }

    /** As {@link #gemmBlock4x4}, for {@code aᵀ·b}: four output rows (columns of a) × four vectors. */
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

    /** As {@link #gemmBlock8x1}, for {@code aᵀ·b}: eight output rows (columns of a) × one vector. */
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

    @Override
    public void gemmTransposedB(float[] a, float[] b, float[] c, int m, int k, int n) {
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

    @Override
    public void columnSums(float[] a, float[] out, int oo, int m, int n) {
        int nFull = n - n % L;
        int j0 = 0;
        // Four column vectors per pass over the rows (each column still sums its rows in order).
        for (; j0 + 4 * L <= nFull; j0 += 4 * L) {
            FloatVector s0 = FloatVector.zero(S);
            FloatVector s1 = FloatVector.zero(S);
            FloatVector s2 = FloatVector.zero(S);
            FloatVector s3 = FloatVector.zero(S);
            for (int i = 0; i < m; i++) {
                int r = i * n + j0;
                s0 = s0.add(FloatVector.fromArray(S, a, r));
                s1 = s1.add(FloatVector.fromArray(S, a, r + L));
                s2 = s2.add(FloatVector.fromArray(S, a, r + 2 * L));
                s3 = s3.add(FloatVector.fromArray(S, a, r + 3 * L));
            }
            s0.intoArray(out, oo + j0);
            s1.intoArray(out, oo + j0 + L);
            s2.intoArray(out, oo + j0 + 2 * L);
            s3.intoArray(out, oo + j0 + 3 * L);
        }
        for (int j = j0; j < nFull; j += L) {
            FloatVector acc = FloatVector.zero(S);
            for (int i = 0; i < m; i++) {
                acc = acc.add(FloatVector.fromArray(S, a, i * n + j));
            }
            acc.intoArray(out, oo + j);
        }
        for (int j = nFull; j < n; j++) {
            float sum = 0f;
            for (int i = 0; i < m; i++) {
                sum += a[i * n + j];
            }
            out[oo + j] = sum;
        }
    }

    @Override
    public void addRowVector(float[] c, float[] bias, int biasOffset, int m, int n) {
        int nFull = n - n % L;
        // Rows outer: one pass over c (every value gets its one addition whatever the order).
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < nFull; j += L) {
                FloatVector.fromArray(S, bias, biasOffset + j)
                        .add(FloatVector.fromArray(S, c, i * n + j))
                        .intoArray(c, i * n + j);
            }
        }
        for (int i = 0; i < m && nFull < n; i++) {
            for (int j = nFull; j < n; j++) {
                c[i * n + j] += bias[biasOffset + j];
            }
        }
    }

    @Override
    public void relu(float[] x, float[] y, int n) {
        int full = n - n % L;
        FloatVector zero = FloatVector.zero(S);
        for (int i = 0; i < full; i += L) {
            FloatVector.fromArray(S, x, i).max(zero).intoArray(y, i);
        }
        for (int i = full; i < n; i++) {
            y[i] = Math.max(x[i], 0f);
        }
    }

    @Override
    public void reluBackward(float[] x, float[] dy, float[] dx, int n) {
        int full = n - n % L;
        FloatVector zero = FloatVector.zero(S);
        for (int i = 0; i < full; i += L) {
            VectorMask<Float> positive = FloatVector.fromArray(S, x, i).compare(VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromArray(S, dy, i), positive).intoArray(dx, i);
        }
        for (int i = full; i < n; i++) {
            dx[i] = x[i] > 0f ? dy[i] : 0f;
        }
    }

    @Override
    public void maxPool2(float[] x, float[] y, int batch, int h, int w, int c) {
        if (c % L != 0) {
            SCALAR.maxPool2(x, y, batch, h, w, c);
            return;
        }
        int oh = h / 2;
        int ow = w / 2;
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int o = ((b * oh + i) * ow + j) * c;
                    int p00 = ((b * h + 2 * i) * w + 2 * j) * c;
                    int p10 = p00 + w * c;
                    for (int ch = 0; ch < c; ch += L) {
                        FloatVector top =
                                FloatVector.fromArray(S, x, p00 + ch).max(FloatVector.fromArray(S, x, p00 + c + ch));
                        FloatVector bottom =
                                FloatVector.fromArray(S, x, p10 + ch).max(FloatVector.fromArray(S, x, p10 + c + ch));
                        top.max(bottom).intoArray(y, o + ch);
                    }
                }
            }
        }
    }

    @Override
    public void maxPool2Backward(float[] x, float[] y, float[] dy, float[] dx, int batch, int h, int w, int c) {
        if (c % L != 0 || h % 2 != 0 || w % 2 != 0) {
            SCALAR.maxPool2Backward(x, y, dy, dx, batch, h, w, c);
            return;
        }
        int oh = h / 2;
        int ow = w / 2;
        FloatVector zero = FloatVector.zero(S);
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int o = ((b * oh + i) * ow + j) * c;
                    int p00 = ((b * h + 2 * i) * w + 2 * j) * c;
                    int p01 = p00 + c;
                    int p10 = p00 + w * c;
                    int p11 = p10 + c;
                    for (int ch = 0; ch < c; ch += L) {
                        FloatVector max = FloatVector.fromArray(S, y, o + ch);
                        FloatVector g = FloatVector.fromArray(S, dy, o + ch);
                        // The first position (row-major) holding the maximum takes the gradient.
                        VectorMask<Float> m00 =
                                FloatVector.fromArray(S, x, p00 + ch).compare(VectorOperators.EQ, max);
                        VectorMask<Float> m01 = FloatVector.fromArray(S, x, p01 + ch)
                                .compare(VectorOperators.EQ, max)
                                .andNot(m00);
                        VectorMask<Float> taken = m00.or(m01);
                        VectorMask<Float> m10 = FloatVector.fromArray(S, x, p10 + ch)
                                .compare(VectorOperators.EQ, max)
                                .andNot(taken);
                        VectorMask<Float> m11 = taken.or(m10).not();
                        zero.blend(g, m00).intoArray(dx, p00 + ch);
                        zero.blend(g, m01).intoArray(dx, p01 + ch);
                        zero.blend(g, m10).intoArray(dx, p10 + ch);
                        zero.blend(g, m11).intoArray(dx, p11 + ch);
                    }
                }
            }
        }
    }

    /** A vector of channels at a time: each output's four additions and product are the scalar loop's. */
    @Override
    public void avgPool2(float[] x, float[] y, int batch, int h, int w, int c) {
        if (c % L != 0) {
            Kernels.super.avgPool2(x, y, batch, h, w, c);
            return;
        }
        int oh = h / 2;
        int ow = w / 2;
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int o = ((b * oh + i) * ow + j) * c;
                    int p00 = ((b * h + 2 * i) * w + 2 * j) * c;
                    int p10 = p00 + w * c;
                    for (int ch = 0; ch < c; ch += L) {
                        FloatVector.fromArray(S, x, p00 + ch)
                                .add(FloatVector.fromArray(S, x, p00 + c + ch))
                                .add(FloatVector.fromArray(S, x, p10 + ch))
                                .add(FloatVector.fromArray(S, x, p10 + c + ch))
                                .mul(0.25f)
                                .intoArray(y, o + ch);
                    }
                }
            }
        }
    }

    @Override
    public void avgPool2Backward(float[] dy, float[] dx, int batch, int h, int w, int c) {
        if (c % L != 0 || h % 2 != 0 || w % 2 != 0) {
            Kernels.super.avgPool2Backward(dy, dx, batch, h, w, c);
            return;
        }
        int oh = h / 2;
        int ow = w / 2;
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int o = ((b * oh + i) * ow + j) * c;
                    int p00 = ((b * h + 2 * i) * w + 2 * j) * c;
                    int p10 = p00 + w * c;
                    for (int ch = 0; ch < c; ch += L) {
                        FloatVector g = FloatVector.fromArray(S, dy, o + ch).mul(0.25f);
                        g.intoArray(dx, p00 + ch);
                        g.intoArray(dx, p00 + c + ch);
                        g.intoArray(dx, p10 + ch);
                        g.intoArray(dx, p10 + c + ch);
                    }
                }
            }
        }
    }

    /**
     * A vector of channels at a time, summed in two double vectors of its halves: each channel's sum is the scalar
     * loop's, position after position in double.
     */
    @Override
    public void channelMeans(float[] x, float[] y, int batch, int positions, int c, double[] sum) {
        if (c % L != 0) {
            Kernels.super.channelMeans(x, y, batch, positions, c, sum);
            return;
        }
        for (int b = 0; b < batch; b++) {
            for (int ch = 0; ch < c; ch += L) {
                sumPositions(x, b * positions * c + ch, positions, c, sum);
                for (int l = 0; l < L; l++) {
                    y[b * c + ch + l] = (float) (sum[l] / positions);
                }
            }
        }
    }

    private static void sumPositions(float[] x, int i0, int positions, int c, double[] sums) {
        DoubleVector lo = DoubleVector.zero(D);
        DoubleVector hi = DoubleVector.zero(D);
        for (int p = 0, i = i0; p < positions; p++, i += c) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            lo = lo.add((DoubleVector) v.convertShape(VectorOperators.F2D, D, 0));
            hi = hi.add((DoubleVector) v.convertShape(VectorOperators.F2D, D, 1));
        }
        lo.intoArray(sums, 0);
        hi.intoArray(sums, D.length());
    }

    @Override
    public void channelMeansBackward(float[] dy, float[] dx, int batch, int positions, int c) {
        if (c % L != 0) {
            Kernels.super.channelMeansBackward(dy, dx, batch, positions, c);
            return;
        }
        float inv = 1f / positions;
        for (int b = 0; b < batch; b++) {
            for (int ch = 0; ch < c; ch += L) {
                FloatVector g = FloatVector.fromArray(S, dy, b * c + ch).mul(inv);
                for (int p = 0, i = b * positions * c + ch; p < positions; p++, i += c) {
                    g.intoArray(dx, i);
                }
            }
        }
    }

    @Override
    public boolean prefersDotProducts(int n) {
        return n < L;
    }

    /**
     * Only for filters one vector wide (16 at 512 bits), where an im2col product leaves each broadcast feeding one FMA
     * anyway; wider outputs run faster as im2col products in 4 × 4 blocks (measured on the two-block CNN's 32→64
     * layer: 116 against 75 GFLOP/s forward), though the kernels below take any whole number of vectors.
     */
    @Override
    public boolean convolvesDirectly(int cout) {
        return cout == L;
    }

    /**
     * Eight anchors × one vector of filters at a time: each kernel row loaded feeds eight FMAs, whose inputs are
     * broadcast from the padded image (a few kilobytes per sample, in L1) instead of read from im2col patches.
     */
    @Override
    public void convolveAnchors(
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
        if (cout % L != 0) {
            Kernels.super.convolveAnchors(x, xo, w, wo, y, yo, anchors, k, rowStride, cin, cout);
            return;
        }
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
     * Filters in whole vectors: their outputs are fused multiply-add chains from zero in the im2col product too (a
     * narrower tail there is summed by scalar loops, whose rounding differs).
     */
    @Override
    public boolean convolvesPlanes(int cout) {
        return cout % L == 0;
    }

    /** The outputs of one image channel-major, each output row rounded up to whole vectors. */
    @Override
    public int planesWorkspace(int oh, int ow, int cout) {
        return cout * oh * ((ow + L - 1) / L) * L;
    }

    /**
     * Four filters × four vectors of output columns at a time, sixteen accumulators: each vector of inputs loaded
     * feeds four FMAs and each filter's weight broadcast four, where the im2col product of a convolution one or two
     * vectors of filters wide broadcast every patch value for one or two FMAs and read the patches from L2. The
     * outputs are summed channel-major in the workspace, then
     * transposed into the layer's {@code positions × cout}.
     */
    @Override
    public void convolvePlanes(
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
            float[] work) {
        if (cout % L != 0) {
            Kernels.super.convolvePlanes(x, xo, plane, rowStride, oh, ow, k, cin, packed, cout, y, yo, work);
            return;
        }
        int perRow = (ow + L - 1) / L;
        int vectors = oh * perRow;
        int span = vectors * L;
        int taps = k * k * cin;
        // Steps of the input offset at the end of a tap's channels and of a kernel row (see planes4x4).
        long steps = pair(1 - cin * plane, rowStride - k);
        for (int f = 0; f < cout; f += 4) {
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
        for (int i = 0; i < oh; i++) {
            for (int jv = 0; jv < perRow; jv++) {
                int src = (i * perRow + jv) * L;
                int columns = Math.min(L, ow - jv * L);
                int dst = yo + (i * ow + jv * L) * cout;
                if (L == TILE) {
                    for (int co = 0; co < cout; co += L) {
                        transposeTile(work, co * span + src, span, L, y, dst + co, cout, columns);
                    }
                } else {
                    for (int j = 0; j < columns; j++) {
                        for (int co = 0; co < cout; co++) {
                            y[dst + j * cout + co] = work[co * span + src + j];
                        }
                    }
                }
            }
        }
    }

    /** The lanes of the vectors {@link #transposeTile} transposes in registers. */
    private static final int TILE = 16;
    /** Lane l takes lane l ^ 2^b: the butterflies of a 16 × 16 transpose ({@code % L}: unused at other lengths). */
    private static final VectorShuffle<Float> SWAP1 = VectorShuffle.fromOp(S, l -> (l ^ 1) % L);

    private static final VectorShuffle<Float> SWAP2 = VectorShuffle.fromOp(S, l -> (l ^ 2) % L);
    private static final VectorShuffle<Float> SWAP4 = VectorShuffle.fromOp(S, l -> (l ^ 4) % L);
    private static final VectorShuffle<Float> SWAP8 = VectorShuffle.fromOp(S, l -> (l ^ 8) % L);
    /** The lanes whose bit b is set: they take the partner row's lanes in butterfly b. */
    private static final VectorMask<Float> BIT1 = VectorMask.fromLong(S, 0xAAAAL);

    private static final VectorMask<Float> BIT2 = VectorMask.fromLong(S, 0xCCCCL);
    private static final VectorMask<Float> BIT4 = VectorMask.fromLong(S, 0xF0F0L);
    private static final VectorMask<Float> BIT8 = VectorMask.fromLong(S, 0xFF00L);

    /** Row i of a tile, or zeros past its {@code rows}. */
    private static FloatVector row(float[] src, int s0, int i, int ld, int rows) {
        return i < rows ? FloatVector.fromArray(S, src, s0 + i * ld) : FloatVector.zero(S);
    }

    /**
     * Sixteen rows of sixteen floats ({@code src}, {@code ld} apart; zeros past the first {@code rows}) transposed in
     * registers, the first {@code columns} rows of the result stored ({@code dst}, {@code dld} apart): four
     * butterflies, each swapping the lanes whose bit b differs between row pairs 2^b apart. A scalar copy took 0.6 ns a
     * float, an output's whole sum of a 16-channel layer taking 1.5; this takes about 0.23.
     */
    private static void transposeTile(
            float[] src, int s0, int ld, int rows, float[] dst, int d0, int dld, int columns) {
        FloatVector a0 = row(src, s0, 0, ld, rows);
        FloatVector a1 = row(src, s0, 1, ld, rows);
        FloatVector a2 = row(src, s0, 2, ld, rows);
        FloatVector a3 = row(src, s0, 3, ld, rows);
        FloatVector a4 = row(src, s0, 4, ld, rows);
        FloatVector a5 = row(src, s0, 5, ld, rows);
        FloatVector a6 = row(src, s0, 6, ld, rows);
        FloatVector a7 = row(src, s0, 7, ld, rows);
        FloatVector a8 = row(src, s0, 8, ld, rows);
        FloatVector a9 = row(src, s0, 9, ld, rows);
        FloatVector a10 = row(src, s0, 10, ld, rows);
        FloatVector a11 = row(src, s0, 11, ld, rows);
        FloatVector a12 = row(src, s0, 12, ld, rows);
        FloatVector a13 = row(src, s0, 13, ld, rows);
        FloatVector a14 = row(src, s0, 14, ld, rows);
        FloatVector a15 = row(src, s0, 15, ld, rows);
        FloatVector t;
        t = a0;
        a0 = t.blend(a1.rearrange(SWAP1), BIT1);
        a1 = t.rearrange(SWAP1).blend(a1, BIT1);
        t = a2;
        a2 = t.blend(a3.rearrange(SWAP1), BIT1);
        a3 = t.rearrange(SWAP1).blend(a3, BIT1);
        t = a4;
        a4 = t.blend(a5.rearrange(SWAP1), BIT1);
        a5 = t.rearrange(SWAP1).blend(a5, BIT1);
        t = a6;
        a6 = t.blend(a7.rearrange(SWAP1), BIT1);
        a7 = t.rearrange(SWAP1).blend(a7, BIT1);
        t = a8;
        a8 = t.blend(a9.rearrange(SWAP1), BIT1);
        a9 = t.rearrange(SWAP1).blend(a9, BIT1);
        t = a10;
        a10 = t.blend(a11.rearrange(SWAP1), BIT1);
        a11 = t.rearrange(SWAP1).blend(a11, BIT1);
        t = a12;
        a12 = t.blend(a13.rearrange(SWAP1), BIT1);
        a13 = t.rearrange(SWAP1).blend(a13, BIT1);
        t = a14;
        a14 = t.blend(a15.rearrange(SWAP1), BIT1);
        a15 = t.rearrange(SWAP1).blend(a15, BIT1);
        t = a0;
        a0 = t.blend(a2.rearrange(SWAP2), BIT2);
        a2 = t.rearrange(SWAP2).blend(a2, BIT2);
        t = a1;
        a1 = t.blend(a3.rearrange(SWAP2), BIT2);
        a3 = t.rearrange(SWAP2).blend(a3, BIT2);
        t = a4;
        a4 = t.blend(a6.rearrange(SWAP2), BIT2);
        a6 = t.rearrange(SWAP2).blend(a6, BIT2);
        t = a5;
        a5 = t.blend(a7.rearrange(SWAP2), BIT2);
        a7 = t.rearrange(SWAP2).blend(a7, BIT2);
        t = a8;
        a8 = t.blend(a10.rearrange(SWAP2), BIT2);
        a10 = t.rearrange(SWAP2).blend(a10, BIT2);
        t = a9;
        a9 = t.blend(a11.rearrange(SWAP2), BIT2);
        a11 = t.rearrange(SWAP2).blend(a11, BIT2);
        t = a12;
        a12 = t.blend(a14.rearrange(SWAP2), BIT2);
        a14 = t.rearrange(SWAP2).blend(a14, BIT2);
        t = a13;
        a13 = t.blend(a15.rearrange(SWAP2), BIT2);
        a15 = t.rearrange(SWAP2).blend(a15, BIT2);
        t = a0;
        a0 = t.blend(a4.rearrange(SWAP4), BIT4);
        a4 = t.rearrange(SWAP4).blend(a4, BIT4);
        t = a1;
        a1 = t.blend(a5.rearrange(SWAP4), BIT4);
        a5 = t.rearrange(SWAP4).blend(a5, BIT4);
        t = a2;
        a2 = t.blend(a6.rearrange(SWAP4), BIT4);
        a6 = t.rearrange(SWAP4).blend(a6, BIT4);
        t = a3;
        a3 = t.blend(a7.rearrange(SWAP4), BIT4);
        a7 = t.rearrange(SWAP4).blend(a7, BIT4);
        t = a8;
        a8 = t.blend(a12.rearrange(SWAP4), BIT4);
        a12 = t.rearrange(SWAP4).blend(a12, BIT4);
        t = a9;
        a9 = t.blend(a13.rearrange(SWAP4), BIT4);
        a13 = t.rearrange(SWAP4).blend(a13, BIT4);
        t = a10;
        a10 = t.blend(a14.rearrange(SWAP4), BIT4);
        a14 = t.rearrange(SWAP4).blend(a14, BIT4);
        t = a11;
        a11 = t.blend(a15.rearrange(SWAP4), BIT4);
        a15 = t.rearrange(SWAP4).blend(a15, BIT4);
        t = a0;
        a0 = t.blend(a8.rearrange(SWAP8), BIT8);
        a8 = t.rearrange(SWAP8).blend(a8, BIT8);
        t = a1;
        a1 = t.blend(a9.rearrange(SWAP8), BIT8);
        a9 = t.rearrange(SWAP8).blend(a9, BIT8);
        t = a2;
        a2 = t.blend(a10.rearrange(SWAP8), BIT8);
        a10 = t.rearrange(SWAP8).blend(a10, BIT8);
        t = a3;
        a3 = t.blend(a11.rearrange(SWAP8), BIT8);
        a11 = t.rearrange(SWAP8).blend(a11, BIT8);
        t = a4;
        a4 = t.blend(a12.rearrange(SWAP8), BIT8);
        a12 = t.rearrange(SWAP8).blend(a12, BIT8);
        t = a5;
        a5 = t.blend(a13.rearrange(SWAP8), BIT8);
        a13 = t.rearrange(SWAP8).blend(a13, BIT8);
        t = a6;
        a6 = t.blend(a14.rearrange(SWAP8), BIT8);
        a14 = t.rearrange(SWAP8).blend(a14, BIT8);
        t = a7;
        a7 = t.blend(a15.rearrange(SWAP8), BIT8);
        a15 = t.rearrange(SWAP8).blend(a15, BIT8);
        // Rows past the image's last column are dropped; the stores run from the last kept row down, falling through.
        switch (columns) {
            case 16:
                a15.intoArray(dst, d0 + 15 * dld);
            case 15:
                a14.intoArray(dst, d0 + 14 * dld);
            case 14:
                a13.intoArray(dst, d0 + 13 * dld);
            case 13:
                a12.intoArray(dst, d0 + 12 * dld);
            case 12:
                a11.intoArray(dst, d0 + 11 * dld);
            case 11:
                a10.intoArray(dst, d0 + 10 * dld);
            case 10:
                a9.intoArray(dst, d0 + 9 * dld);
            case 9:
                a8.intoArray(dst, d0 + 8 * dld);
            case 8:
                a7.intoArray(dst, d0 + 7 * dld);
            case 7:
                a6.intoArray(dst, d0 + 6 * dld);
            case 6:
                a5.intoArray(dst, d0 + 5 * dld);
            case 5:
                a4.intoArray(dst, d0 + 4 * dld);
            case 4:
                a3.intoArray(dst, d0 + 3 * dld);
            case 3:
                a2.intoArray(dst, d0 + 2 * dld);
            case 2:
                a1.intoArray(dst, d0 + dld);
            default:
                a0.intoArray(dst, d0);
        }
    }

    /**
     * A row of the image at a time, sixteen channels at a time, transposed in registers ({@link #transposeTile}): the
     * row's {@code w ≤ 16} positions and zeros for the rest, so each channel's row is one store whose lanes past the
     * row's end write zeros into the borders (a padded row of at least 16 floats: they stop before the next row's
     * interior). A scalar copy took about 1 ns a float, a third of a 16 → 16 layer's forward pass.
     */
    @Override
    public void toPlanes(float[] x, int xo, int h, int w, int cin, float[] planes, int po, int plane, int rowStride) {
        if (L != TILE || cin % L != 0 || w > L || rowStride < L) {
            Kernels.super.toPlanes(x, xo, h, w, cin, planes, po, plane, rowStride);
            return;
        }
        for (int y = 0; y < h; y++) {
            for (int c = 0; c < cin; c += L) {
                transposeTile(x, xo + y * w * cin + c, cin, w, planes, po + c * plane + y * rowStride, plane, L);
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
     * Eight taps × one vector of filters at a time, summed over every output position: each row of dy loaded feeds
     * eight FMAs, whose inputs are broadcast from the padded images.
     */
    @Override
    public void convolveWeightGradient(
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
        if (cout % L != 0) {
            Kernels.super.convolveWeightGradient(
                    x, xo, sampleStride, rowStride, dy, dyo, samples, oh, ow, dw, dwo, k, cin, cout);
            return;
        }
        int taps = k * k * cin;
        for (int v = 0; v < cout; v += L) {
            int t = 0;
            for (; t + 8 <= taps; t += 8) {
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

    /** The gradient transposed, {@code cout × taps}, where the input channels fill whole vectors. */
    @Override
    public int weightGradientWorkspace(int taps, int cout) {
        return taps * cout;
    }

    /**
     * Where the input channels fill whole vectors (a 16 → 16 layer), the gradient is summed transposed, a vector of
     * taps (one kernel position's channels, contiguous in the padded image) × four filters at a time: three such
     * vectors × four filters hold twelve sums, each input vector loaded feeding four FMAs and each broadcast of dy
     * three, where the eight-tap blocks broadcast a value of the image for every FMA. Every tap still sums over the
     * images and positions in order; the transposes into and out of the workspace move the sums unchanged. Filters not
     * in whole vectors keep the plain loops of the form without a workspace, whose bits differ from FMAs'.
     */
    @Override
    public void convolveWeightGradient(
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
        if (cin % L != 0 || cout % L != 0 || work == null || work.length < taps * cout) {
            convolveWeightGradient(x, xo, sampleStride, rowStride, dy, dyo, samples, oh, ow, dw, dwo, k, cin, cout);
            return;
        }
        for (int t = 0; t < taps; t++) {
            for (int co = 0; co < cout; co++) {
                work[co * taps + t] = dw[dwo + t * cout + co];
            }
        }
        int tapVectors = taps / L;
        int skip = (rowStride - ow) * cin;
        for (int co = 0; co < cout; co += 4) {
            int v = 0;
            for (; v + 3 <= tapVectors; v += 3) {
                long o01 = pair(tapVectorOffset(v, k, rowStride, cin), tapVectorOffset(v + 1, k, rowStride, cin));
                int o2 = tapVectorOffset(v + 2, k, rowStride, cin);
                for (int b = 0; b < samples; b++) {
                    transposedGradient4x3(
                            x,
                            xo + b * sampleStride,
                            o01,
                            o2,
                            dy,
                            dyo + b * oh * ow * cout + co,
                            oh * ow,
                            ow,
                            skip,
                            work,
                            co * taps + v * L,
                            taps,
                            cin,
                            cout);
                }
            }
            for (; v < tapVectors; v++) {
                int o = tapVectorOffset(v, k, rowStride, cin);
                for (int b = 0; b < samples; b++) {
                    transposedGradient4x1(
                            x,
                            xo + b * sampleStride + o,
                            dy,
                            dyo + b * oh * ow * cout + co,
                            oh * ow,
                            ow,
                            skip,
                            work,
                            co * taps + v * L,
                            taps,
                            cin,
                            cout);
                }
            }
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

    private static void gradient1Row(
            float[] x, int xi, float[] dy, int di, int ow, float[] dw, int d0, int cin, int cout) {
        FloatVector c0 = FloatVector.fromArray(S, dw, d0);
        for (int j = 0; j < ow; j++, xi += cin, di += cout) {
            c0 = FloatVector.fromArray(S, dy, di).fma(FloatVector.broadcast(S, x[xi]), c0);
        }
        c0.intoArray(dw, d0);
    }

    private static long pair(int high, int low) {
        return ((long) high << 32) | (low & 0xFFFFFFFFL);
    }

    /** Where tap {@code t = (ky·k + kx)·cin + ci} reads, from its anchor's first channel in the padded image. */
    private static int tapOffset(int t, int k, int rowStride, int cin) {
        int tap = t / cin;
        return ((tap / k) * rowStride + tap % k) * cin + t % cin;
    }

    /** Rows summed in float before each addition into the double sums: short runs lose no more than float's eps. */
    private static final int FLOAT_RUN = 32;

    @Override
    public void channelSums(float[] x, int rows, int channels, double[] sum) {
        float[] lanes = new float[L];
        for (int c0 = 0; c0 < channels; c0 += L) {
            VectorMask<Float> m = S.indexInRange(c0, channels);
            for (int r0 = 0; r0 < rows; r0 += FLOAT_RUN) {
                int r1 = Math.min(rows, r0 + FLOAT_RUN);
                FloatVector acc = FloatVector.zero(S);
                for (int r = r0; r < r1; r++) {
                    acc = acc.add(FloatVector.fromArray(S, x, r * channels + c0, m));
                }
                flush(acc, lanes, sum, c0, channels);
            }
        }
    }

    @Override
    public void channelSquaredDeviations(float[] x, int rows, int channels, float[] mean, double[] sum2) {
        float[] lanes = new float[L];
        for (int c0 = 0; c0 < channels; c0 += L) {
            VectorMask<Float> m = S.indexInRange(c0, channels);
            FloatVector mu = FloatVector.fromArray(S, mean, c0, m);
            for (int r0 = 0; r0 < rows; r0 += FLOAT_RUN) {
                int r1 = Math.min(rows, r0 + FLOAT_RUN);
                FloatVector acc = FloatVector.zero(S);
                for (int r = r0; r < r1; r++) {
                    FloatVector d =
                            FloatVector.fromArray(S, x, r * channels + c0, m).sub(mu);
                    acc = d.fma(d, acc);
                }
                flush(acc, lanes, sum2, c0, channels);
            }
        }
    }

    @Override
    public void channelAffine(float[] x, float[] y, int rows, int channels, float[] scale, float[] shift) {
        for (int c0 = 0; c0 < channels; c0 += L) {
            VectorMask<Float> m = S.indexInRange(c0, channels);
            FloatVector s = FloatVector.fromArray(S, scale, c0, m);
            FloatVector t = FloatVector.fromArray(S, shift, c0, m);
            for (int r = 0, i = c0; r < rows; r++, i += channels) {
                FloatVector.fromArray(S, x, i, m).mul(s).add(t).intoArray(y, i, m);
            }
        }
    }

    /** A vector of channels at a time, as {@link #channelAffine} then {@link #relu}: the same operations per value. */
    @Override
    public void channelAffineRelu(float[] x, float[] y, int rows, int channels, float[] scale, float[] shift) {
        FloatVector zero = FloatVector.zero(S);
        for (int c0 = 0; c0 < channels; c0 += L) {
            VectorMask<Float> m = S.indexInRange(c0, channels);
            FloatVector s = FloatVector.fromArray(S, scale, c0, m);
            FloatVector t = FloatVector.fromArray(S, shift, c0, m);
            for (int r = 0, i = c0; r < rows; r++, i += channels) {
                FloatVector.fromArray(S, x, i, m).mul(s).add(t).max(zero).intoArray(y, i, m);
            }
        }
    }

    /** A vector of channels at a time, as {@link #channelAffine}: each value's operations are the separate passes'. */
    @Override
    public void channelEpilogue(
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

    @Override
    public void channelGradientSums(
            float[] x,
            float[] dy,
            int rows,
            int channels,
            float[] mean,
            float[] invStd,
            double[] sumDy,
            double[] sumDyXhat) {
        float[] lanes = new float[L];
        for (int c0 = 0; c0 < channels; c0 += L) {
            VectorMask<Float> m = S.indexInRange(c0, channels);
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
                flush(sd, lanes, sumDy, c0, channels);
                flush(sx, lanes, sumDyXhat, c0, channels);
            }
        }
    }

    @Override
    public void channelAffine2(
            float[] dy, float[] x, float[] dx, int rows, int channels, float[] a, float[] b, float[] d) {
        for (int c0 = 0; c0 < channels; c0 += L) {
            VectorMask<Float> m = S.indexInRange(c0, channels);
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

    /** As {@link #channelGradientSums} over {@link #reluBackward}'s values: the same operations per value. */
    @Override
    public void channelGradientSumsGated(
            float[] x,
            float[] dy,
            float[] gate,
            int rows,
            int channels,
            float[] mean,
            float[] invStd,
            double[] sumDy,
            double[] sumDyXhat) {
        float[] lanes = new float[L];
        for (int c0 = 0; c0 < channels; c0 += L) {
            VectorMask<Float> m = S.indexInRange(c0, channels);
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
                flush(sd, lanes, sumDy, c0, channels);
                flush(sx, lanes, sumDyXhat, c0, channels);
            }
        }
    }

    /** As {@link #channelAffine2} over {@link #reluBackward}'s values: the same operations per value. */
    @Override
    public void channelAffine2Gated(
            float[] dy, float[] gate, float[] x, float[] dx, int rows, int channels, float[] a, float[] b, float[] d) {
        for (int c0 = 0; c0 < channels; c0 += L) {
            VectorMask<Float> m = S.indexInRange(c0, channels);
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

    /** Adds a float accumulator's lanes into the double sums of channels {@code c0…}. */
    private static void flush(FloatVector acc, float[] lanes, double[] sums, int c0, int channels) {
        acc.intoArray(lanes, 0);
        for (int l = 0, end = Math.min(L, channels - c0); l < end; l++) {
            sums[c0 + l] += lanes[l];
        }
    }

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }
}
