package org.saepj.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.saepj.DataException;
import org.saepj.data.SourceData;
import org.saepj.data.source.SourceRecipe;
import org.saepj.run.ComparisonListener;
import org.saepj.run.ComparisonRun;
import org.saepj.run.GridExecutor;
import org.saepj.run.GridRun;
import org.saepj.run.RunDirectory;
import org.saepj.search.PartitionsRecipe;

/**
 * Runs each search of a comparison's grid as a Spark task: one job per run, all submitted at once, so the cluster
 * runs as many at a time as it has task slots. The driver keeps what is written: each finished run comes back as
 * its packed directory and is moved into {@code runs/<name>/}, in plan order; finished runs of a resumed comparison
 * are read back and not run again. A task that fails, or whose executor dies, is retried by Spark and gives the
 * same run (its result depends on its configuration and the data alone).
 */
public final class SparkGridExecutor implements GridExecutor {
    private final JavaSparkContext spark;
    private final SourceRecipe data;

    /**
     * @param spark a running context, stopped by {@link #close}
     * @param data how executors read the grid's data
     */
    public SparkGridExecutor(JavaSparkContext spark, SourceRecipe data) {
        this.spark = spark;
        this.data = data;
    }

    @Override
    public List<ComparisonRun> run(
            List<GridRun> runs,
            SourceData source,
            Path dir,
            boolean resume,
            Consumer<ReentrantLock> checkpointWrites,
            ComparisonListener listener) {
        List<JavaFutureAction<List<byte[]>>> jobs = new ArrayList<>();
        for (GridRun g : runs) {
            Path runDir = dir.resolve(g.directory());
            if (resume && RunDirectory.finished(runDir)) {
                jobs.add(null);
                continue;
            }
            GridTask task = new GridTask(g.name(), new PartitionsRecipe(data, g.config(), g.foldIndex()));
            spark.setJobGroup("saep-" + g.name(), "SAEP-J run " + g.name(), true);
            jobs.add(
                    spark.parallelize(List.of(task), 1).map(GridTaskRunner::run).collectAsync());
        }
        List<ComparisonRun> done = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            GridRun g = runs.get(i);
            Path runDir = dir.resolve(g.directory());
            String how;
            if (jobs.get(i) == null) {
                how = " (already complete)";
            } else {
                try {
                    RunArchive.unpack(jobs.get(i).get().get(0), runDir);
                } catch (ExecutionException e) {
                    throw new DataException("run " + g.name() + " failed on the cluster: " + TaskFailure.message(e), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DataException("interrupted while run " + g.name() + " ran on the cluster", e);
                }
                how = "";
            }
            ComparisonRun run = ComparisonRun.of(
                    g.method(), g.mixture(), g.seed(), g.fold(), g.directory(), RunDirectory.readFinished(runDir));
            done.add(run);
            listener.runFinished(run, done.size(), runs.size(), how);
        }
        return done;
    }

    @Override
    public String name() {
        return "spark " + spark.master();
    }

    /** Stops the Spark context. */
    @Override
    public void close() {
        spark.stop();
    }
}
