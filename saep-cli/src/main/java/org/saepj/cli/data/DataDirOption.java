package org.saepj.cli.data;

import java.nio.file.Path;
import org.saepj.data.source.DatasetLocator;
import picocli.CommandLine.Option;

/** Where the known datasets live: the one data option of a command that reads only them (the demo). */
public final class DataDirOption {
    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Directory holding one folder per known dataset (default: $SAEP_DATA, ~/.saep/datasets,"
                    + " /usr/share/datasets).")
    public Path dataDir;

    /** @return the locator following --data-dir and the standard search order */
    public DatasetLocator locator() {
        return DatasetLocator.standard(dataDir);
    }
}
