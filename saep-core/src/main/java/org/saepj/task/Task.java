package org.saepj.task;

import java.util.List;
import org.saepj.ensemble.Logits;
import org.saepj.export.OnnxGraph;

/**
 * What a search learns: the seam between the search and the kind of target. A task is stateless; it is found by its
 * {@link #id()} through {@link Tasks} (the saved ensemble records the id), and its targets name it.
 *
 * <p>Everything that depends on the kind of target goes through here: the width of the networks' output, the loss
 * members train on and candidates are scored by, how members' outputs combine, how data is split, the headline
 * metric, and the head of the exported ONNX graph.
 */
public interface Task {
    /** @return the stable id, e.g. {@code classification}, recorded in saved ensembles */
    String id();

    /**
     * @param targets targets of this task
     * @return how many outputs per sample a network needs for them (the class count, or 1 for one value)
     */
    int outputWidth(Targets targets);

    /**
     * @param targets targets of this task
     * @return the loss over those targets
     */
    Loss loss(Targets targets);

    /**
     * The loss of a model that knows nothing but the targets' spread (uniform class probabilities, the mean value): a
     * member that ends training above it has learned nothing.
     *
     * @param targets targets of this task
     * @return that loss
     */
    double uninformedLoss(Targets targets);

    /**
     * @param targets targets of this task
     * @return the uninformed model and its loss in words, for a warning: "guessing uniformly (ln 10 = 2.3026)"
     */
    String uninformedGuess(Targets targets);

    /**
     * How members' outputs make the ensemble's: the weighted sum (AdaNet's mixture; logits for classification).
     *
     * @param outputs each member's outputs, all of one length
     * @param weights one weight per member
     * @return the combined outputs
     */
    default float[] combine(List<float[]> outputs, double[] weights) {
        return Logits.combine(outputs, weights);
    }

    /**
     * @return the name of the headline metric ({@code accuracy}), higher is better or as {@link #higherIsBetter()}
     */
    String headlineMetric();

    /** @return whether a larger headline metric is better */
    boolean higherIsBetter();

    /**
     * @param outputs combined outputs, {@code size × width}
     * @param targets the true targets
     * @return the headline metric
     */
    double headline(float[] outputs, Targets targets);

    /**
     * Splits samples into kept and held-out parts (stratified by class for classification).
     *
     * @param targets the samples' targets
     * @param fraction the share to hold out, in (0, 1)
     * @param seed the split's seed
     * @return the two parts
     */
    Holdout holdout(Targets targets, double fraction, long seed);

    /**
     * Splits samples into K folds for cross-validation.
     *
     * @param targets the samples' targets
     * @param k the number of folds
     * @param seed the split's seed
     * @return the test indices of each fold
     */
    int[][] folds(Targets targets, int k, long seed);

    /**
     * Adds the task's head to an exported graph: the nodes from the combined outputs to what a user reads, and the
     * graph's outputs.
     *
     * @param graph the graph being built
     * @param outputs the name of the combined outputs, {@code [N, width]}
     * @param width the number of outputs per sample
     */
    void exportHead(OnnxGraph graph, String outputs, int width);
}
