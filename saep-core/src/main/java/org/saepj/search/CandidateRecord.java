package org.saepj.search;

/**
 * One candidate of an iteration.
 *
 * @param name e.g. "dnn-depth-2"
 * @param depth its depth
 * @param objective the objective of the ensemble with it added (NaN when it diverged)
 * @param trainLoss its mean training loss at the end of training
 * @param selected whether its option was chosen
 * @param divergence why it was dropped, or null
 */
public record CandidateRecord(String name, int depth, double objective, double trainLoss, boolean selected, String divergence) {
}
