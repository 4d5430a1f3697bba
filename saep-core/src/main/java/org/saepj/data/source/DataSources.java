package org.saepj.data.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.Suggestion;
import org.saepj.UnknownNameException;
import org.saepj.data.SourceData;
import org.saepj.data.io.Cifar10Reader;
import org.saepj.data.io.CsvReader;
import org.saepj.data.io.DecodedCache;
import org.saepj.data.io.IdxDatasetReader;

/**
 * Turns a source string into loaded data. Sources are a known name ({@code fashion-mnist}, {@code mnist},
 * {@code cifar10}, found by a {@link DatasetLocator}) or an explicit {@code KIND:LOCATION} of a registered
 * {@link SourceKind} ({@code idx:DIR}, {@code cifar10:DIR_OR_TARGZ}, {@code csv:FILE}, {@code images:DIR}:
 * {@link SourceKinds}), whose location may be a URI of another file system ({@code csv:hdfs://namenode/train.csv}),
 * read through the {@link RemoteFiles} given.
 */
public final class DataSources {
    private final DatasetLocator locator;
    private final ReadSettings settings;
    private final RemoteFiles remote;

    /**
     * @param locator where known datasets are looked up
     * @param csvOptions how CSV sources are read
     */
    public DataSources(DatasetLocator locator, CsvReader.Options csvOptions) {
        this(locator, csvOptions, Optional.empty());
    }

    /**
     * @param locator where known datasets are looked up
     * @param csvOptions how CSV sources are read
     * @param cache where decoded IDX datasets are kept between loads, if anywhere (the data are the same either way)
     */
    public DataSources(DatasetLocator locator, CsvReader.Options csvOptions, Optional<DecodedCache> cache) {
        this(locator, csvOptions, cache, RemoteFiles.none());
    }

    /**
     * @param locator where known datasets are looked up
     * @param csvOptions how CSV sources are read
     * @param cache where decoded IDX datasets are kept between loads, if anywhere (the data are the same either way)
     * @param remote how a source's URI of another file system is brought here
     */
    public DataSources(
            DatasetLocator locator, CsvReader.Options csvOptions, Optional<DecodedCache> cache, RemoteFiles remote) {
        this(locator, new ReadSettings(csvOptions, cache), remote);
    }

    /**
     * @param locator where known datasets are looked up
     * @param settings how every kind reads its sources (CSV options, the decoded-data cache, image conversion)
     * @param remote how a source's URI of another file system is brought here
     */
    public DataSources(DatasetLocator locator, ReadSettings settings, RemoteFiles remote) {
        this.locator = locator;
        this.settings = settings;
        this.remote = remote;
    }

    /**
     * @param csv how CSV sources are to be read
     * @return sources like these, reading CSV that way (a model's columns, for one)
     */
    public DataSources withCsv(CsvReader.Options csv) {
        // the image conversion and the cache stay as they were: only the CSV reading changes
        return new DataSources(locator, new ReadSettings(csv, settings.cache(), settings.images()), remote);
    }

    /** @return how CSV sources are read */
    public CsvReader.Options csvOptions() {
        return settings.csv();
    }

    /**
     * The same source with a file path made absolute, so that a run stored with it finds the same file
     * from any working directory; known names and malformed strings are returned as they are.
     *
     * @param source a source string
     * @return the source, its path absolute and normalised
     */
    public static String absolute(String source) {
        if (source == null || KnownDataset.byId(source).isPresent()) {
            return source;
        }
        int colon = source.indexOf(':');
        if (colon <= 0
                || colon == source.length() - 1
                || SourceKinds.find(source.substring(0, colon)).isEmpty()
                || RemoteFiles.URI.matcher(source.substring(colon + 1)).matches()) {
            return source; // a URI names the same data from anywhere
        }
        try {
            return source.substring(0, colon + 1)
                    + Path.of(source.substring(colon + 1)).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return source;
        }
    }

    /** A guess at what a bare path meant, so the error says what to type. */
    private static String pathHint(String source) {
        try {
            Path p = Path.of(source);
            boolean file = java.nio.file.Files.isRegularFile(p);
            if (file || java.nio.file.Files.isDirectory(p)) {
                List<String> kinds = SourceKinds.likely(source, !file, false);
                List<String> fixes = kinds.stream().map(k -> k + ":" + source).toList();
                return kinds.isEmpty() ? "" : " (did you mean " + String.join(" or ", fixes) + "?)";
            }
        } catch (java.nio.file.InvalidPathException e) {
            // not a path at all: no hint
        }
        return "";
    }

    /**
     * Loads a source.
     *
     * @param source the source string
     * @return the loaded partitions and their fingerprint
     * @throws SaepException when the source is malformed, missing or corrupt
     */
    public SourceData load(String source) {
        Optional<KnownDataset> known = KnownDataset.byId(source);
        if (known.isPresent()) {
            KnownDataset dataset = known.get();
            Path where = locator.locate(dataset)
                    .orElseThrow(() -> new FileException("dataset " + dataset.id() + " not found in " + locator.roots()
                            + ": " + DatasetLocator.howToGet(dataset)));
            return switch (dataset.format()) {
                case IDX ->
                    IdxDatasetReader.read(
                            dataset.id(), where, dataset.classNames(), dataset.decompressedSha256(), settings.cache());
                case CIFAR10 -> Cifar10Reader.read(where);
            };
        }
        int colon = source.indexOf(':');
        if (colon <= 0 || colon == source.length() - 1) {
            String hint = pathHint(source);
            List<String> expected = new ArrayList<>(KnownDataset.ids());
            expected.addAll(SourceKinds.forms());
            throw new UnknownNameException("data source '" + source + "' not understood: expected "
                    + SourceKinds.or(expected) + (hint.isEmpty() ? Suggestion.hint(source, KnownDataset.ids()) : hint));
        }
        String location = source.substring(colon + 1);
        if (RemoteFiles.URI.matcher(source).matches()) {
            List<String> kinds = SourceKinds.likely(source, source.endsWith("/"), true);
            String fixes =
                    SourceKinds.or(kinds.stream().map(k -> k + ":" + source).toList());
            throw new UnknownNameException(
                    "data source '" + source + "' not understood: a URI takes its kind" + " in front: " + fixes);
        }
        SourceKind kind = SourceKinds.require(source.substring(0, colon), location);
        Optional<java.net.URI> uri = RemoteFiles.remote(location);
        if (uri.isPresent()) {
            // read from the local copy, recorded under the URI the user gave
            return kind.read(remote.fetch(uri.get()), settings).withSource(source);
        }
        return kind.read(local(location), settings);
    }

    /** A local path, written as one or as a {@code file://} URI. */
    private static Path local(String location) {
        return RemoteFiles.URI.matcher(location).matches() ? Path.of(java.net.URI.create(location)) : Path.of(location);
    }
}
