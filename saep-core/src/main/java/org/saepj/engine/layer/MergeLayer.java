package org.saepj.engine.layer;

/**
 * A layer of several inputs ({@code add}, {@code concat}): the network hands it one array per input, in the order its
 * graph node lists them. The single-input passes of {@link Layer} do not apply and throw.
 */
public abstract class MergeLayer extends Layer {
    private final int[] inputSizes;

    /**
     * @param inputSizes values per sample of each input, in order (at least two)
     */
    protected MergeLayer(int... inputSizes) {
        if (inputSizes.length < 2) {
            throw new IllegalArgumentException("a merge needs at least 2 inputs, got " + inputSizes.length);
        }
        this.inputSizes = inputSizes.clone();
    }

    /** @return the number of inputs */
    public final int inputCount() {
        return inputSizes.length;
    }

    /**
     * @param input an input's position
     * @return values per sample of that input
     */
    public final int inputSize(int input) {
        return inputSizes[input];
    }

    /** @return values per sample of all inputs together */
    @Override
    public final int inputSize() {
        int n = 0;
        for (int s : inputSizes) {
            n += s;
        }
        return n;
    }

    /**
     * Computes the outputs of a batch.
     *
     * @param params the network's parameters
     * @param xs each input, {@code batch × inputSize(k)}
     * @param y outputs, {@code batch × outputSize}
     * @param batch the number of samples
     */
    public abstract void forward(float[] params, float[][] xs, float[] y, int batch);

    /**
     * Back-propagates: writes the parameter gradients and the gradient of each input whose {@code dxs} entry is not
     * null. Must follow a {@link #forward(float[], float[][], float[], int)} of the same batch.
     *
     * @param params the network's parameters
     * @param xs the inputs of the forward pass
     * @param y the outputs of the forward pass
     * @param dy the loss gradient with respect to the outputs
     * @param dxs receives the gradient with respect to each input; an entry is null when not needed
     * @param grads the network's gradient array
     * @param batch the number of samples
     */
    public abstract void backward(
            float[] params, float[][] xs, float[] y, float[] dy, float[][] dxs, float[] grads, int batch);

    @Override
    public final void forward(float[] params, float[] x, float[] y, int batch) {
        throw new UnsupportedOperationException(
                this + " has " + inputCount() + " inputs: call the forward pass of several inputs");
    }

    @Override
    public final void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch) {
        throw new UnsupportedOperationException(
                this + " has " + inputCount() + " inputs: call the backward pass of several inputs");
    }
}
