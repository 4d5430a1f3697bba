package org.saepj.data.source;

import java.nio.file.Path;
import java.util.Optional;
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
 * {@code cifar10}, found by a {@link DatasetLocator}) or an explicit {@code idx:DIR},
 * {@code cifar10:DIR_OR_TARGZ} or {@code csv:FILE}, whose path may be a URI of another file system
 * ({@code csv:hdfs://namenode/train.csv}), read through the {@link RemoteFiles} given.
 */
public final class DataSources {
    /** The kinds of an explicit source, {@code KIND:PATH}. */
    private static final java.util.List<String> KINDS = java.util.List.of("idx", "cifar10", "csv");
    private final DatasetLocator locator;
    private final CsvReader.Options csvOptions;
    private final Optional<DecodedCache> cache;
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
    public DataSources(DatasetLocator locator, CsvReader.Options csvOptions, Optional<DecodedCache> cache, RemoteFiles remote) {
        this.locator = locator;
        this.csvOptions = csvOptions;
        this.cache = cache;
        this.remote = remote;
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
        if (colon <= 0 || colon == source.length() - 1 || !KINDS.contains(source.substring(0, colon))
                || RemoteFiles.URI.matcher(source.substring(colon + 1)).matches()) {
            return source; // a URI names the same data from anywhere
        }
        try {
            return source.substring(0, colon + 1) + Path.of(source.substring(colon + 1)).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return source;
        }
    }

    /** A guess at what a bare path meant, so the error says what to type. */
    private static String pathHint(String source) {
        try {
            Path p = Path.of(source);
            if (java.nio.file.Files.isRegularFile(p)) {
                return source.endsWith(".tar.gz") ? " (did you mean cifar10:" + source + "?)" : " (did you mean csv:" + source + "?)";
            }
            if (java.nio.file.Files.isDirectory(p)) {
                return " (did you mean idx:" + source + " or cifar10:" + source + "?)";
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
            Path where = locator.locate(dataset).orElseThrow(() -> new SaepException("dataset " + dataset.id()
                    + " not found in " + locator.roots() + ": " + DatasetLocator.howToGet(dataset)));
            return switch (dataset.format()) {
                case IDX -> IdxDatasetReader.read(dataset.id(), where, dataset.classNames(), dataset.decompressedSha256(), cache);
                case CIFAR10 -> Cifar10Reader.read(where);
            };
        }
        int colon = source.indexOf(':');
        if (colon <= 0 || colon == source.length() - 1) {
            String hint = pathHint(source);
            throw new UnknownNameException("data source '" + source + "' not understood: expected fashion-mnist, mnist, cifar10,"
                    + " idx:DIR, cifar10:DIR_OR_TARGZ or csv:FILE" + (hint.isEmpty() ? Suggestion.hint(source, KnownDataset.ids()) : hint));
        }
        String kind = source.substring(0, colon);
        String location = source.substring(colon + 1);
        if (RemoteFiles.URI.matcher(source).matches()) {
            throw new UnknownNameException("data source '" + source + "' not understood: a URI takes its kind in front: csv:" + source
                    + ", idx:" + source + " or cifar10:" + source);
        }
        if (!KINDS.contains(kind)) {
            throw new UnknownNameException("data source kind '" + kind + "' unknown: expected idx:, cifar10: or csv:"
                    + Suggestion.closest(kind, KINDS).map(k -> " (did you mean " + k + ":" + location + "?)").orElse(""));
        }
        Optional<java.net.URI> uri = RemoteFiles.remote(location);
        if (uri.isPresent()) {
            // read from the local copy, recorded under the URI the user gave
            return read(kind, remote.fetch(uri.get())).withSource(source);
        }
        return read(kind, local(location));
    }

    private SourceData read(String kind, Path path) {
        return switch (kind) {
            case "idx" -> IdxDatasetReader.read(path.getFileName() == null ? "idx" : path.getFileName().toString(),
                    path, null, java.util.Map.of(), cache);
            case "cifar10" -> Cifar10Reader.read(path);
            case "csv" -> CsvReader.read(path, csvOptions);
            default -> throw new IllegalStateException("kind " + kind + " listed but not read");
        };
    }

    /** A local path, written as one or as a {@code file://} URI. */
    private static Path local(String location) {
        return RemoteFiles.URI.matcher(location).matches() ? Path.of(java.net.URI.create(location)) : Path.of(location);
    }
}
