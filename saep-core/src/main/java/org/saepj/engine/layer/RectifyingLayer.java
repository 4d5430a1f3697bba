package org.saepj.engine.layer;

/**
 * A layer whose training passes can take in the ReLU that reads its output alone (batch normalisation): the forward
 * pass clamps at zero in the sweep that writes its output, and the backward pass applies the ReLU's mask to the
 * output gradient inside its own sweeps. A {@link TrainingPlan} finds such pairs; each value goes through the float
 * operations of the two layers run one after the other, in the same order, so the bits are theirs.
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
}
