package org.saepj.execution;

import java.util.List;
import org.saepj.data.Dataset;
import org.saepj.subnetwork.CandidateSpec;

/**
 * Everything needed to train one candidate and compute its outputs, independent of where it runs.
 *
 * @param index the candidate's position in its iteration (results come back in this order)
 * @param candidate what to train
 * @param train the training partition
 * @param batches the sample indices of every step, {@code steps × batchSize}, shared by the iteration's candidates
 * @param batchSize samples per step
 * @param outputsOn the partitions on which the trained network's logits are wanted (train, selection, test)
 * @param validation the data early stopping measures the loss on, or null without early stopping
 * @param earlyStopping when training stops before its last step ({@link EarlyStopping#NONE}: never)
 * @param recipe the schedule, label smoothing and augmentation ({@link TrainingRecipe#PLAIN}: none)
 */
public record TrainingTask(
        int index,
        CandidateSpec candidate,
        Dataset train,
        int[] batches,
        int batchSize,
        List<Dataset> outputsOn,
        Dataset validation,
        EarlyStopping earlyStopping,
        TrainingRecipe recipe) {
    /**
     * Checks that early stopping has its data.
     *
     * @param index the candidate's position in its iteration
     * @param candidate what to train
     * @param train the training partition
     * @param batches the sample indices of every step
     * @param batchSize samples per step
     * @param outputsOn the partitions on which the trained network's logits are wanted
     * @param validation the data early stopping measures the loss on, or null without early stopping
     * @param earlyStopping when training stops before its last step
     * @param recipe the schedule, label smoothing and augmentation; null for none
     */
    public TrainingTask {
        earlyStopping = earlyStopping == null ? EarlyStopping.NONE : earlyStopping;
        recipe = recipe == null ? TrainingRecipe.PLAIN : recipe;
        if (earlyStopping.enabled() && validation == null) {
            throw new IllegalArgumentException(
                    "candidate " + candidate.name() + ": early stopping needs validation data");
        }
    }

    /**
     * A task trained as today (no schedule, smoothing or augmentation).
     *
     * @param index the candidate's position in its iteration
     * @param candidate what to train
     * @param train the training partition
     * @param batches the sample indices of every step
     * @param batchSize samples per step
     * @param outputsOn the partitions on which the trained network's logits are wanted
     * @param validation the data early stopping measures the loss on, or null without early stopping
     * @param earlyStopping when training stops before its last step
     */
    public TrainingTask(
            int index,
            CandidateSpec candidate,
            Dataset train,
            int[] batches,
            int batchSize,
            List<Dataset> outputsOn,
            Dataset validation,
            EarlyStopping earlyStopping) {
        this(index, candidate, train, batches, batchSize, outputsOn, validation, earlyStopping, TrainingRecipe.PLAIN);
    }

    /**
     * A task that trains every step (no early stopping).
     *
     * @param index the candidate's position in its iteration
     * @param candidate what to train
     * @param train the training partition
     * @param batches the sample indices of every step
     * @param batchSize samples per step
     * @param outputsOn the partitions on which the trained network's logits are wanted
     */
    public TrainingTask(
            int index, CandidateSpec candidate, Dataset train, int[] batches, int batchSize, List<Dataset> outputsOn) {
        this(index, candidate, train, batches, batchSize, outputsOn, null, EarlyStopping.NONE, TrainingRecipe.PLAIN);
    }

    /** @return the number of training steps */
    public int steps() {
        return batches.length / batchSize;
    }
}
