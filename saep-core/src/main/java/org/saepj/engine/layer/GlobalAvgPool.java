package org.saepj.engine.layer;

/**
 * Global average pooling: the mean of each channel over all H×W positions, giving C values per sample. Sums are
 * kept in double, so the mean of a large image loses nothing to the order of the additions.
 */
public final class GlobalAvgPool extends Layer {
    private final int positions;
    private final int c;
    private double[] sum = new double[0];

    /**
     * @param positions height × width
     * @param c channels
     */
    public GlobalAvgPool(int positions, int c) {
        this.positions = positions;
        this.c = c;
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
        for (int b = 0; b < batch; b++) {
            java.util.Arrays.fill(sum, 0, c, 0);
            for (int p = 0, i = b * positions * c; p < positions; p++) {
                for (int k = 0; k < c; k++, i++) {
                    sum[k] += x[i];
                }
            }
            for (int k = 0; k < c; k++) {
                y[b * c + k] = (float) (sum[k] / positions);
            }
        }
    }

    @Override
    public void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch) {
        if (dx == null) {
            return;
        }
        float inv = 1f / positions;
        for (int b = 0; b < batch; b++) {
            for (int p = 0, i = b * positions * c; p < positions; p++) {
                for (int k = 0; k < c; k++, i++) {
                    dx[i] = dy[b * c + k] * inv;
                }
            }
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
