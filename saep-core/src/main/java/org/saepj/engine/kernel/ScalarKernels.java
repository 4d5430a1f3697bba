package org.saepj.engine.kernel;

import java.util.Arrays;

/**
 * Plain loops: the fallback when {@code jdk.incubator.vector} is absent, and a reference in tests. Of the {@link
 * KernelOptions} only the stem's call can be turned off here (the scalar kernels have no planes form to turn off).
 */
public final class ScalarKernels implements Kernels {
    private final KernelOptions options;

    /** Every form allowed. */
    public ScalarKernels() {
        this(KernelOptions.ALL);
    }

    /** @param options the forms these kernels may use: only {@link KernelOptions#stem()} changes anything here */
    public ScalarKernels(KernelOptions options) {
        this.options = options;
    }

    @Override
    public boolean fusesStem() {
        return options.stem();
    }

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
    public void gemmTransposedA(float[] a, float[] b, int bo, float[] c, int co, int m, int k, int n) {
        Arrays.fill(c, co, co + k * n, 0f);
        for (int i = 0; i < m; i++) {
            int bRow = bo + i * n;
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
    public void gemmTransposedB(float[] a, float[] b, float[] c, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum += a[i * k + p] * b[j * k + p];
                }
                c[i * n + j] = sum;
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
    public void relu(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = Math.max(x[i], 0f);
        }
    }

    @Override
    public void reluBackward(float[] x, float[] dy, float[] dx, int n) {
        for (int i = 0; i < n; i++) {
            dx[i] = x[i] > 0f ? dy[i] : 0f;
        }
    }

    @Override
    public void maxPool2(float[] x, float[] y, int from, int to, int h, int w, int c) {
        int oh = h / 2;
        int ow = w / 2;
        for (int b = from; b < to; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int o = ((b * oh + i) * ow + j) * c;
                    int p00 = ((b * h + 2 * i) * w + 2 * j) * c;
                    int p10 = p00 + w * c;
                    for (int ch = 0; ch < c; ch++) {
                        y[o + ch] = Math.max(
                                Math.max(x[p00 + ch], x[p00 + c + ch]), Math.max(x[p10 + ch], x[p10 + c + ch]));
                    }
                }
            }
        }
    }

    @Override
    public void maxPool2Backward(float[] x, float[] y, float[] dy, float[] dx, int from, int to, int h, int w, int c) {
        Arrays.fill(dx, from * h * w * c, to * h * w * c, 0f);
        int oh = h / 2;
        int ow = w / 2;
        for (int b = from; b < to; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int o = ((b * oh + i) * ow + j) * c;
                    int p00 = ((b * h + 2 * i) * w + 2 * j) * c;
                    int p10 = p00 + w * c;
                    for (int ch = 0; ch < c; ch++) {
                        float max = y[o + ch];
                        int target = x[p00 + ch] == max
                                ? p00
                                : x[p00 + c + ch] == max ? p00 + c : x[p10 + ch] == max ? p10 : p10 + c;
                        dx[target + ch] = dy[o + ch];
                    }
                }
            }
        }
    }

    @Override
    public String name() {
        return options.stem() ? "scalar" : "scalar-without-stem";
    }
}
