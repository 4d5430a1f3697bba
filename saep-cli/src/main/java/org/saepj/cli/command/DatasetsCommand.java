package org.saepj.cli.command;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.saepj.SaepException;
import org.saepj.cli.UsageError;
import org.saepj.cli.data.DataOptions;
import org.saepj.cli.data.DatasetSummary;
import org.saepj.cli.data.DownloadProgress;
import org.saepj.data.SourceData;
import org.saepj.data.io.DecodedCache;
import org.saepj.data.source.DatasetFetcher;
import org.saepj.data.source.DatasetLocator;
import org.saepj.data.source.KnownDataset;
import org.saepj.data.source.SourceKind;
import org.saepj.data.source.SourceKinds;
import org.saepj.search.TrainableData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code saep datasets}: lists the known datasets, fetches them, and shows any source. */
@Command(
        name = "datasets",
        mixinStandardHelpOptions = true,
        description = "List the known datasets and where each is found.",
        subcommands = {DatasetsCommand.Fetch.class, DatasetsCommand.Show.class})
public final class DatasetsCommand implements Runnable {
    @Mixin
    DataOptions data;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        DatasetLocator locator = data.locator();
        out.println("Known datasets (searched in " + locator.roots() + "):");
        for (KnownDataset d : KnownDataset.values()) {
            String status;
            try {
                Optional<Path> where = locator.locate(d);
                status = where.map(p -> "found: " + p).orElse("missing: " + DatasetLocator.howToGet(d));
            } catch (SaepException e) {
                status = "broken: " + e.getMessage();
            }
            long bytes = d.files().stream().mapToLong(f -> f.bytes()).sum();
            out.printf("  %-14s %-45s %.1f MB download%n", d.id(), status, bytes / 1e6);
            out.println("  " + " ".repeat(14) + " classes: " + String.join(", ", d.classNames()));
        }
        out.println("Source kinds (--data KIND:LOCATION; a location may be a URI with --spark):");
        for (SourceKind k : SourceKinds.all()) {
            out.printf("  %-22s %s%n", k.id() + ":" + k.location(), k.help());
        }
        Optional<DecodedCache> cache = DecodedCache.standard();
        if (cache.isEmpty()) {
            out.println("Decoded IDX datasets are not cached (SAEP_CACHE=off).");
            return;
        }
        try {
            List<Path> entries = cache.get().entries();
            long bytes = 0;
            for (Path e : entries) {
                bytes += Files.size(e);
            }
            out.printf(
                    "Decoded IDX datasets are cached in %s: %d entr%s, %.1f MB (SAEP_CACHE=DIR moves it,"
                            + " SAEP_CACHE=off turns it"
                            + " off; delete the directory to free the space)%n",
                    cache.get().directory(), entries.size(), entries.size() == 1 ? "y" : "ies", bytes / 1e6);
        } catch (java.io.IOException e) {
            out.println("Decoded IDX datasets are cached in " + cache.get().directory() + " (cannot list it: "
                    + e.getMessage() + ")");
        }
    }

    /** {@code saep datasets fetch NAME}: a verified download into {@code ~/.saep/datasets/NAME}. */
    @Command(
            name = "fetch",
            mixinStandardHelpOptions = true,
            description = "Download a known dataset from its canonical location and verify its SHA-256 checksums.")
    static final class Fetch implements Runnable {
        @Parameters(paramLabel = "NAME", description = "fashion-mnist, mnist or cifar10")
        String name;

        @Option(
                names = "--mirror",
                paramLabel = "URL",
                description = "Base URL serving the same files (instead of the canonical location).")
        String mirror;

        @Option(
                names = "--store",
                paramLabel = "DIR",
                description = "Where to put the dataset (default: ~/.saep/datasets).")
        Path store;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            KnownDataset dataset = KnownDataset.byId(name)
                    .orElseThrow(() -> new UsageError(
                            "unknown dataset '" + name + "': expected " + String.join(", ", KnownDataset.ids())
                                    + org.saepj.Suggestion.hint(name, KnownDataset.ids())));
            PrintWriter out = spec.commandLine().getOut();
            Path root = store != null ? store : DatasetLocator.userStore();
            Path dir = new DatasetFetcher(mirror)
                    .fetch(dataset, root, new DownloadProgress(out, System.console() != null));
            out.println(dataset.id() + " is in " + dir);
        }
    }

    /** {@code saep datasets show SOURCE}: sizes and per-class counts of any source. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Load a source and print its sizes, classes and per-class counts.")
    static final class Show implements Runnable {
        @Parameters(
                paramLabel = "SOURCE",
                description = "fashion-mnist, mnist, cifar10, idx:DIR, cifar10:DIR_OR_TARGZ, csv:FILE or images:DIR")
        String source;

        @Mixin
        DataOptions data;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            SourceData loaded = data.sources().load(source);
            DatasetSummary.print(spec.commandLine().getOut(), loaded);
            // After the table, where a person reading it looks last: the same check a search refuses the data with.
            TrainableData.problem(loaded.train(), loaded.source())
                    .ifPresent(problem -> spec.commandLine()
                            .getErr()
                            .println("warning: " + problem + " (a search refuses this data)"));
        }
    }
}
