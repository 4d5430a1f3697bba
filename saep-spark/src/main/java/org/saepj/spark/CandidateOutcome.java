package org.saepj.spark;

import java.io.Serializable;

/**
 * What an executor returns for one candidate: the trained parameters and layer state, how training went and the
 * logits on the partitions the task asked for — what the local executor hands the search, less the network object,
 * which the driver rebuilds from the parameters and state.
 */
final class CandidateOutcome implements Serializable {
    private static final long serialVersionUID = 3L;
    final float[] parameters;
    /** The layers' state (running statistics), empty when they keep none: a member predicts with it. */
    final float[] state;

    final double trainLoss;
    /** Why training was abandoned, or null. */
    final String divergence;

    final float[][] logits;
    final double trainSeconds;
    final double inferenceSeconds;
    /** The steps taken (fewer than planned when it stopped early) and the step whose parameters are kept. */
    final int stepsRun;

    final int keptStep;

    CandidateOutcome(
            float[] parameters,
            float[] state,
            double trainLoss,
            String divergence,
            float[][] logits,
            double trainSeconds,
            double inferenceSeconds,
            int stepsRun,
            int keptStep) {
        this.stepsRun = stepsRun;
        this.keptStep = keptStep;
        this.parameters = parameters;
        this.state = state;
        this.trainLoss = trainLoss;
        this.divergence = divergence;
        this.logits = logits;
        this.trainSeconds = trainSeconds;
        this.inferenceSeconds = inferenceSeconds;
    }
}
