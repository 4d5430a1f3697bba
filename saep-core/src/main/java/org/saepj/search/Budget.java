package org.saepj.search;

/**
 * How much a search trains: T iterations sharing a total of training steps of a batch size each, and the
 * rule that may end it early.
 *
 * @param iterations T
 * @param totalSteps training steps over the whole search; each iteration gets ⌊totalSteps / T⌋
 * @param batchSize samples per step
 * @param stopping when the search ends before its last iteration (default: never)
 */
public record Budget(int iterations, int totalSteps, int batchSize, StoppingRule stopping) {
    /** The paper's: 11 iterations, 5000 steps in total, batch 64, no early stop. */
    public static final Budget DEFAULT = new Budget(11, 5000, 64, StoppingRule.NONE);

    /**
     * Validates every setting.
     *
     * @param iterations T
     * @param totalSteps training steps over the whole search; each iteration gets ⌊totalSteps / T⌋
     * @param batchSize samples per step
     * @param stopping when the search ends before its last iteration (default: never)
     */
    public Budget {
        stopping = stopping == null ? StoppingRule.NONE : stopping; // configurations stored before the rule existed
        InvalidSettingException.require(iterations >= 1, "iterations", "must be at least 1, got " + iterations);
        InvalidSettingException.require(totalSteps >= iterations, "totalSteps", "must be at least the number of iterations ("
                + iterations + "), got " + totalSteps);
        InvalidSettingException.require(batchSize >= 1, "batchSize", "must be at least 1, got " + batchSize);
    }

    /** @return S = ⌊totalSteps / iterations⌋, the training steps of each iteration */
    public int stepsPerIteration() {
        return totalSteps / iterations;
    }
}
