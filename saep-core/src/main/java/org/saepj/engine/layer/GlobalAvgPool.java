package org.saepj.engine.layer;

import org.saepj.engine.kernel.Kernels;

/**
 * Global average pooling: the mean of each channel over all H×W positions, giving C values per sample. Sums are
 * kept in double, so the mean of a large image loses nothing to the order of the additions.
 */
public final class GlobalAvgPool extends Layer {
    private final int positions;
    private final int c;
    private final Kernels kernels;
    private double[] sum = new double[0];

    /**
     * @param positions height × width
     * @param c channels
     * @param kernels the kernels of the sweeps
     */
    public GlobalAvgPool(int positions, int c, Kernels kernels) {
        this.positions = positions;
        this.c = c;
        this.kernels = kernels;
    }

    @Override
    public int inputSize() {
        return positions * c;
    }

    @Override
    public int outputSize() {
        return c;
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int batch) {
        if (sum.length < c) {
            sum = new double[c];
        }
        kernels.channelMeans(x, y, batch, positions, c, sum);
    }

    @Override
    public void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch) {
        if (dx != null) {
            kernels.channelMeansBackward(dy, dx, batch, positions, c);
        }
    }

    @Override
    public void releaseBuffers() {
        sum = new double[0];
    }

    @Override
    public String toString() {
        return "GlobalAvgPool(" + c + ")";
    }
}
