package org.saepj.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.saepj.data.SourceData;
import org.saepj.engine.Backend;
import org.saepj.engine.Backends;
import org.saepj.execution.LocalExecutor;
import org.saepj.run.RunDirectory;
import org.saepj.run.SearchLog;
import org.saepj.search.Experiment;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;

/**
 * Runs one search of a grid on an executor: reads the data itself (checked against the driver's fingerprint),
 * prepares the same partitions the driver would (they depend on the configuration and the data alone), searches into
 * a temporary run directory and returns it packed. A retried task starts again from nothing and gives the same bytes.
 */
final class GridTaskRunner {
    private GridTaskRunner() {}

    static byte[] run(GridTask task) {
        SearchConfig config = task.run.config();
        SourceData data = task.run.load();
        Partitions p = task.run.prepare(data);
        Backend backend = Backends.best();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("saep-grid-" + task.name + "-");
            Path runDir = dir.resolve(task.name);
            RunDirectory run = RunDirectory.open(runDir, false, backend, data.sha256());
            // the same search.log the local executor's run gets
            try (LocalExecutor executor = new LocalExecutor(config.threads(), backend);
                    SearchLog log = new SearchLog(runDir.resolve("search.log"))) {
                log.log("config " + config);
                run.complete(config, p, Experiment.info(config, data, p), executor, backend, log, task.run.foldIndex());
            }
            return RunArchive.pack(runDir);
        } catch (IOException e) {
            throw new UncheckedIOException("run " + task.name + ": " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                try {
                    RunArchive.delete(dir);
                } catch (IOException e) {
                    // a temporary directory left on the executor is only disk space
                }
            }
        }
    }
}
