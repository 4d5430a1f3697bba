package org.saepj.task;

/**
 * A task's loss bound to a set of targets: rows name samples of those targets, outputs are a network's or an
 * ensemble's, {@code width} values per sample.
 */
public interface Loss {
    /**
     * The mean loss of a batch and, when {@code grad} is given, its gradient with respect to the outputs.
     *
     * @param outputs {@code count × width} values, the batch's samples in the order of {@code rows}
     * @param rows the target row of each output row
     * @param count the batch's size (rows beyond it are ignored)
     * @param grad receives {@code count × width} gradients of the mean loss, or null
     * @return the mean loss of the batch
     */
    float batch(float[] outputs, int[] rows, int count, float[] grad);

    /**
     * The mean loss over every target, in double precision.
     *
     * @param outputs {@code size × width} values, in target order
     * @return the mean loss
     */
    double mean(float[] outputs);

    /**
     * The gradient of one sample's loss with respect to a combined output, in double precision: what the mixture
     * weights are fitted with.
     *
     * @param combined the sample's output in {@code combined[0 … width − 1]}; the rest is scratch this method may use
     * @param row the sample's target row
     * @param delta receives the {@code width} gradients
     */
    void sampleGradient(double[] combined, int row, double[] delta);
}
