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
 * @param stepsRun the training steps it took (fewer than the iteration's when it stopped early; 0 in records
 *     written before it was recorded)
 * @param keptStep the step whose parameters it kept (its lowest validation loss under early stopping, else its last)
 */
public record CandidateRecord(
        String name,
        int depth,
        double objective,
        double trainLoss,
        boolean selected,
        String divergence,
        Integer stepsRun,
        Integer keptStep) {
    /**
     * Reads records written before the steps were recorded as 0 steps.
     *
     * @param name e.g. "dnn-depth-2"
     * @param depth its depth
     * @param objective the objective of the ensemble with it added
     * @param trainLoss its mean training loss at the end of training
     * @param selected whether its option was chosen
     * @param divergence why it was dropped, or null
     * @param stepsRun the training steps it took, or null when not recorded
     * @param keptStep the step whose parameters it kept, or null when not recorded
     */
    public CandidateRecord {
        stepsRun = stepsRun == null ? 0 : stepsRun;
        keptStep = keptStep == null ? 0 : keptStep;
    }

    /**
     * A record without its steps.
     *
     * @param name e.g. "dnn-depth-2"
     * @param depth its depth
     * @param objective the objective of the ensemble with it added
     * @param trainLoss its mean training loss at the end of training
     * @param selected whether its option was chosen
     * @param divergence why it was dropped, or null
     */
    public CandidateRecord(
            String name, int depth, double objective, double trainLoss, boolean selected, String divergence) {
        this(name, depth, objective, trainLoss, selected, divergence, 0, 0);
    }
}
