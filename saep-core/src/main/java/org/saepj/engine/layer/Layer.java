package org.saepj.engine.layer;

import java.util.SplittableRandom;

/**
 * One layer of a network. Parameters live in the network's flat array at {@link #offset()}; activations are
 * row-major batches ({@code batch × outputSize}).
 *
 * <p>A layer instance belongs to one network and may keep scratch buffers sized for the largest batch seen,
 * so it must be used by one thread at a time.
 */
public abstract class Layer {
    private int offset;

    /** @return values per sample entering the layer */
    public abstract int inputSize();

    /** @return values per sample leaving the layer */
    public abstract int outputSize();

    /** @return the number of trainable parameters */
    public int parameterCount() {
        return 0;
    }

    /** @return where this layer's parameters start in the network's array */
    public final int offset() {
        return offset;
    }

    /**
     * Places the layer's parameters in the network's array; called once by the network.
     *
     * @param offset the start index
     */
    public final void place(int offset) {
        this.offset = offset;
    }

    /**
     * Draws initial parameters.
     *
     * @param params the network's parameters
     * @param rng the seeded source of randomness
     */
    public void initialize(float[] params, SplittableRandom rng) {
    }

    /**
     * Computes the outputs of a batch.
     *
     * @param params the network's parameters
     * @param x inputs, {@code batch × inputSize}
     * @param y outputs, {@code batch × outputSize}
     * @param batch the number of samples
     */
    public abstract void forward(float[] params, float[] x, float[] y, int batch);

    /**
     * Back-propagates: writes this layer's parameter gradients and, unless {@code dx} is null, the gradient
     * with respect to the inputs. Must follow a {@link #forward} of the same batch.
     *
     * @param params the network's parameters
     * @param x the inputs of the forward pass
     * @param y the outputs of the forward pass
     * @param dy the loss gradient with respect to the outputs
     * @param dx receives the gradient with respect to the inputs, or null when not needed (first layer)
     * @param grads the network's gradient array, same layout as params
     * @param batch the number of samples
     */
    public abstract void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch);

    /** Frees scratch buffers kept between passes; they are allocated again when needed. */
    public void releaseBuffers() {
    }

    /** @return a short description, e.g. "Dense(784→32)" */
    @Override
    public abstract String toString();
}
