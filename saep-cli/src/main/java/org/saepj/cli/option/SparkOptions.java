package org.saepj.cli.option;

import java.util.LinkedHashMap;
import java.util.Map;
import org.saepj.cli.UsageError;
import org.saepj.cli.data.DataOptions;
import org.saepj.data.SourceData;
import org.saepj.data.source.RemoteFileSystems;
import org.saepj.data.source.RemoteFiles;
import org.saepj.data.source.SourceRecipe;
import org.saepj.engine.Backend;
import org.saepj.execution.CandidateExecutor;
import org.saepj.run.GridExecutor;
import org.saepj.run.GridExecutorProvider;
import org.saepj.run.GridExecutors;
import org.saepj.search.CandidateExecutorProvider;
import org.saepj.search.Partitions;
import org.saepj.search.PartitionsRecipe;
import picocli.CommandLine.Option;

/**
 * {@code --spark MASTER} and {@code --spark-conf KEY=VALUE}: where {@code compare} runs its grid's searches and
 * {@code search} its candidates (its folds with {@code --folds}). The executors come from the saep-spark module,
 * found on the class path; without it the option says how to get it.
 */
public final class SparkOptions {
    @Option(
            names = "--spark",
            paramLabel = "MASTER",
            description = "Run on this Spark master (local-cluster[2,1,1024],"
                    + " spark://HOST:7077, yarn, …): compare runs each search as a task; search trains each"
                    + " candidate as a task (each fold"
                    + " with --folds). The data must be at a path every executor sees, or a URI they all reach"
                    + " (csv:hdfs://…, idx:s3a://…)."
                    + " Results are the local run's (docs/SPARK.md).")
    public String master;

    @Option(
            names = "--spark-conf",
            paramLabel = "KEY=VALUE",
            description = "A Spark setting for --spark (repeatable), or"
                    + " saep.registrationTimeout=SECONDS: how long to wait for a first executor (default: 60).")
    public Map<String, String> settings = new LinkedHashMap<>();

    /** @return whether --spark was given (after checking --spark-conf is not alone) */
    public boolean enabled() {
        if (master == null && !settings.isEmpty()) {
            throw new UsageError("--spark-conf: only with --spark MASTER");
        }
        return master != null;
    }

    /** Checks the options before any work starts: --spark-conf not alone, the module there when --spark is given. */
    public void check() {
        if (enabled()
                && (GridExecutors.find("spark").isEmpty()
                        || CandidateExecutorProvider.find("spark").isEmpty()
                        || RemoteFileSystems.find("spark").isEmpty())) {
            throw missingModule();
        }
    }

    /**
     * @return how sources on other file systems ({@code hdfs://}, {@code s3a://}) are read: through Spark's Hadoop file
     *     systems, configured by the {@code spark.hadoop.*} settings, with --spark; refused in one line without it
     */
    public RemoteFiles remoteFiles() {
        if (!enabled()) {
            return RemoteFiles.none();
        }
        return RemoteFileSystems.find("spark")
                .orElseThrow(SparkOptions::missingModule)
                .open(settings);
    }

    /**
     * @param data how the data was read
     * @param test the separate test source, or null
     * @param source the data as loaded here
     * @return how executors load the same data
     */
    public SourceRecipe recipe(DataOptions data, String test, SourceData source) {
        return new SourceRecipe(
                data.where.dataDir,
                data.csvOptions(),
                data.imageOptions().size(),
                source.sha256(),
                test,
                remoteFiles());
    }

    /**
     * @param data how executors load the data
     * @return an executor running a grid's searches as Spark tasks
     */
    public GridExecutor grid(SourceRecipe data) {
        GridExecutorProvider provider = GridExecutors.find("spark").orElseThrow(SparkOptions::missingModule);
        return provider.open(master, data, settings);
    }

    /**
     * @param data how executors prepare the search's partitions
     * @param partitions this JVM's copy of them
     * @param backend the backend this JVM computes with
     * @return an executor training each candidate as a Spark task
     */
    public CandidateExecutor candidates(PartitionsRecipe data, Partitions partitions, Backend backend) {
        CandidateExecutorProvider provider =
                CandidateExecutorProvider.find("spark").orElseThrow(SparkOptions::missingModule);
        return provider.open(master, data, partitions, backend, settings);
    }

    private static UsageError missingModule() {
        return new UsageError(
                "--spark: the saep-spark module is not on the class path: run ./saep … --spark MASTER (the launcher"
                        + " adds it), or see docs/SPARK.md");
    }
}
