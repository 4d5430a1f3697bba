package org.saepj.engine.layer;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.saepj.engine.kernel.Kernels;

/**
 * A K×K convolution (K = 3 or 5), stride 1, "same" zero padding, on H×W×C activations, computed as one matrix
 * product over im2col patches (stored tap-major, so they are built from contiguous runs of the input). The
 * kernel is stored {@code [ky][kx][cin][cout]} (TensorFlow's HWIO layout), i.e. a {@code K²·cin × cout} matrix
 * whose rows match the patch layout. Truncated He-normal kernel, zero bias.
 */
public final class Conv2D extends Layer {
    private final int k;
    private final int pad;
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
        this(h, w, cin, cout, 3, kernels);
    }

    /**
     * @param h input height
     * @param w input width
     * @param cin input channels
     * @param cout filters
     * @param kernel the kernel's size K: 3 or 5
     * @param kernels the matrix kernels to use
     */
    public Conv2D(int h, int w, int cin, int cout, int kernel, Kernels kernels) {
        if (kernel != 3 && kernel != 5) {
            throw new IllegalArgumentException("convolution kernels are 3×3 or 5×5, got " + kernel);
        }
        this.k = kernel;
        this.pad = kernel / 2;
        this.h = h;
        this.w = w;
        this.cin = cin;
        this.cout = cout;
        this.kernels = kernels;
        this.weightT = new float[k * k * cin * cout];
    }

    /** @return the input height */
    public int height() {
        return h;
    }

    /** @return the input width */
    public int width() {
        return w;
    }

    /** @return the input channels */
    public int inChannels() {
        return cin;
    }

    /** @return the filters (output channels) */
    public int filters() {
        return cout;
    }

    /** @return the kernel size K */
    public int kernel() {
        return k;
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
        return k * k * cin * cout + cout;
    }

    @Override
    public void initialize(float[] params, SplittableRandom rng) {
        int weights = k * k * cin * cout;
        Initializers.truncatedHeNormal(params, offset(), weights, k * k * cin, rng);
        Arrays.fill(params, offset() + weights, offset() + weights + cout, 0f);
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int batch) {
        int rows = batch * h * w;
        int taps = k * k * cin;
        if (patches.length < rows * taps) {
            patches = new float[rows * taps];
        }
        im2col(x, batch);
        // y[rows × cout] = patchesᵀ · W, with patches stored tap-major (taps × rows).
        kernels.gemmTransposedA(patches, params, offset(), y, 0, taps, rows, cout);
        kernels.addRowVector(y, params, offset() + taps * cout, rows, cout);
    }

    @Override
    public void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch) {
        int rows = batch * h * w;
        int taps = k * k * cin;
        // dW[taps × cout] = patches · dy
        kernels.gemm(patches, 0, dy, 0, grads, offset(), taps, rows, cout, false);
        kernels.columnSums(dy, grads, offset() + taps * cout, rows, cout);
        if (dx != null) {
            if (dPatches.length < rows * taps) {
                dPatches = new float[rows * taps];
            }
            // dPatches[taps × rows] = W · dyᵀ
            System.arraycopy(params, offset(), weightT, 0, taps * cout);
            kernels.gemmTransposedB(weightT, dy, dPatches, taps, cout, rows);
            col2im(dx, batch);
        }
    }

    @Override
    public void releaseBuffers() {
        patches = new float[0];
        dPatches = new float[0];
    }

    /**
     * Patches stored tap-major: row {@code (ky·K + kx)·cin + c} holds, for every output position, the input
     * value under that tap (zero in the padding). Each row is filled from shifted runs of the input.
     */
    private void im2col(float[] x, int batch) {
        int rows = batch * h * w;
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                for (int c = 0; c < cin; c++) {
                    int base = ((ky * k + kx) * cin + c) * rows;
                    for (int b = 0; b < batch; b++) {
                        for (int i = 0; i < h; i++) {
                            int dst = base + (b * h + i) * w;
                            int yy = i + ky - pad;
                            if (yy < 0 || yy >= h) {
                                Arrays.fill(patches, dst, dst + w, 0f);
                                continue;
                            }
                            int src = ((b * h + yy) * w) * cin + c;
                            // Output column j reads input column j + kx − pad: valid for j in [from, to).
                            int from = Math.max(0, pad - kx);
                            int to = Math.max(from, Math.min(w, w + pad - kx));
                            Arrays.fill(patches, dst, dst + from, 0f);
                            Arrays.fill(patches, dst + to, dst + w, 0f);
                            if (cin == 1) {
                                System.arraycopy(x, src + from + kx - pad, patches, dst + from, to - from);
                            } else {
                                for (int j = from; j < to; j++) {
                                    patches[dst + j] = x[src + (j + kx - pad) * cin];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private void col2im(float[] dx, int batch) {
        int rows = batch * h * w;
        Arrays.fill(dx, 0, batch * h * w * cin, 0f);
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                for (int c = 0; c < cin; c++) {
                    int base = ((ky * k + kx) * cin + c) * rows;
                    for (int b = 0; b < batch; b++) {
                        for (int i = 0; i < h; i++) {
                            int yy = i + ky - pad;
                            if (yy < 0 || yy >= h) {
                                continue;
                            }
                            int src = base + (b * h + i) * w;
                            int dst = ((b * h + yy) * w) * cin + c;
                            for (int j = 0; j < w; j++) {
                                int xx = j + kx - pad;
                                if (xx >= 0 && xx < w) {
                                    dx[dst + xx * cin] += dPatches[src + j];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Conv2D(" + k + "×" + k + ", " + cin + "→" + cout + ")";
    }
}
