package org.saepj.spark;

import java.io.Serializable;

/**
 * What an executor returns for one candidate: the trained parameters, how training went and the logits on the
 * partitions the task asked for — what the local executor hands the search, less the network object, which the driver
 * rebuilds from the parameters.
 */
final class CandidateOutcome implements Serializable {
    private static final long serialVersionUID = 1L;
    final float[] parameters;
    final double trainLoss;
    /** Why training was abandoned, or null. */
    final String divergence;
    final float[][] logits;
    final double trainSeconds;
    final double inferenceSeconds;

    CandidateOutcome(float[] parameters, double trainLoss, String divergence, float[][] logits, double trainSeconds,
                     double inferenceSeconds) {
        this.parameters = parameters;
        this.trainLoss = trainLoss;
        this.divergence = divergence;
        this.logits = logits;
        this.trainSeconds = trainSeconds;
        this.inferenceSeconds = inferenceSeconds;
    }
}
