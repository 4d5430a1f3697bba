package org.saepj.engine.layer;

import java.util.SplittableRandom;

/**
 * One layer of a network. Parameters live in the network's flat array at {@link #offset()}, non-trainable state
 * (running statistics) in the network's state array at {@link #stateOffset()}; activations are row-major batches
 * ({@code batch × outputSize}). Layers that behave differently when training (batch normalisation, dropout) override
 * the passes that take a {@link Pass}; the others implement the plain passes, which the network reaches through the
 * defaults.
 *
 * <p>A layer instance belongs to one network and may keep scratch buffers sized for the largest batch seen,
 * so it must be used by one thread at a time.
 */
public abstract class Layer {
    private int offset;
    private int stateOffset;
    private int index;

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

    /** @return the number of non-trainable values the layer keeps in the network's state array (running statistics) */
    public int stateCount() {
        return 0;
    }

    /** @return where this layer's state starts in the network's state array */
    public final int stateOffset() {
        return stateOffset;
    }

    /** @return the layer's node index in its network: the key of its random stream ({@link Pass#seed(Layer)}) */
    public final int index() {
        return index;
    }

    /**
     * Places the layer's state and names its node; called once by the network.
     *
     * @param index the node's index
     * @param stateOffset where its state starts
     */
    public final void placeState(int index, int stateOffset) {
        this.index = index;
        this.stateOffset = stateOffset;
    }

    /**
     * Sets the initial state (e.g. running variance 1); draws nothing, so the parameters' random draws do not depend
     * on which layers keep state.
     *
     * @param state the network's state array
     */
    public void initializeState(float[] state) {}

    /**
     * Computes the outputs of a batch in the pass's mode; by default the plain {@link #forward(float[], float[],
     * float[], int)}, for layers that behave the same when training.
     *
     * @param params the network's parameters
     * @param x inputs, {@code batch × inputSize}
     * @param y outputs, {@code batch × outputSize}
     * @param batch the number of samples
     * @param pass the mode, the state and the random streams
     */
    public void forward(float[] params, float[] x, float[] y, int batch, Pass pass) {
        forward(params, x, y, batch);
    }

    /**
     * Back-propagates after a {@link #forward(float[], float[], float[], int, Pass)} of the same batch and pass; by
     * default the plain {@link #backward(float[], float[], float[], float[], float[], float[], int)}.
     *
     * @param params the network's parameters
     * @param x the inputs of the forward pass
     * @param y the outputs of the forward pass
     * @param dy the loss gradient with respect to the outputs
     * @param dx receives the gradient with respect to the inputs, or null when not needed
     * @param grads the network's gradient array
     * @param batch the number of samples
     * @param pass the mode, the state and the random streams of the forward pass
     */
    public void backward(
            float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch, Pass pass) {
        backward(params, x, y, dy, dx, grads, batch);
    }

    /**
     * Draws initial parameters.
     *
     * @param params the network's parameters
     * @param rng the seeded source of randomness
     */
    public void initialize(float[] params, SplittableRandom rng) {}

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
    public abstract void backward(
            float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch);

    /**
     * The scratch memory a training step needs beyond the activations and their gradients, for a memory estimate made
     * before anything is allocated: an upper bound per sample of the batch.
     *
     * @return floats per sample (im2col patches, say); 0 by default
     */
    public long scratchFloatsPerSample() {
        return 0;
    }

    /** Frees scratch buffers kept between passes; they are allocated again when needed. */
    public void releaseBuffers() {}

    /** @return a short description, e.g. "Dense(784→32)" */
    @Override
    public abstract String toString();
}
