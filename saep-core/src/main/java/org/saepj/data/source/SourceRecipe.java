package org.saepj.data.source;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Optional;
import org.saepj.DataException;
import org.saepj.SaepException;
import org.saepj.data.SourceData;
import org.saepj.data.image.ImageOptions;
import org.saepj.data.image.ImageSize;
import org.saepj.data.io.CsvReader;
import org.saepj.data.io.DecodedCache;
import org.saepj.data.table.TableOptions;

/**
 * How another JVM — a cluster's executor — loads the same data as this one: the known-dataset directory, CSV
 * options and image size this JVM read it with, the file systems it read URIs with, and the fingerprint it got,
 * which the other copy must match. The data must be at a path every
 * executor sees: a shared file system, the same files on each machine, or
 * a URI of a file system they all reach ({@code hdfs://}, {@code s3a://}: {@link RemoteFiles}). Java-serialisable, so
 * it crosses the wire.
 */
public final class SourceRecipe implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String dataDir;
    private final Boolean header;
    private final String labelColumn;
    /** The size images are resized to, "HxW", or null for their own. */
    private final String imageSize;

    private final TableOptions table;
    private final String sha256;
    /** The separate test source ({@code --test}), or null. */
    private final String test;

    private final RemoteFiles remote;

    /**
     * @param dataDir the directory of known datasets, or null for the standard search order
     * @param csv how CSV sources are read
     * @param sha256 the fingerprint of the data the driver loaded
     */
    public SourceRecipe(Path dataDir, CsvReader.Options csv, String sha256) {
        this(dataDir, csv, sha256, null);
    }

    /**
     * @param dataDir the directory of known datasets, or null for the standard search order
     * @param csv how CSV sources are read
     * @param sha256 the fingerprint of the data the driver loaded (with its test set, when there is one)
     * @param test the separate test source the driver attached ({@code --test}), or null
     */
    public SourceRecipe(Path dataDir, CsvReader.Options csv, String sha256, String test) {
        this(dataDir, csv, sha256, test, RemoteFiles.none());
    }

    /**
     * @param dataDir the directory of known datasets, or null for the standard search order
     * @param csv how CSV sources are read
     * @param sha256 the fingerprint of the data the driver loaded (with its test set, when there is one)
     * @param test the separate test source the driver attached ({@code --test}), or null
     * @param remote how the driver read sources of other file systems; the other JVM reads them the same way
     */
    public SourceRecipe(Path dataDir, CsvReader.Options csv, String sha256, String test, RemoteFiles remote) {
        this(dataDir, csv, Optional.empty(), sha256, test, remote);
    }

    /**
     * @param dataDir the directory of known datasets, or null for the standard search order
     * @param csv how CSV sources are read
     * @param imageSize the size images of a folder were resized to ({@code --image-size}), if any
     * @param sha256 the fingerprint of the data the driver loaded (with its test set, when there is one)
     * @param test the separate test source the driver attached ({@code --test}), or null
     * @param remote how the driver read sources of other file systems; the other JVM reads them the same way
     */
    public SourceRecipe(
            Path dataDir,
            CsvReader.Options csv,
            Optional<ImageSize> imageSize,
            String sha256,
            String test,
            RemoteFiles remote) {
        this.imageSize = imageSize.map(ImageSize::toString).orElse(null);
        this.remote = remote;
        this.dataDir = dataDir == null ? null : dataDir.toAbsolutePath().toString();
        this.header = csv.header().orElse(null);
        this.labelColumn = csv.labelColumn().orElse(null);
        this.table = csv.table();
        this.sha256 = sha256;
        this.test = test == null ? null : DataSources.absolute(test);
    }

    /**
     * @param source the source string of the run's configuration
     * @return the data, as the driver has it
     * @throws SaepException when this JVM reads other data than the first did
     */
    public SourceData load(String source) {
        // The driver has reported the files it skipped; each executor reading them again says nothing more.
        ImageOptions images =
                new ImageOptions(Optional.ofNullable(imageSize).map(ImageSize::parse), Optional.empty(), line -> {});
        ReadSettings settings = new ReadSettings(
                new CsvReader.Options(
                        Optional.ofNullable(header), Optional.ofNullable(labelColumn), table, Optional.empty()),
                DecodedCache.standard(),
                images);
        DataSources sources =
                new DataSources(DatasetLocator.standard(dataDir == null ? null : Path.of(dataDir)), settings, remote);
        SourceData data = TestSets.attach(sources, source, test);
        if (!data.sha256().equals(sha256)) {
            throw new DataException(source + " on this machine has fingerprint " + data.sha256() + ", the driver's "
                    + sha256 + ": every executor must read the same data (a path they all see)");
        }
        return data;
    }
}
