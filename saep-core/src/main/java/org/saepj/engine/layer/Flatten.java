package org.saepj.engine.layer;

/**
 * Flattens H×W×C to a vector in (H, W, C) order. Activations are already stored that way, so this is a copy
 * that exists to make the architecture read like the paper's.
 */
public final class Flatten extends Layer {
    private final int size;

    /** @param size values per sample */
    public Flatten(int size) {
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
        System.arraycopy(x, 0, y, 0, batch * size);
    }

    @Override
    public void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch) {
        if (dx != null) {
            System.arraycopy(dy, 0, dx, 0, batch * size);
        }
    }

    @Override
    public String toString() {
        return "Flatten";
    }
}
