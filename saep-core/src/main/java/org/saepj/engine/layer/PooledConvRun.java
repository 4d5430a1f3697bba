package org.saepj.engine.layer;

/**
 * A first convolution's training run with the 2×2 max pool that alone reads it, and the ReLU that alone reads the
 * pool where there is one (the paper's CNN: convolution, pool, ReLU), as one call each way. The convolution's output,
 * the largest array of such a network's step (64 × 28 × 28 × 16 floats, 3.2 MB, for the paper's CNN), and its
 * gradient are never written whole: the forward pass pools a few images' outputs while they are in cache and keeps
 * beside each pooled value the position it came from, and the backward pass makes the convolution's dy from those a
 * chunk of images at a time where the kernel gradient reads it ({@link Conv2D#forwardPooled},
 * {@link Conv2D#backwardPooled}). Every value goes through the float operations of the layers one by one, in the same
 * order: the same bits.
 */
final class PooledConvRun {
    private final Conv2D conv;
    private final boolean rectify;
    /** Beside each output of the last training pass: its window's position holding the maximum (0 … 3). */
    private float[] route = new float[0];

    /**
     * Whether a convolution can start such a run.
     *
     * @param conv the convolution, of the network's input
     * @param pool the max pool that alone reads it
     * @return true when the convolution's im2col form runs with a pool over its whole output
     */
    static boolean takes(Conv2D conv, MaxPool2 pool) {
        return conv.poolsInTraining()
                && pool.height() == conv.rows().out()
                && pool.width() == conv.columns().out();
    }

    /**
     * @param conv the convolution
     * @param rectify whether a ReLU after the pool runs in the call too
     */
    PooledConvRun(Conv2D conv, boolean rectify) {
        this.conv = conv;
        this.rectify = rectify;
    }

    /** @return how many nodes the run spans: the convolution, the pool and perhaps the ReLU */
    int span() {
        return rectify ? 3 : 2;
    }

    void forward(float[] params, float[] x, float[] y, int batch, Pass pass) {
        int size = batch * conv.outputSize() / 4;
        if (route.length < size) {
            route = new float[size];
        }
        conv.forwardPooled(params, x, y, route, batch, rectify, pass.chunks());
    }

    void backward(float[] x, float[] y, float[] dy, float[] grads, int batch) {
        conv.backwardPooled(x, y, dy, route, grads, batch, rectify);
    }
}
