package org.saepj.cli.option;

import java.nio.file.Path;
import org.saepj.cli.UsageError;
import org.saepj.cli.data.DataOptions;
import org.saepj.cli.output.Invocation;
import org.saepj.cli.output.OutputDirectory;
import org.saepj.search.SearchConfig;
import picocli.CommandLine.Option;

/**
 * The options of commands that run searches into an output directory ({@code search}, {@code compare}):
 * the data, the directory, and {@code --resume} of an interrupted run, which takes everything else from what
 * the run stored.
 */
public final class RunOptions {
    @Option(
            names = "--data",
            paramLabel = "SOURCE",
            description =
                    "fashion-mnist, mnist, cifar10, idx:DIR, cifar10:PATH or csv:FILE (required); with --spark the path"
                            + " may be a URI every executor reaches (csv:hdfs://…, idx:s3a://…).")
    public String data;

    @Option(
            names = "--test",
            paramLabel = "SOURCE",
            description =
                    "Separate test data (for sources without a test partition); a URI" + " as for --data with --spark.")
    public String test;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output directory, must be empty unless --overwrite (required).")
    Path out;

    @Option(
            names = "--overwrite",
            description = "Replace an earlier SAEP-J output in --out (only a folder SAEP-J made;"
                    + " files of yours in it stay).")
    boolean overwrite;

    @Option(
            names = "--resume",
            paramLabel = "DIR",
            description = "Continue an interrupted run in DIR with its own settings.")
    Path resume;

    @Option(names = "--quiet", description = "No progress output; only the final summary.")
    public boolean quiet;

    /** @return true when continuing an interrupted run */
    public boolean resuming() {
        return resume != null;
    }

    /**
     * Options that may stand beside --resume: they change how the run is shown, where data is found or where the
     * searches run (a comparison's --spark) and what trains them (--backend, whose numbers differ in rounding only),
     * not what it computes.
     */
    private static final java.util.Set<String> WITH_RESUME =
            java.util.Set.of("--resume", "--quiet", "--debug", "--data-dir", "--spark", "--spark-conf", "--backend");

    /**
     * Reopens the run directory to resume, once the options fit the mode: checked to be a run's, locked, then
     * tidied of interrupted writes.
     *
     * @param storedFile the file a resumed run takes its settings from
     * @param parsed the command's parse result, to refuse settings given beside --resume
     * @return the run's directory, locked until closed
     */
    public OutputDirectory resumed(String storedFile, picocli.CommandLine.ParseResult parsed) {
        java.util.List<String> ignored = parsed.matchedOptions().stream()
                .map(o -> o.longestName())
                .filter(n -> !WITH_RESUME.contains(n))
                .distinct()
                .toList();
        if (!ignored.isEmpty()) {
            throw new UsageError("--resume takes every setting from " + resume.resolve(storedFile) + ": drop "
                    + String.join(", ", ignored));
        }
        return OutputDirectory.resume(resume, storedFile);
    }

    /**
     * Checks the fresh run's options and its output directory, changing nothing on disk.
     *
     * @return the claim on the output directory, to open once the data and settings have passed their checks
     */
    public OutputDirectory.Claim claim() {
        if (data == null || out == null) {
            throw new UsageError("Missing required option: " + (data == null ? "'--data=SOURCE'" : "'--out=DIR'"));
        }
        return OutputDirectory.claim(out, "--out", overwrite);
    }

    /**
     * @param config the run's configuration
     * @param dataOptions the data options in force
     * @return what a fresh run stores for --resume
     */
    public Invocation invocation(SearchConfig config, DataOptions dataOptions) {
        test = org.saepj.data.source.DataSources.absolute(test);
        return new Invocation(
                Invocation.FORMAT_VERSION,
                config,
                test,
                dataOptions.where.dataDir == null
                        ? null
                        : dataOptions.where.dataDir.toAbsolutePath().toString(),
                dataOptions.labelColumn,
                dataOptions.header,
                null,
                dataOptions.imageSize,
                dataOptions.tableArgs());
    }

    /**
     * Takes the stored data settings of a resumed run.
     *
     * @param stored what the run stored
     * @param dataOptions the data options to complete
     */
    /**
     * @param config the configuration
     * @param source the loaded data
     * @return every run's partitions, with a --pair or --folds that does not fit the data as a usage error
     */
    public static java.util.List<org.saepj.search.Partitions> partitions(
            SearchConfig config, org.saepj.data.SourceData source) {
        try {
            return org.saepj.search.Partitions.prepare(config, source);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--pair: " + e.getMessage());
        }
    }

    public void restore(Invocation stored, DataOptions dataOptions) {
        test = stored.test();
        dataOptions.restore(stored);
    }
}
