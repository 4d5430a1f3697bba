package org.saepj.cli.command;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.saepj.cli.data.DataDirOption;
import org.saepj.cli.data.DatasetProvisioner;
import org.saepj.cli.option.SearchOptions;
import org.saepj.cli.output.Invocation;
import org.saepj.cli.output.OutputDirectory;
import org.saepj.cli.output.StoredComparison;
import org.saepj.data.SourceData;
import org.saepj.data.io.IdxDatasetReader;
import org.saepj.data.source.KnownDataset;
import org.saepj.search.Preset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code saep demo}: the main job on the embedded default. Makes sure Fashion-MNIST is present (Debian
 * package or verified download), then compares AdaNet with SAEP's PAP, PIE and PRS on it with the paper's
 * settings ({@code --preset paper}, unless told otherwise, where search and compare start from
 * {@link Preset#DEFAULT}) over three seeds; prints the settings first, then the table and where the HTML report is.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Compare AdaNet and SAEP on Fashion-MNIST (gets the data first if it is missing).")
public final class DemoCommand implements Runnable {
    // Only where the dataset lives: the demo reads Fashion-MNIST, so the CSV options would mean nothing here.
    @Mixin
    DataDirOption data;

    @Option(
            names = "--mirror",
            paramLabel = "URL",
            description = "Base URL serving the Fashion-MNIST files, if a download is needed.")
    String mirror;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "saep-demo",
            description = "Where the demo writes (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--seeds",
            paramLabel = "LIST",
            defaultValue = "1,2,3",
            description = "Seeds (default: ${DEFAULT-VALUE}).")
    String seeds;

    @Mixin
    SearchOptions search;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter stdout = spec.commandLine().getOut();
        // The demo stays a quick comparison of the paper's methods at the paper's settings (about a minute), unlike
        // search and compare, which start from the validated preset; its first line says which settings it runs.
        search.startFrom(Preset.PAPER);
        Preset preset = search.preset();
        stdout.printf(
                "settings: --preset %s%s%n",
                preset.id(),
                preset == Preset.PAPER
                        ? " (the paper's: selection and pruning on the training data, fixed steps, the last iteration)"
                        : " (choices on a validation part of the training data)");
        // A previous demo's directory is replaced (one written before folders carried SAEP-J's marker too, when it
        // holds nothing but SAEP-J's files); anything else that is not empty is left alone. Checked before the
        // download.
        // An interrupted demo (its plan stored, no results yet) is one too: running the demo again starts it over, and
        // `saep compare --resume DIR`, which Ctrl-C names, continues it instead.
        java.nio.file.LinkOption noLinks = java.nio.file.LinkOption.NOFOLLOW_LINKS;
        boolean previousDemo = Files.isRegularFile(out.resolve(org.saepj.run.Comparison.FILE), noLinks)
                || Files.isRegularFile(out.resolve(org.saepj.run.ComparisonPlan.FILE), noLinks);
        OutputDirectory.Claim claim = OutputDirectory.claim(out, "--out", previousDemo, previousDemo);
        KnownDataset dataset = KnownDataset.FASHION_MNIST;
        Path dir = new DatasetProvisioner(data.locator(), stdout, System.console() != null, mirror).ensure(dataset);
        SourceData loaded =
                IdxDatasetReader.read(dataset.id(), dir, dataset.classNames(), dataset.decompressedSha256());
        stdout.printf(
                "using %s from %s: %d training and %d test images, %d classes%s%n",
                dataset.id(),
                dir,
                loaded.train().size(),
                loaded.test().orElseThrow().size(),
                loaded.train().classCount(),
                loaded.verified() ? " (checksums verified)" : "");
        org.saepj.run.ComparisonPlan plan =
                CompareCommand.plan(search, dataset.id(), "adanet,pap,pie,prs", "uniform", seeds, 0);
        CompareCommand.check(
                plan,
                org.saepj.cli.option.RunOptions.partitions(plan.base(), loaded).get(0),
                claim.dir());
        try (OutputDirectory outDir = claim.open()) {
            // Stored as compare stores its plan, so that the line Ctrl-C prints (saep compare --resume DIR) holds.
            Invocation invocation = new Invocation(
                    Invocation.FORMAT_VERSION,
                    plan.base(),
                    null,
                    data.dataDir == null ? null : data.dataDir.toAbsolutePath().toString(),
                    null,
                    null,
                    null,
                    null,
                    null);
            new StoredComparison(plan, invocation.withData(loaded)).save(outDir.path());
            outDir.started();
            CompareCommand.execute(
                    plan, loaded, outDir.path(), stdout, spec.commandLine().getErr(), false, false);
        }
    }
}
