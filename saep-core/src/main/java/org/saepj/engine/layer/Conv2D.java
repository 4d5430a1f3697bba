package org.saepj.engine.layer;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.saepj.engine.kernel.Kernels;

/**
 * A 3×3 convolution, stride 1, "same" zero padding, on H×W×C activations, computed as one matrix product
 * over im2col patches. The kernel is stored {@code [ky][kx][cin][cout]} (TensorFlow's HWIO layout), i.e. a
 * {@code 9·cin × cout} matrix whose rows match the patch layout. Truncated He-normal kernel, zero bias.
 */
public final class Conv2D extends Layer {
    private static final int K = 3;
    private final int h;
    private final int w;
    private final int cin;
    private final int cout;
    private final Kernels kernels;
    private float[] patches = new float[0];
    private float[] dPatches = new float[0];
    private final float[] weightT;

    /**
     * @param h input height
     * @param w input width
     * @param cin input channels
     * @param cout filters
     * @param kernels the matrix kernels to use
     */
    public Conv2D(int h, int w, int cin, int cout, Kernels kernels) {
        this.h = h;
        this.w = w;
        this.cin = cin;
        this.cout = cout;
        this.kernels = kernels;
        this.weightT = new float[K * K * cin * cout];
    }

    @Override
    public int inputSize() {
        return h * w * cin;
    }

    @Override
    public int outputSize() {
        return h * w * cout;
    }

    @Override
    public int parameterCount() {
        return K * K * cin * cout + cout;
    }

    @Override
    public void initialize(float[] params, SplittableRandom rng) {
        int weights = K * K * cin * cout;
        Initializers.truncatedHeNormal(params, offset(), weights, K * K * cin, rng);
        Arrays.fill(params, offset() + weights, offset() + weights + cout, 0f);
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int batch) {
        int rows = batch * h * w;
        int cols = K * K * cin;
        if (patches.length < rows * cols) {
            patches = new float[rows * cols];
        }
        im2col(x, batch);
        kernels.gemm(patches, 0, params, offset(), y, 0, rows, cols, cout, false);
        kernels.addRowVector(y, params, offset() + cols * cout, rows, cout);
    }

    @Override
    public void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch) {
        int rows = batch * h * w;
        int cols = K * K * cin;
        kernels.gemmTransposedA(patches, dy, grads, offset(), rows, cols, cout);
        kernels.columnSums(dy, grads, offset() + cols * cout, rows, cout);
        if (dx != null) {
            if (dPatches.length < rows * cols) {
                dPatches = new float[rows * cols];
            }
            Kernels.transpose(params, offset(), cols, cout, weightT);
            kernels.gemm(dy, 0, weightT, 0, dPatches, 0, rows, cout, cols, false);
            col2im(dx, batch);
        }
    }

    /** Each output position's 3×3×cin neighbourhood becomes one row; padding contributes zeros. */
    private void im2col(float[] x, int batch) {
        int cols = K * K * cin;
        for (int b = 0; b < batch; b++) {
            int inBase = b * h * w * cin;
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    int row = ((b * h + i) * w + j) * cols;
                    for (int ky = 0; ky < K; ky++) {
                        int yy = i + ky - 1;
                        for (int kx = 0; kx < K; kx++) {
                            int xx = j + kx - 1;
                            int dst = row + (ky * K + kx) * cin;
                            if (yy < 0 || yy >= h || xx < 0 || xx >= w) {
                                Arrays.fill(patches, dst, dst + cin, 0f);
                            } else {
                                System.arraycopy(x, inBase + (yy * w + xx) * cin, patches, dst, cin);
                            }
                        }
                    }
                }
            }
        }
    }

    private void col2im(float[] dx, int batch) {
        int cols = K * K * cin;
        Arrays.fill(dx, 0, batch * h * w * cin, 0f);
        for (int b = 0; b < batch; b++) {
            int inBase = b * h * w * cin;
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    int row = ((b * h + i) * w + j) * cols;
                    for (int ky = 0; ky < K; ky++) {
                        int yy = i + ky - 1;
                        if (yy < 0 || yy >= h) {
                            continue;
                        }
                        for (int kx = 0; kx < K; kx++) {
                            int xx = j + kx - 1;
                            if (xx < 0 || xx >= w) {
                                continue;
                            }
                            int src = row + (ky * K + kx) * cin;
                            int dst = inBase + (yy * w + xx) * cin;
                            for (int ch = 0; ch < cin; ch++) {
                                dx[dst + ch] += dPatches[src + ch];
                            }
                        }
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Conv2D(3×3, " + cin + "→" + cout + ")";
    }
}
