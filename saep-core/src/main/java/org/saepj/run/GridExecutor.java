package org.saepj.run;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.saepj.data.SourceData;

/**
 * Runs the searches of a comparison's grid: each {@link GridRun} into its directory under the comparison's, the
 * finished ones of a resumed comparison read back. {@link LocalGridExecutor} runs them one after another in this
 * JVM; an executor on a cluster (the saep-spark module) runs them as tasks and writes what they return. Every
 * executor gives the same run directories, whatever the placement: a run's result depends on its configuration
 * and the data alone.
 */
public interface GridExecutor extends AutoCloseable {
    /**
     * @param runs the grid, in plan order
     * @param data the loaded data (the driver's copy)
     * @param dir the comparison's directory
     * @param resume whether to read finished runs back and continue interrupted ones
     * @param checkpointWrites given each run's checkpoint lock where runs checkpoint here, so an interrupt can let a
     *     write finish
     * @param listener hears each run start and finish
     * @return each run's figures, in plan order
     */
    List<ComparisonRun> run(
            List<GridRun> runs,
            SourceData data,
            Path dir,
            boolean resume,
            Consumer<ReentrantLock> checkpointWrites,
            ComparisonListener listener);

    /** @return the name reports give it ("local", "spark local-cluster[2,1,1024]") */
    String name();

    /** Lets go of what it holds (a cluster's context); nothing by default. */
    @Override
    default void close() {}
}
