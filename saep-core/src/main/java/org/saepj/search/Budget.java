package org.saepj.search;

/**
 * How much a search trains: T iterations sharing a total of training steps of a batch size each, and the
 * rule that may end it early.
 *
 * @param iterations T
 * @param totalSteps training steps over the whole search; each iteration gets ⌊totalSteps / T⌋
 * @param batchSize samples per step
 * @param stopping when the search ends before its last iteration (default: never)
 * @param epochs each candidate's budget in passes over the training data, which replaces {@code totalSteps}; null for
 *     the fixed ⌊totalSteps / T⌋ steps (the paper's, and configurations stored before it existed)
 */
public record Budget(int iterations, int totalSteps, int batchSize, StoppingRule stopping, Epochs epochs) {
    /** The paper's: 11 iterations, 5000 steps in total, batch 64, no early stop. */
    public static final Budget DEFAULT = new Budget(11, 5000, 64, StoppingRule.NONE);

    /**
     * A budget of fixed steps.
     *
     * @param iterations T
     * @param totalSteps training steps over the whole search
     * @param batchSize samples per step
     * @param stopping when the search ends before its last iteration
     */
    public Budget(int iterations, int totalSteps, int batchSize, StoppingRule stopping) {
        this(iterations, totalSteps, batchSize, stopping, null);
    }

    /** The most sample indices an iteration's batches hold: the largest array a JVM allocates. */
    public static final long MAX_BATCH_INDICES = Integer.MAX_VALUE - 8;

    /**
     * Validates every setting.
     *
     * @param iterations T
     * @param totalSteps training steps over the whole search; each iteration gets ⌊totalSteps / T⌋
     * @param batchSize samples per step
     * @param stopping when the search ends before its last iteration (default: never)
     * @param epochs each candidate's budget in passes over the training data, or null for fixed steps
     */
    public Budget {
        stopping = stopping == null ? StoppingRule.NONE : stopping; // configurations stored before the rule existed
        InvalidSettingException.require(iterations >= 1, "iterations", "must be at least 1, got " + iterations);
        InvalidSettingException.require(
                totalSteps >= iterations,
                "totalSteps",
                "must be at least the number of iterations (" + iterations + "), got " + totalSteps);
        InvalidSettingException.require(
                batchSize >= 1 && batchSize <= MAX_BATCH_INDICES,
                "batchSize",
                "must be at least 1 and at most " + MAX_BATCH_INDICES + ", got " + batchSize);
        // An iteration's batches are drawn into one array of steps × batch sample indices, which Java caps.
        long perIteration = (long) (totalSteps / iterations) * batchSize;
        long mostSteps = Math.min(Integer.MAX_VALUE, MAX_BATCH_INDICES / batchSize * iterations);
        InvalidSettingException.require(
                perIteration <= MAX_BATCH_INDICES,
                "totalSteps",
                totalSteps + " gives "
                        + totalSteps / iterations + " steps per iteration of " + batchSize + " samples: more than one"
                        + " iteration's batches can hold (" + MAX_BATCH_INDICES + " sample indices); at most "
                        + mostSteps
                        + " with " + iterations + " iterations of batch " + batchSize);
    }

    /** @return S = ⌊totalSteps / iterations⌋, the training steps of each iteration of a fixed budget */
    public int stepsPerIteration() {
        return totalSteps / iterations;
    }

    /**
     * @param trainRows the rows candidates train on
     * @return the training steps of each iteration: the epochs' steps for that many rows (at most what an iteration's
     *     batches can hold), else {@link #stepsPerIteration()}
     */
    public int stepsPerIteration(int trainRows) {
        if (epochs == null) {
            return stepsPerIteration();
        }
        return (int) Math.min(epochs.steps(trainRows, batchSize), MAX_BATCH_INDICES / batchSize);
    }

    /**
     * @param trainRows the rows candidates train on
     * @return the most steps a member may train under a time budget ({@link TimePlan#decide(double, int, int, int,
     *     int, int, boolean, TimePlan.Throughput)}): for a data-scaled default ({@link Epochs#isDataScaledDefault()}),
     *     whose ceiling only bounds a search without a time budget, its epochs without that ceiling (at most what an
     *     iteration's batches can hold); else {@link #stepsPerIteration(int)}, an upper bound
     */
    public int mostStepsUnderTime(int trainRows) {
        if (epochs == null || !epochs.isDataScaledDefault()) {
            return stepsPerIteration(trainRows);
        }
        return (int) Math.min(epochs.uncappedSteps(trainRows, batchSize), MAX_BATCH_INDICES / batchSize);
    }
}
