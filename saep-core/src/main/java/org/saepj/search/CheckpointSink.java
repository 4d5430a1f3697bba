package org.saepj.search;

/** Receives the search's state after every iteration, to make it resumable. */
@FunctionalInterface
public interface CheckpointSink {
    /** Keeps nothing. */
    CheckpointSink NONE = state -> {};

    /**
     * Stores the state; called on the search's thread after each iteration's record.
     *
     * @param state the state after the iteration
     */
    void save(SearchState state);
}
