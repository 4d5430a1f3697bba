package org.saepj.cli;

import java.nio.file.Path;
import org.saepj.SaepException;
import org.saepj.engine.kernel.Kernels;
import org.saepj.execution.CandidateExecutor;
import org.saepj.persistence.SearchCheckpoint;
import org.saepj.search.AdaNetSearch;
import org.saepj.search.DatasetInfo;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchListener;
import org.saepj.search.SearchResult;
import org.saepj.search.SearchState;

/**
 * One search in its own directory, as {@code search} (per fold) and {@code compare} (per run) both run it:
 * checkpointed after every iteration, with Ctrl-C waiting for a checkpoint being written, continued from the
 * checkpoint when resuming, and on success its outputs written and the checkpoint removed.
 */
final class CheckpointedRun {
    private final Path dir;
    private final SearchCheckpoint checkpoint;
    private final SearchState state;

    private CheckpointedRun(Path dir, SearchCheckpoint checkpoint, SearchState state) {
        this.dir = dir;
        this.checkpoint = checkpoint;
        this.state = state;
    }

    /**
     * @param dir the run's directory, already prepared
     * @param resume whether to continue from the directory's checkpoint, if it has one
     * @param interrupts made to wait for checkpoint writes
     * @param kernels the kernels to restore members with
     * @param dataSha256 the fingerprint of the run's data: stored with every checkpoint, checked on resume
     * @return the run, ready to start or continue
     */
    static CheckpointedRun open(Path dir, boolean resume, InterruptGuard interrupts, Kernels kernels, String dataSha256) {
        SearchCheckpoint checkpoint = new SearchCheckpoint(dir, dataSha256);
        interrupts.guard(checkpoint.writingLock());
        SearchState state = resume && SearchCheckpoint.exists(dir) ? SearchCheckpoint.load(dir, kernels, dataSha256) : null;
        return new CheckpointedRun(dir, checkpoint, state);
    }

    /** Refuses a checkpoint whose members cannot belong to this run (edited, or taken with other settings). */
    private void checkFits(SearchConfig config, Partitions data) {
        Path file = dir.resolve(SearchCheckpoint.DIRECTORY).resolve(SearchCheckpoint.STATE);
        if (state.nextIteration() > config.iterations()) {
            throw new SaepException(file + ": the checkpoint is after iteration " + state.nextIteration() + " of a run of "
                    + config.iterations());
        }
        for (SearchState.Snapshot m : state.members()) {
            var a = m.candidate().architecture();
            if (!a.input().equals(data.train().shape()) || a.classes() != data.train().classCount()) {
                throw new SaepException(file + ": member " + m.id() + " takes " + a.input() + " inputs and " + a.classes()
                        + " classes, the data has " + data.train().shape() + " and " + data.train().classCount());
            }
        }
    }

    /** @return the state the run continues from, or null when it starts afresh */
    SearchState resumedFrom() {
        return state;
    }

    /**
     * Runs (or finishes) the search, writes its outputs and removes the checkpoint.
     *
     * @param config the search's settings
     * @param data its partitions
     * @param info what to record about the data
     * @param executor trains the candidates
     * @param kernels the kernels in use
     * @param listener progress events
     * @param fold the fold's index, or -1 when the run is not one of several folds
     * @return the result
     */
    SearchResult complete(SearchConfig config, Partitions data, DatasetInfo info, CandidateExecutor executor, Kernels kernels,
                          SearchListener listener, int fold) {
        if (state != null) {
            checkFits(config, data);
        }
        SearchResult r = new AdaNetSearch(config, executor, kernels).run(data, info, listener, state, checkpoint);
        RunOutputs.write(dir, r, data, fold);
        Stale.deleteCheckpoint(dir);
        return r;
    }
}
