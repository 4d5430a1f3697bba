package org.saepj.cli;

import java.io.PrintWriter;
import org.saepj.data.SourceData;
import org.saepj.data.io.IdxDatasetReader;
import org.saepj.data.source.KnownDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code saep demo}: the main job on the embedded default, Fashion-MNIST. It makes sure the data is present
 * (Debian package or verified download) and shows what it holds.
 */
@Command(name = "demo", description = "Run the demo on Fashion-MNIST (gets the data first if it is missing).")
final class DemoCommand implements Runnable {
    @Mixin
    DataOptions data;

    @Option(names = "--mirror", paramLabel = "URL", description = "Base URL serving the Fashion-MNIST files, if a download is needed.")
    String mirror;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        KnownDataset dataset = KnownDataset.FASHION_MNIST;
        java.nio.file.Path dir = new DatasetProvisioner(data.locator(), out, System.console() != null, mirror).ensure(dataset);
        out.println("using " + dataset.id() + " from " + dir);
        SourceData loaded = IdxDatasetReader.read(dataset.id(), dir, dataset.classNames(), dataset.decompressedSha256());
        DatasetSummary.print(out, loaded);
    }
}
