package org.saepj.run;

import org.saepj.data.source.SourceRecipe;

/**
 * Makes a way of running a comparison's grid elsewhere known (a cluster): found with {@link java.util.ServiceLoader}
 * through {@code META-INF/services/org.saepj.run.GridExecutorProvider}, so the CLI offers it ({@code saep compare
 * --spark MASTER}) when its jar is on the class path and needs no code of its own for it.
 */
public interface GridExecutorProvider {
    /** @return the id the CLI's option names ("spark") */
    String id();

    /**
     * Connects to the target and returns an executor ready to run a grid, or fails with a one-line error, within a
     * bounded time, when the target cannot be reached.
     *
     * @param target where to run (a Spark master URL)
     * @param data how the executors load the grid's data
     * @param settings the executor's own settings (Spark configuration keys), possibly none
     * @return the executor; the caller closes it
     * @throws org.saepj.SaepException when the target is malformed or cannot be reached
     */
    GridExecutor open(String target, SourceRecipe data, java.util.Map<String, String> settings);
}
