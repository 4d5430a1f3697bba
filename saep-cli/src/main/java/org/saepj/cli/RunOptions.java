package org.saepj.cli;

import java.nio.file.Path;
import org.saepj.search.SearchConfig;
import picocli.CommandLine.Option;

/**
 * The options of commands that run searches into an output directory ({@code search}, {@code compare}):
 * the data, the directory, and {@code --resume} of an interrupted run, which takes everything else from what
 * the run stored.
 */
final class RunOptions {
    @Option(names = "--data", paramLabel = "SOURCE", description = "fashion-mnist, mnist, cifar10, idx:DIR, cifar10:PATH or csv:FILE (required).")
    String data;

    @Option(names = "--test", paramLabel = "SOURCE", description = "Separate test data (for sources without a test partition).")
    String test;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory, must be empty unless --overwrite (required).")
    Path out;

    @Option(names = "--overwrite", description = "Write into a non-empty output directory.")
    boolean overwrite;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue an interrupted run in DIR with its own settings.")
    Path resume;

    @Option(names = "--quiet", description = "No progress output; only the final summary.")
    boolean quiet;

    /** @return true when continuing an interrupted run */
    boolean resuming() {
        return resume != null;
    }

    /**
     * Checks that the options fit the mode, then gives the directory to resume (tidied of interrupted writes)
     * or the fresh output directory (created, writable, empty unless --overwrite).
     *
     * @param storedFile the file a resumed run takes its settings from
     * @return the run's directory
     */
    Path directory(String storedFile) {
        if (resuming()) {
            if (data != null || out != null) {
                throw new UsageError("--resume takes its settings from " + resume.resolve(storedFile) + ": drop --data and --out");
            }
            Stale.clean(resume);
            return resume;
        }
        if (data == null || out == null) {
            throw new UsageError("Missing required option: " + (data == null ? "'--data=SOURCE'" : "'--out=DIR'"));
        }
        return OutputDirectory.prepare(out, "--out", overwrite);
    }

    /**
     * @param config the run's configuration
     * @param dataOptions the data options in force
     * @return what a fresh run stores for --resume
     */
    Invocation invocation(SearchConfig config, DataOptions dataOptions) {
        return new Invocation(1, config, test, dataOptions.dataDir == null ? null : dataOptions.dataDir.toString(),
                dataOptions.labelColumn, dataOptions.header);
    }

    /**
     * Takes the stored data settings of a resumed run.
     *
     * @param stored what the run stored
     * @param dataOptions the data options to complete
     */
    void restore(Invocation stored, DataOptions dataOptions) {
        test = stored.test();
        dataOptions.restore(stored);
    }
}
