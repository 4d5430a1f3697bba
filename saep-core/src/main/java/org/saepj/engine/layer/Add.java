package org.saepj.engine.layer;

/**
 * The elementwise sum of inputs of one shape: the join of a residual connection. Inputs are added in their order, so
 * the result does not depend on anything but the graph.
 */
public final class Add extends MergeLayer {
    private final int size;

    /**
     * @param inputs the number of inputs (at least two)
     * @param size values per sample of each input and of the output
     */
    public Add(int inputs, int size) {
        super(sizes(inputs, size));
        this.size = size;
    }

    private static int[] sizes(int inputs, int size) {
        int[] sizes = new int[inputs];
        java.util.Arrays.fill(sizes, size);
        return sizes;
    }

    @Override
    public int outputSize() {
        return size;
    }

    @Override
    public void forward(float[] params, float[][] xs, float[] y, int batch) {
        int n = batch * size;
        // The first two inputs in one pass, not a copy and then a pass adding the second: the same sums.
        float[] x0 = xs[0];
        float[] x1 = xs[1];
        for (int i = 0; i < n; i++) {
            y[i] = x0[i] + x1[i];
        }
        for (int k = 2; k < xs.length; k++) {
            float[] x = xs[k];
            for (int i = 0; i < n; i++) {
                y[i] += x[i];
            }
        }
    }

    @Override
    public void backward(float[] params, float[][] xs, float[] y, float[] dy, float[][] dxs, float[] grads, int batch) {
        for (float[] dx : dxs) {
            if (dx != null) {
                System.arraycopy(dy, 0, dx, 0, batch * size);
            }
        }
    }

    @Override
    public String toString() {
        return "Add(" + inputCount() + "×" + size + ")";
    }
}
