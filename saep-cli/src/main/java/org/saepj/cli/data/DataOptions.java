package org.saepj.cli.data;

import java.nio.file.Path;
import java.util.Optional;
import org.saepj.cli.UsageError;
import org.saepj.cli.output.Invocation;
import org.saepj.data.io.CsvReader;
import org.saepj.data.io.DecodedCache;
import org.saepj.data.source.DataSources;
import org.saepj.data.source.DatasetLocator;
import org.saepj.data.source.RemoteFiles;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by every command that reads data: where known datasets live and how CSV is read. */
public final class DataOptions {
    @Mixin
    public DataDirOption where = new DataDirOption();

    @Option(names = "--label-column", paramLabel = "NAME|INDEX", description = "CSV label column by name or 0-based index (default: last).")
    public String labelColumn;

    @Option(names = "--header", paramLabel = "yes|no|auto", defaultValue = "auto",
            description = "Whether CSV files have a header row (default: ${DEFAULT-VALUE}).")
    public String header;

    /**
     * Takes the data options a resumed search was started with; only --data-dir may be given again (the
     * data moved), since the data's fingerprint is checked against the run's.
     *
     * @param inv the stored invocation
     */
    public void restore(Invocation inv) {
        if (where.dataDir == null && inv.dataDir() != null) {
            where.dataDir = Path.of(inv.dataDir());
        }
        labelColumn = inv.labelColumn();
        if (inv.header() != null) {
            header = inv.header();
        }
    }

    /** @return the locator following --data-dir and the standard search order */
    public DatasetLocator locator() {
        return where.locator();
    }

    /** @return the data sources configured by these options, local paths only */
    public DataSources sources() {
        return sources(RemoteFiles.none());
    }

    /**
     * @param remote how sources on other file systems are read ({@code --spark}'s)
     * @return the data sources configured by these options
     */
    public DataSources sources(RemoteFiles remote) {
        return new DataSources(locator(), csvOptions(), DecodedCache.standard(), remote);
    }

    /** @return --header and --label-column as the CSV reader takes them */
    public CsvReader.Options csvOptions() {
        Optional<Boolean> hasHeader = switch (header) {
            case "yes", "true" -> Optional.of(true);
            case "no", "false" -> Optional.of(false);
            case "auto" -> Optional.empty();
            default -> throw new UsageError("--header must be yes, no or auto, got '" + header + "'");
        };
        return new CsvReader.Options(hasHeader, Optional.ofNullable(labelColumn));
    }
}
