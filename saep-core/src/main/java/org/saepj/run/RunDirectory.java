package org.saepj.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.engine.Backend;
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
 * One search in its own directory, as {@code saep search} (per fold), {@code saep compare} (per run) and API
 * users run it: checkpointed after every iteration, continued from the checkpoint when resuming, and on
 * success its outputs ({@link RunOutputs}: saved ensemble, iterations.csv, plots, report.html, report.json)
 * written and the checkpoint removed.
 *
 * <pre>{@code
 * RunDirectory run = RunDirectory.open(Path.of("out"), false, backend, data.sha256());
 * SearchResult r = run.complete(config, partitions, Experiment.info(config, data, partitions), executor, backend,
 *         SearchListener.NONE, -1);
 * }</pre>
 */
public final class RunDirectory {
    private final Path dir;
    private final SearchCheckpoint checkpoint;
    private final SearchState state;

    private RunDirectory(Path dir, SearchCheckpoint checkpoint, SearchState state) {
        this.dir = dir;
        this.checkpoint = checkpoint;
        this.state = state;
    }

    /**
     * @param dir the run's directory: created if needed, and checked to be writable
     * @param resume whether to continue from the directory's checkpoint, if it has one
     * @param backend the backend to restore members with
     * @param dataSha256 the fingerprint of the run's data: stored with every checkpoint, checked on resume
     * @return the run, ready to start or continue
     * @throws SaepException when the directory cannot be written or its checkpoint cannot be used
     */
    public static RunDirectory open(Path dir, boolean resume, Backend backend, String dataSha256) {
        writable(dir);
        SearchCheckpoint checkpoint = new SearchCheckpoint(dir, dataSha256);
        SearchState state =
                resume && SearchCheckpoint.exists(dir) ? SearchCheckpoint.load(dir, backend, dataSha256) : null;
        return new RunDirectory(dir, checkpoint, state);
    }

    /**
     * Creates a directory and checks it is writable before any work starts.
     *
     * @param dir the directory
     * @return the directory
     */
    public static Path writable(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.delete(org.saepj.persistence.TemporaryFiles.create(dir));
        } catch (IOException e) {
            throw new FileException(dir + " is not writable: " + e.getMessage(), e);
        }
        return dir;
    }

    /**
     * @param dir a run's directory
     * @return true when it holds a finished run (its report.json, written last)
     */
    public static boolean finished(Path dir) {
        return Files.isRegularFile(dir.resolve(RunReport.FILE));
    }

    /**
     * Reads a finished run's figures back and removes a checkpoint a kill between the report and its removal left.
     *
     * @param dir a finished run's directory
     * @return its figures
     */
    public static RunSummary readFinished(Path dir) {
        RunSummary s = RunSummary.read(dir.resolve(RunReport.FILE));
        SearchCheckpoint.delete(dir);
        return s;
    }

    /**
     * @return held while a checkpoint is being written: an interrupt handler takes it to let the write finish
     */
    public ReentrantLock checkpointWriting() {
        return checkpoint.writingLock();
    }

    /** @return the state the run continues from, or null when it starts afresh */
    public SearchState resumedFrom() {
        return state;
    }

    /**
     * Runs (or finishes) the search, writes its outputs and removes the checkpoint.
     *
     * @param config the search's settings
     * @param data its partitions
     * @param info what to record about the data
     * @param executor trains the candidates
     * @param backend the backend in use
     * @param listener progress events
     * @param fold the fold's index, or -1 ({@link org.saepj.persistence.SearchExport#NO_FOLD}) when the run is not one
     *     of several folds
     * @return the result
     * @throws IllegalArgumentException before the search when the fold does not fit the configuration's folds
     */
    public SearchResult complete(
            SearchConfig config,
            Partitions data,
            DatasetInfo info,
            CandidateExecutor executor,
            Backend backend,
            SearchListener listener,
            int fold) {
        // Checked before training: the saved ensemble records the fold, and a loader refuses one that does not fit.
        org.saepj.persistence.SearchExport.checkFold(config, fold);
        if (state != null && state.plan() != null && config.stopping().needsPlan()) {
            config = config.planned(state.plan()); // the plan made when the run started, not a new one
        }
        if (state != null) {
            Path file = dir.resolve(SearchCheckpoint.DIRECTORY).resolve(SearchCheckpoint.STATE);
            CheckpointFit.check(file, state, config, data);
        }
        SearchResult r = new AdaNetSearch(config, executor, backend).run(data, info, listener, state, checkpoint);
        RunOutputs.write(dir, r, data, fold);
        SearchCheckpoint.delete(dir);
        return r;
    }
}
