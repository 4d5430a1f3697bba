package org.saepj.task;

import java.util.List;
import org.saepj.ensemble.Logits;
import org.saepj.export.OnnxGraph;
import org.saepj.pruning.PruningInput;

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
     * The loss members train on: {@link #loss}, with the class targets smoothed by ε for a task of classes. Only
     * training uses it; scores, early stopping and the mixture weights use {@link #loss}.
     *
     * @param targets targets of this task
     * @param labelSmoothing ε in [0, 1); 0 gives {@link #loss} itself
     * @return the training loss over those targets
     * @throws IllegalArgumentException when ε is not 0 and the task has no classes to smooth
     */
    default Loss trainingLoss(Targets targets, double labelSmoothing) {
        if (labelSmoothing != 0) {
            throw new IllegalArgumentException("label smoothing applies to classes, and a " + id() + " task has none");
        }
        return loss(targets);
    }

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

    /** @return how {@link #holdout} splits, in words for reports: "stratified" (by class) or "random" */
    String holdoutKind();

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

    /**
     * @param width the number of outputs per sample
     * @return what {@link #exportHead} gives a user, in words: "10 classes; outputs 'logits' and 'probabilities'
     *     [N, 10]"
     */
    String exportedOutputs(int width);
    /**
     * The discrete predictions the classification criteria and diversity measures read: each sample's class.
     *
     * @param outputs outputs, {@code size × width}
     * @param width outputs per sample
     * @return one predicted class per sample, or null for a task without classes (regression)
     */
    int[] predictions(float[] outputs, int width);

    /**
     * What a pruning criterion decides on: the members' predicted classes and the labels for classification, their
     * outputs and the targets for a task of values.
     *
     * @param memberOutputs each member's outputs on the selection data
     * @param memberPredictions each member's {@link #predictions} on it (null entries for a task without classes)
     * @param targets the selection data's targets
     * @param weights the members' mixture weights
     * @param width outputs per sample
     * @return the criterion's input
     */
    PruningInput pruningInput(
            List<float[]> memberOutputs, int[][] memberPredictions, Targets targets, double[] weights, int width);

    /** @return whether members predict classes, so that criteria judging by predicted classes apply */
    boolean predictsClasses();

    /**
     * The targets of a partition as the networks learn them, given the training part's: regression standardises every
     * partition with the training part's mean and standard deviation.
     *
     * @param targets a partition's targets
     * @param training the training part's targets
     * @return the targets to search on
     */
    default Targets prepared(Targets targets, Targets training) {
        return targets;
    }

    /**
     * The targets learned with a regression loss of the search's choosing ({@code SearchConfig.regressionLoss}).
     * Only a task of values has such a choice; any other takes squared error, the default, as "its own loss" and
     * refuses Huber's.
     *
     * @param targets a partition's prepared targets
     * @param loss the search's choice
     * @return the targets, bound to that loss
     * @throws org.saepj.search.InvalidSettingException on {@code regressionLoss} when the task has no such choice
     */
    default Targets withLoss(Targets targets, RegressionLoss loss) {
        if (!loss.equals(RegressionLoss.SQUARED)) {
            throw new org.saepj.search.InvalidSettingException(
                    "regressionLoss",
                    "is " + loss + ", which a " + id() + " search does not take: it applies to regression only");
        }
        return targets;
    }

    /**
     * Refuses training targets a search cannot learn from honestly, before any training, in one line naming the
     * source.
     *
     * @param training the training part's targets
     * @param source the source they were read from
     * @throws org.saepj.DataException when they cannot be learned
     */
    default void checkTrainable(Targets training, String source) {}

    /**
     * What an iteration records of the ensemble on test data: the headline and diversity (classification), or the
     * regression measures.
     *
     * @param memberOutputs each member's outputs
     * @param memberPredictions each member's {@link #predictions}
     * @param weights the mixture weights
     * @param targets the test targets
     * @return the measures; fields the iteration does not record are NaN, empty or null
     */
    Measures measureIteration(
            List<float[]> memberOutputs, int[][] memberPredictions, double[] weights, Targets targets);

    /**
     * What the report records of the final ensemble on test data.
     *
     * @param memberOutputs each member's outputs
     * @param memberPredictions each member's {@link #predictions}
     * @param weights the mixture weights
     * @param targets the test targets
     * @param width outputs per sample
     * @return the measures
     */
    Measures measureFinal(
            List<float[]> memberOutputs, int[][] memberPredictions, double[] weights, Targets targets, int width);
}
