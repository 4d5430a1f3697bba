package org.saepj.execution;

import java.util.List;
import java.util.Optional;
import org.saepj.engine.Network;
import org.saepj.subnetwork.CandidateSpec;

/**
 * A trained candidate: its network, how training went, and its logits on the requested partitions.
 *
 * @param candidate what was trained
 * @param network the trained network
 * @param trainLoss the mean loss over the last tenth of the steps (a smoothed end-of-training loss)
 * @param divergence why training was abandoned (a non-finite loss), if it was
 * @param logits logits on each partition of the task's {@code outputsOn}, in order (empty when diverged)
 * @param predictions the predicted class (argmax) of each row of each logits array, in the same order
 * @param trainSeconds wall time of the training steps
 * @param inferenceSeconds wall time of computing the logits
 * @param stepsRun the training steps taken (fewer than planned when it stopped early; 0 when not known: a restored
 *     member)
 * @param keptStep the step whose parameters the network holds (the lowest validation loss under early stopping, else
 *     the last step run; 0 when not known)
 */
public record TrainedCandidate(
        CandidateSpec candidate,
        Network network,
        double trainLoss,
        Optional<String> divergence,
        List<float[]> logits,
        List<int[]> predictions,
        double trainSeconds,
        double inferenceSeconds,
        int stepsRun,
        int keptStep) {
    /**
     * A candidate whose steps are not known (a member restored from a checkpoint).
     *
     * @param candidate what was trained
     * @param network the trained network
     * @param trainLoss the smoothed end-of-training loss
     * @param divergence why training was abandoned, if it was
     * @param logits logits on each partition of the task's {@code outputsOn}
     * @param predictions the predicted class of each row of each logits array
     * @param trainSeconds wall time of the training steps
     * @param inferenceSeconds wall time of computing the logits
     */
    public TrainedCandidate(
            CandidateSpec candidate,
            Network network,
            double trainLoss,
            Optional<String> divergence,
            List<float[]> logits,
            List<int[]> predictions,
            double trainSeconds,
            double inferenceSeconds) {
        this(candidate, network, trainLoss, divergence, logits, predictions, trainSeconds, inferenceSeconds, 0, 0);
    }

    /** @return true when training produced a usable network */
    public boolean usable() {
        return divergence.isEmpty();
    }
}
