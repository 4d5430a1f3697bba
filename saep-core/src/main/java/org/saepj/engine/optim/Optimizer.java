package org.saepj.engine.optim;

/**
 * Updates a flat parameter array from its gradient. An instance holds the state of one parameter array
 * (moments, step count) and belongs to one training run.
 */
public interface Optimizer {
    /**
     * Applies one update.
     *
     * @param params the parameters, updated in place
     * @param grads the loss gradient, same layout
     */
    void step(float[] params, float[] grads);

    /** @return the number of updates applied so far */
    long steps();

    /**
     * Scales the learning rate of the following updates (a schedule's factor, {@code LearningRateSchedule}); 1, the
     * start, leaves every update exactly as without a schedule.
     *
     * @param factor the multiplier of the base learning rate, finite and non-negative
     */
    void learningRateFactor(float factor);
}
