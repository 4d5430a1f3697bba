package org.saepj.engine.layer;

import org.saepj.engine.kernel.Kernels;

/**
 * 2×2 average pooling with stride 2 over H×W×C activations, "valid" as {@link MaxPool2}: an odd last row or column is
 * dropped and receives no gradient. Each window's four values are summed in a fixed order and multiplied by ¼.
 */
public final class AvgPool2 extends Layer {
    private final int h;
    private final int w;
    private final int c;
    private final Kernels kernels;

    /**
     * @param h input height
     * @param w input width
     * @param c channels
     * @param kernels the kernels of the sweeps
     */
    public AvgPool2(int h, int w, int c, Kernels kernels) {
        this.h = h;
        this.w = w;
        this.c = c;
        this.kernels = kernels;
    }

    @Override
    public int inputSize() {
        return h * w * c;
    }

    @Override
    public int outputSize() {
        return (h / 2) * (w / 2) * c;
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int batch) {
        kernels.avgPool2(x, y, batch, h, w, c);
    }

    @Override
    public void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch) {
        if (dx != null) {
            kernels.avgPool2Backward(dy, dx, batch, h, w, c);
        }
    }

    @Override
    public String toString() {
        return "AvgPool(2×2)";
    }
}
