package org.saepj.engine.layer;

/**
 * An elementwise activation f(x) with no parameters: each value and its derivative computed in double from the
 * float input, then rounded once.
 */
public abstract class Elementwise extends Layer {
    private final int size;

    /**
     * @param size values per sample
     */
    protected Elementwise(int size) {
        this.size = size;
    }

    /**
     * @param x an input value
     * @return f(x)
     */
    protected abstract double value(double x);

    /**
     * @param x an input value
     * @return f′(x)
     */
    protected abstract double derivative(double x);

    @Override
    public final int inputSize() {
        return size;
    }

    @Override
    public final int outputSize() {
        return size;
    }

    @Override
    public final void forward(float[] params, float[] x, float[] y, int batch) {
        for (int i = 0, n = batch * size; i < n; i++) {
            y[i] = (float) value(x[i]);
        }
    }

    @Override
    public final void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch) {
        if (dx == null) {
            return;
        }
        for (int i = 0, n = batch * size; i < n; i++) {
            dx[i] = (float) (dy[i] * derivative(x[i]));
        }
    }
}
