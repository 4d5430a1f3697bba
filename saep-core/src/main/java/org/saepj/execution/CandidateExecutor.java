package org.saepj.execution;

import java.util.List;

/**
 * Trains an iteration's candidates. The default runs them on a local thread pool; a distributed executor can
 * replace it without touching the search, as long as it returns results in task order.
 */
public interface CandidateExecutor extends AutoCloseable {
    /**
     * @param tasks the iteration's candidates
     * @param progress step events
     * @return one result per task, in task order
     */
    List<TrainedCandidate> train(List<TrainingTask> tasks, TrainingProgress progress);

    /** @return a description for provenance, e.g. "local, 2 threads" */
    String describe();

    @Override
    void close();
}
