package org.saepj.engine.layer;

import org.saepj.engine.kernel.Kernels;

/**
 * 2×2 max pooling with stride 2 over H×W×C activations ("valid": an odd last row or column is dropped, as in
 * TensorFlow). The backward pass routes each gradient to the first position of its window holding the
 * maximum, found again from the forward inputs and outputs, so no index buffer is kept.
 */
public final class MaxPool2 extends Layer {
    private final int h;
    private final int w;
    private final int c;
    private final Kernels kernels;

    /**
     * @param h input height
     * @param w input width
     * @param c channels
     * @param kernels the kernels to use
     */
    public MaxPool2(int h, int w, int c, Kernels kernels) {
        this.h = h;
        this.w = w;
        this.c = c;
        this.kernels = kernels;
    }

    /** @return the input maps' height */
    public int height() {
        return h;
    }

    /** @return the input maps' width */
    public int width() {
        return w;
    }

    @Override
    public int inputSize() {
        return h * w * c;
    }

    @Override
    public int outputSize() {
        return (h / 2) * (w / 2) * c;
    }

    /** The samples in this many chunks, each its own outputs and input gradients. */
    private static final int CHUNKS = 4;

    @Override
    public void forward(float[] params, float[] x, float[] y, int batch) {
        kernels.maxPool2(x, y, batch, h, w, c);
    }

    @Override
    public void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch) {
        if (dx != null) {
            kernels.maxPool2Backward(x, y, dy, dx, batch, h, w, c);
        }
    }

    /** A range of samples per chunk, which may run on idle threads. */
    @Override
    public void forward(float[] params, float[] x, float[] y, int batch, Pass pass) {
        int count = Math.min(CHUNKS, batch);
        pass.chunks().run(count, k -> kernels.maxPool2(x, y, batch * k / count, batch * (k + 1) / count, h, w, c));
    }

    /** A range of samples per chunk, which may run on idle threads. */
    @Override
    public void backward(
            float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch, Pass pass) {
        if (dx != null) {
            int count = Math.min(CHUNKS, batch);
            pass.chunks()
                    .run(
                            count,
                            k -> kernels.maxPool2Backward(
                                    x, y, dy, dx, batch * k / count, batch * (k + 1) / count, h, w, c));
        }
    }

    @Override
    public String toString() {
        return "MaxPool(2×2)";
    }
}
