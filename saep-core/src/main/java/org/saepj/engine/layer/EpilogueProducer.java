package org.saepj.engine.layer;

/**
 * A layer whose inference pass ends with a sweep over its {@code positions × channels} output (a convolution adding
 * its bias), into which an {@link InferencePlan} can fold the {@link ChannelMap} steps of the layers that follow
 * it (a layer reading an H×W×C output maps per channel of those C).
 */
interface EpilogueProducer {
    /**
     * The inference pass followed, in the same sweep, by the epilogue's steps: the bits of this layer's {@link
     * Layer#forward(float[], float[], float[], int)} followed by the separate passes of those steps' layers.
     *
     * @param params the network's parameters
     * @param x inputs, {@code batch × inputSize}
     * @param y outputs, {@code batch × outputSize}
     * @param batch the number of samples
     * @param epilogue the steps to apply
     */
    void forward(float[] params, float[] x, float[] y, int batch, Epilogue epilogue);
}
