package org.saepj.engine.layer;

/** max(0, x), elementwise. */
public final class Relu extends Layer {
    private final int size;

    /** @param size values per sample */
    public Relu(int size) {
        this.size = size;
    }

    @Override
    public int inputSize() {
        return size;
    }

    @Override
    public int outputSize() {
        return size;
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int batch) {
        int n = batch * size;
        for (int i = 0; i < n; i++) {
            y[i] = Math.max(x[i], 0f);
        }
    }

    @Override
    public void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch) {
        if (dx == null) {
            return;
        }
        int n = batch * size;
        for (int i = 0; i < n; i++) {
            dx[i] = x[i] > 0f ? dy[i] : 0f;
        }
    }

    @Override
    public String toString() {
        return "ReLU";
    }
}
