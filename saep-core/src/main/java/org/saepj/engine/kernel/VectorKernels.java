package org.saepj.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked kernels on {@code jdk.incubator.vector}: four output rows share each load of the right
 * matrix, and columns are processed a full vector at a time with a masked tail (so a 10-class head costs
 * one masked vector, not ten scalar passes).
 *
 * <p>Only loaded when the module is present; see {@link KernelsProvider}.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int ROWS = 4;

    @Override
    public void gemm(float[] a, int ao, float[] b, int bo, float[] c, int co, int m, int k, int n, boolean accumulate) {
        int i = 0;
        for (; i + ROWS <= m; i += ROWS) {
            int a0 = ao + i * k;
            int a1 = a0 + k;
            int a2 = a1 + k;
            int a3 = a2 + k;
            for (int j = 0; j < n; j += L) {
                VectorMask<Float> mask = S.indexInRange(j, n);
                int c0 = co + i * n + j;
                FloatVector acc0 = accumulate ? FloatVector.fromArray(S, c, c0, mask) : FloatVector.zero(S);
                FloatVector acc1 = accumulate ? FloatVector.fromArray(S, c, c0 + n, mask) : FloatVector.zero(S);
                FloatVector acc2 = accumulate ? FloatVector.fromArray(S, c, c0 + 2 * n, mask) : FloatVector.zero(S);
                FloatVector acc3 = accumulate ? FloatVector.fromArray(S, c, c0 + 3 * n, mask) : FloatVector.zero(S);
                if (mask.allTrue()) {
                    for (int p = 0; p < k; p++) {
                        FloatVector bv = FloatVector.fromArray(S, b, bo + p * n + j);
                        acc0 = bv.fma(FloatVector.broadcast(S, a[a0 + p]), acc0);
                        acc1 = bv.fma(FloatVector.broadcast(S, a[a1 + p]), acc1);
                        acc2 = bv.fma(FloatVector.broadcast(S, a[a2 + p]), acc2);
                        acc3 = bv.fma(FloatVector.broadcast(S, a[a3 + p]), acc3);
                    }
                    acc0.intoArray(c, c0);
                    acc1.intoArray(c, c0 + n);
                    acc2.intoArray(c, c0 + 2 * n);
                    acc3.intoArray(c, c0 + 3 * n);
                } else {
                    for (int p = 0; p < k; p++) {
                        FloatVector bv = FloatVector.fromArray(S, b, bo + p * n + j, mask);
                        acc0 = bv.fma(FloatVector.broadcast(S, a[a0 + p]), acc0);
                        acc1 = bv.fma(FloatVector.broadcast(S, a[a1 + p]), acc1);
                        acc2 = bv.fma(FloatVector.broadcast(S, a[a2 + p]), acc2);
                        acc3 = bv.fma(FloatVector.broadcast(S, a[a3 + p]), acc3);
                    }
                    acc0.intoArray(c, c0, mask);
                    acc1.intoArray(c, c0 + n, mask);
                    acc2.intoArray(c, c0 + 2 * n, mask);
                    acc3.intoArray(c, c0 + 3 * n, mask);
                }
            }
        }
        for (; i < m; i++) {
            int ai = ao + i * k;
            for (int j = 0; j < n; j += L) {
                VectorMask<Float> mask = S.indexInRange(j, n);
                int ci = co + i * n + j;
                FloatVector acc = accumulate ? FloatVector.fromArray(S, c, ci, mask) : FloatVector.zero(S);
                for (int p = 0; p < k; p++) {
                    acc = FloatVector.fromArray(S, b, bo + p * n + j, mask).fma(FloatVector.broadcast(S, a[ai + p]), acc);
                }
                acc.intoArray(c, ci, mask);
            }
        }
    }

    @Override
    public void gemmTransposedA(float[] a, float[] b, float[] c, int co, int m, int k, int n) {
        int p = 0;
        for (; p + ROWS <= k; p += ROWS) {
            for (int j = 0; j < n; j += L) {
                VectorMask<Float> mask = S.indexInRange(j, n);
                FloatVector acc0 = FloatVector.zero(S);
                FloatVector acc1 = FloatVector.zero(S);
                FloatVector acc2 = FloatVector.zero(S);
                FloatVector acc3 = FloatVector.zero(S);
                for (int i = 0; i < m; i++) {
                    FloatVector bv = FloatVector.fromArray(S, b, i * n + j, mask);
                    int ai = i * k + p;
                    acc0 = bv.fma(FloatVector.broadcast(S, a[ai]), acc0);
                    acc1 = bv.fma(FloatVector.broadcast(S, a[ai + 1]), acc1);
                    acc2 = bv.fma(FloatVector.broadcast(S, a[ai + 2]), acc2);
                    acc3 = bv.fma(FloatVector.broadcast(S, a[ai + 3]), acc3);
                }
                int c0 = co + p * n + j;
                acc0.intoArray(c, c0, mask);
                acc1.intoArray(c, c0 + n, mask);
                acc2.intoArray(c, c0 + 2 * n, mask);
                acc3.intoArray(c, c0 + 3 * n, mask);
            }
        }
        for (; p < k; p++) {
            for (int j = 0; j < n; j += L) {
                VectorMask<Float> mask = S.indexInRange(j, n);
                FloatVector acc = FloatVector.zero(S);
                for (int i = 0; i < m; i++) {
                    acc = FloatVector.fromArray(S, b, i * n + j, mask).fma(FloatVector.broadcast(S, a[i * k + p]), acc);
                }
                acc.intoArray(c, co + p * n + j, mask);
            }
        }
    }

    @Override
    public void columnSums(float[] a, float[] out, int oo, int m, int n) {
        for (int j = 0; j < n; j += L) {
            VectorMask<Float> mask = S.indexInRange(j, n);
            FloatVector acc = FloatVector.zero(S);
            for (int i = 0; i < m; i++) {
                acc = acc.add(FloatVector.fromArray(S, a, i * n + j, mask));
            }
            acc.intoArray(out, oo + j, mask);
        }
    }

    @Override
    public void addRowVector(float[] c, float[] bias, int biasOffset, int m, int n) {
        for (int j = 0; j < n; j += L) {
            VectorMask<Float> mask = S.indexInRange(j, n);
            FloatVector bv = FloatVector.fromArray(S, bias, biasOffset + j, mask);
            for (int i = 0; i < m; i++) {
                bv.add(FloatVector.fromArray(S, c, i * n + j, mask)).intoArray(c, i * n + j, mask);
            }
        }
    }

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }
}
