package org.saepj.engine.layer;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.saepj.engine.kernel.Kernels;

/**
 * A K×K convolution (K = 3 or 5), stride 1, "same" zero padding, on H×W×C activations, computed as matrix
 * products over im2col patches (stored tap-major, so they are built from contiguous runs of the input), a chunk
 * of samples at a time so the patches stay in cache. The
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
    private float[] dyT = new float[0];
    /** A chunk's input or input gradient, channel-major with zero borders: {@code [cin][sample][h + 2·pad][w + 2·pad]}. */
    private float[] planes = new float[0];

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

    /**
     * Samples per chunk: the im2col patches of one chunk (about a megabyte) stay in the core's L2 cache while the
     * matrix products read them, instead of a whole batch's (14 MB for a 32→64 filter 3×3 layer on 14×14 inputs at
     * batch 64) streaming from memory once per column strip.
     */
    private int chunkSamples() {
        return Math.max(1, PATCH_FLOATS / (k * k * cin * h * w));
    }

    /** The im2col floats one chunk may hold. */
    private static final int PATCH_FLOATS = 1 << 18;

    @Override
    public void forward(float[] params, float[] x, float[] y, int batch) {
        int taps = k * k * cin;
        int per = chunkSamples();
        int positions = h * w;
        ensurePatches(Math.min(per, batch) * positions * taps);
        for (int b0 = 0; b0 < batch; b0 += per) {
            int samples = Math.min(per, batch - b0);
            int rows = samples * positions;
            im2col(x, b0, samples);
            // y[rows × cout] = patchesᵀ · W, with patches stored tap-major (taps × rows). Each output sums over
            // the taps in the same order whatever the chunking, so chunks change no result.
            kernels.gemmTransposedA(patches, params, offset(), y, b0 * positions * cout, taps, rows, cout);
        }
        kernels.addRowVector(y, params, offset() + taps * cout, batch * positions, cout);
    }

    @Override
    public void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch) {
        int taps = k * k * cin;
        int per = chunkSamples();
        int positions = h * w;
        int most = Math.min(per, batch) * positions;
        ensurePatches(most * taps);
        if (dx != null) {
            if (dPatches.length < most * taps) {
                dPatches = new float[most * taps];
            }
            if (dyT.length < most * cout) {
                dyT = new float[most * cout];
            }
        }
        for (int b0 = 0; b0 < batch; b0 += per) {
            int samples = Math.min(per, batch - b0);
            int rows = samples * positions;
            int dyOffset = b0 * positions * cout;
            // The patches are rebuilt here rather than kept from the forward pass: a chunk's fit in cache.
            im2col(x, b0, samples);
            // dW[taps × cout] = patches · dy, summed over the rows in order: the first chunk writes, the others add.
            kernels.gemm(patches, 0, dy, dyOffset, grads, offset(), taps, rows, cout, b0 > 0);
            if (dx != null) {
                // dPatches[taps × rows] = W · dyᵀ, as a plain product over the transposed chunk of dy.
                Kernels.transpose(dy, dyOffset, rows, cout, dyT);
                kernels.gemm(params, offset(), dyT, 0, dPatches, 0, taps, cout, rows, false);
                col2im(dx, b0, samples);
            }
        }
        kernels.columnSums(dy, grads, offset() + taps * cout, batch * positions, cout);
    }

    /**
     * Makes {@link #planes} hold a chunk's planes, all zero.
     *
     * @return the distance between two channels' planes: the padded planes of a chunk, plus 16 floats so that a
     *     stride of a power of two (4 KB for 4 samples of 14×14) does not map every channel to one cache set
     */
    private int clearPlanes(int samples) {
        int plane = samples * (h + 2 * pad) * (w + 2 * pad) + 16;
        if (planes.length < cin * plane) {
            planes = new float[cin * plane];
        }
        Arrays.fill(planes, 0, cin * plane, 0f);
        return plane;
    }

    private void ensurePatches(int floats) {
        if (patches.length < floats) {
            patches = new float[floats];
        }
    }

    @Override
    public void releaseBuffers() {
        patches = new float[0];
        dPatches = new float[0];
        dyT = new float[0];
        planes = new float[0];
    }

    /**
     * Patches of samples {@code b0 … b0+samples−1}, stored tap-major: row {@code (ky·K + kx)·cin + c} holds, for
     * every output position of the chunk, the input value under that tap (zero in the padding). The chunk's input
     * is first copied channel-major with zero borders ({@link #planes}), so every patch row is then a run of
     * contiguous copies instead of a gather with a stride of {@code cin}.
     */
    private void im2col(float[] x, int b0, int samples) {
        int rows = samples * h * w;
        int wp = w + 2 * pad;
        int hp = h + 2 * pad;
        int plane = clearPlanes(samples);
        // planes[c][b][pad + y][pad + x] = x[b0 + b][y][x][c]; the borders stay zero. Channels are the outer loop:
        // the input row is read with a short stride from L1 while each plane row is written contiguously.
        for (int b = 0; b < samples; b++) {
            for (int y = 0; y < h; y++) {
                int src = ((b0 + b) * h + y) * w * cin;
                int row = (b * hp + y + pad) * wp + pad;
                for (int c = 0; c < cin; c++) {
                    int dst = c * plane + row;
                    for (int xx = 0; xx < w; xx++) {
                        planes[dst + xx] = x[src + xx * cin + c];
                    }
                }
            }
        }
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                for (int c = 0; c < cin; c++) {
                    int dst = ((ky * k + kx) * cin + c) * rows;
                    int base = c * plane + ky * wp + kx;
                    for (int b = 0; b < samples; b++) {
                        for (int i = 0; i < h; i++) {
                            // Output (i, j) reads the padded input at (i + ky, j + kx).
                            System.arraycopy(planes, base + (b * hp + i) * wp, patches, dst, w);
                            dst += w;
                        }
                    }
                }
            }
        }
    }

    /**
     * Adds the patches' gradients into dx for samples {@code b0 … b0+samples−1}. They are summed channel-major
     * with borders ({@link #planes}, contiguous runs), taps in their order so that every input value receives its
     * contributions in tap order as a direct loop would, then the inner part is copied into dx.
     */
    private void col2im(float[] dx, int b0, int samples) {
        int rows = samples * h * w;
        int wp = w + 2 * pad;
        int hp = h + 2 * pad;
        int plane = clearPlanes(samples);
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                for (int c = 0; c < cin; c++) {
                    int src = ((ky * k + kx) * cin + c) * rows;
                    int base = c * plane + ky * wp + kx;
                    for (int b = 0; b < samples; b++) {
                        for (int i = 0; i < h; i++) {
                            int dst = base + (b * hp + i) * wp;
                            for (int j = 0; j < w; j++) {
                                planes[dst + j] += dPatches[src + j];
                            }
                            src += w;
                        }
                    }
                }
            }
        }
        for (int b = 0; b < samples; b++) {
            for (int y = 0; y < h; y++) {
                int out = ((b0 + b) * h + y) * w * cin;
                int row = (b * hp + y + pad) * wp + pad;
                for (int c = 0; c < cin; c++) {
                    int src = c * plane + row;
                    for (int xx = 0; xx < w; xx++) {
                        dx[out + xx * cin + c] = planes[src + xx];
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
