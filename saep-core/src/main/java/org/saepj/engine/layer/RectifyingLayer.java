package org.saepj.engine.layer;

/**
 * A layer whose training passes can take in the ReLU that reads its output alone (batch normalisation), and the 2×2 max
 * pooling that alone reads the ReLU's, or a residual connection's sum between it and the ReLU: the forward pass clamps
 * at zero (and pools) in the sweep that writes its output, and the backward pass applies the ReLU's mask (and the
 * pool's routing) to the output gradient inside its own sweeps. A {@link TrainingPlan} finds such pairs; each value
 * goes through the float operations of the two layers run one after the other, in the same order, so the bits are
 * theirs.
 */
interface RectifyingLayer {
    /**
     * The training forward pass followed by {@code max(·, 0)}, in one sweep.
     *
     * @param params the network's parameters
     * @param x inputs, {@code batch × inputSize}
     * @param y receives the ReLU's outputs, {@code batch × outputSize}
     * @param batch the number of samples
     * @param pass a training pass
     */
    void forwardRectified(float[] params, float[] x, float[] y, int batch, Pass pass);

    /**
     * The training backward pass of this layer and the ReLU, after {@link #forwardRectified} of the same batch.
     *
     * @param params the network's parameters
     * @param x the inputs of the forward pass
     * @param y the ReLU's outputs (positive exactly where the ReLU passed its gradient)
     * @param dy the loss gradient with respect to the ReLU's outputs
     * @param dx receives the gradient with respect to the inputs, or null when not needed
     * @param grads the network's gradient array
     * @param batch the number of samples
     * @param pass the training pass of the forward pass
     */
    void backwardRectified(
            float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch, Pass pass);

    /**
     * The training forward pass, its sum with a residual connection's other input and {@code max(·, 0)}, in one sweep:
     * the output and the sum are not written.
     *
     * @param params the network's parameters
     * @param x the layer's inputs
     * @param skip the sum's other input, of the layer's output shape
     * @param y receives the ReLU's output
     * @param batch the number of samples
     * @param pass a training pass
     */
    void forwardRectifiedSum(float[] params, float[] x, float[] skip, float[] y, int batch, Pass pass);

    /**
     * The training backward pass of this layer, the sum and the ReLU, after {@link #forwardRectifiedSum} of the same
     * batch: the ReLU's gradient goes to the layer's sweeps and, unchanged, to the sum's other input.
     *
     * @param params the network's parameters
     * @param x the layer's inputs of the forward pass
     * @param y the ReLU's outputs of the forward pass
     * @param dy the loss gradient with respect to them
     * @param dx receives the gradient with respect to the layer's inputs, or null when not needed
     * @param skipDx receives the gradient with respect to the sum's other input, or null when not needed
     * @param grads the network's gradient array
     * @param batch the number of samples
     * @param pass the training pass of the forward pass
     */
    void backwardRectifiedSum(
            float[] params,
            float[] x,
            float[] y,
            float[] dy,
            float[] dx,
            float[] skipDx,
            float[] grads,
            int batch,
            Pass pass);

    /**
     * @param h a height
     * @param w a width
     * @return true when the layer's inputs are {@code h × w} maps of channels, which a pool after its ReLU reads
     */
    boolean hasMaps(int h, int w);

    /**
     * The training forward pass followed by {@code max(·, 0)} and 2×2 max pooling (stride 2), writing only the pooled
     * output: the full-size ReLU output is neither written nor read.
     *
     * @param params the network's parameters
     * @param x inputs, {@code batch × h × w × channels}
     * @param y receives the pool's outputs, {@code batch × h/2 × w/2 × channels}
     * @param batch the number of samples
     * @param h the maps' height, even
     * @param w their width, even
     * @param pass a training pass
     */
    void forwardRectifiedPooled(float[] params, float[] x, float[] y, int batch, int h, int w, Pass pass);

    /**
     * The training backward pass of this layer, the ReLU and the pool, after {@link #forwardRectifiedPooled} of the
     * same batch: the gradient the pool and the ReLU pass back to each position is found again from {@code x} and
     * {@code y}, not read from a full-size array.
     *
     * @param params the network's parameters
     * @param x the inputs of the forward pass
     * @param y the pool's outputs of the forward pass
     * @param dy the loss gradient with respect to the pool's outputs
     * @param dx receives the gradient with respect to the inputs, or null when not needed
     * @param grads the network's gradient array
     * @param batch the number of samples
     * @param h the maps' height, even
     * @param w their width, even
     * @param pass the training pass of the forward pass
     */
    void backwardRectifiedPooled(
            float[] params,
            float[] x,
            float[] y,
            float[] dy,
            float[] dx,
            float[] grads,
            int batch,
            int h,
            int w,
            Pass pass);
}
