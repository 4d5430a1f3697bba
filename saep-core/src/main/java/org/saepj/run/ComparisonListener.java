package org.saepj.run;

import java.nio.file.Path;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchListener;

/** What a running comparison tells its caller: a terminal display, a log, or nothing. */
public interface ComparisonListener {
    /** Listens to nothing. */
    ComparisonListener NONE = new ComparisonListener() {};

    /**
     * A run is about to start or continue.
     *
     * @param name the run's name (its directory under {@code runs/})
     * @param runDir its directory
     * @param config its settings
     * @param resumed whether it continues from a checkpoint
     * @return the listener of its search, closed when the run ends
     */
    default RunListener runStarting(String name, Path runDir, SearchConfig config, boolean resumed) {
        return RunListener.NONE;
    }

    /**
     * A run is finished (or was found finished).
     *
     * @param run its figures
     * @param done how many runs are finished
     * @param total how many the comparison has
     * @param how empty, " (resumed)" or " (already complete)"
     */
    default void runFinished(ComparisonRun run, int done, int total, String how) {}

    /** A search's listener that is closed when its run ends. */
    interface RunListener extends SearchListener, AutoCloseable {
        /** Does nothing. */
        RunListener NONE = () -> {};

        @Override
        void close();
    }
}
