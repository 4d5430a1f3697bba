package org.saepj.engine.kernel;

import java.util.Arrays;

/** Plain loops: the fallback when {@code jdk.incubator.vector} is absent, and a reference in tests. */
public final class ScalarKernels implements Kernels {
    @Override
    public void gemm(float[] a, int ao, float[] b, int bo, float[] c, int co, int m, int k, int n, boolean accumulate) {
        if (!accumulate) {
            Arrays.fill(c, co, co + m * n, 0f);
        }
        for (int i = 0; i < m; i++) {
            int cRow = co + i * n;
            for (int p = 0; p < k; p++) {
                float av = a[ao + i * k + p];
                int bRow = bo + p * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += av * b[bRow + j];
                }
            }
        }
    }

    @Override
    public void gemmTransposedA(float[] a, float[] b, float[] c, int co, int m, int k, int n) {
        Arrays.fill(c, co, co + k * n, 0f);
        for (int i = 0; i < m; i++) {
            int bRow = i * n;
            for (int p = 0; p < k; p++) {
                float av = a[i * k + p];
                int cRow = co + p * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += av * b[bRow + j];
                }
            }
        }
    }

    @Override
    public void columnSums(float[] a, float[] out, int oo, int m, int n) {
        Arrays.fill(out, oo, oo + n, 0f);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                out[oo + j] += a[i * n + j];
            }
        }
    }

    @Override
    public void addRowVector(float[] c, float[] bias, int biasOffset, int m, int n) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[i * n + j] += bias[biasOffset + j];
            }
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
