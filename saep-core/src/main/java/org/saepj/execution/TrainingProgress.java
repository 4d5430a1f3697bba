package org.saepj.execution;

/** Hears training steps as they complete; called from worker threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface TrainingProgress {
    /** Ignores everything. */
    TrainingProgress NONE = (index, step, steps) -> {};

    /**
     * @param candidateIndex the task's index
     * @param step steps completed
     * @param steps steps in total
     */
    void stepDone(int candidateIndex, int step, int steps);
}
