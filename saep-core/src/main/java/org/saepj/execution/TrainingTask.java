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
 */
public record TrainingTask(int index, CandidateSpec candidate, Dataset train, int[] batches, int batchSize,
                           List<Dataset> outputsOn) {
    /** @return the number of training steps */
    public int steps() {
        return batches.length / batchSize;
    }
}
