package org.saepj.engine.layer;

/**
 * Inverted dropout: in a training pass each value is kept with probability 1 − rate and scaled by 1/(1 − rate), or
 * zeroed; in inference it is the identity. The mask comes from the layer's random stream of the pass ({@link
 * Pass#seed(Layer)}): a function of the network's seed, the node and the step only, so training is repeatable for a
 * seed and does not depend on the thread count. The backward pass draws the same mask again rather than keeping it.
 */
public final class Dropout extends Layer {
    private final int size;
    private final float rate;
    private final float scale;

    /**
     * @param size values per sample
     * @param rate the probability of zeroing a value, in [0, 1)
     */
    public Dropout(int size, float rate) {
        this.size = size;
        this.rate = rate;
        this.scale = 1 / (1 - rate);
    }

    @Override
    public int inputSize() {
        return size;
    }

    @Override
    public int outputSize() {
        return size;
    }

    /**
     * @param seed the stream's seed at this step
     * @param i the value's index in the batch
     * @return whether the value is kept
     */
    private boolean kept(long seed, int i) {
        return Pass.uniform(seed, i) >= rate;
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int batch, Pass pass) {
        if (!pass.training()) {
            forward(params, x, y, batch);
            return;
        }
        long seed = pass.seed(this);
        for (int i = 0, n = batch * size; i < n; i++) {
            y[i] = kept(seed, i) ? x[i] * scale : 0f;
        }
    }

    @Override
    public void backward(
            float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch, Pass pass) {
        if (dx == null) {
            return;
        }
        if (!pass.training()) {
            backward(params, x, y, dy, dx, grads, batch);
            return;
        }
        long seed = pass.seed(this);
        for (int i = 0, n = batch * size; i < n; i++) {
            dx[i] = kept(seed, i) ? dy[i] * scale : 0f;
        }
    }

    /** Inference: the identity. */
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
        return "Dropout(" + rate + ")";
    }
}
