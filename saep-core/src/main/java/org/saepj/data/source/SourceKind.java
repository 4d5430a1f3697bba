package org.saepj.data.source;

import java.nio.file.Path;
import java.util.Optional;
import org.saepj.data.SourceData;

/**
 * A kind of explicit data source, {@code KIND:LOCATION} ({@code csv:iris.csv}), found through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.saepj.data.source.SourceKind}) by its id: everything
 * SAEP-J knows about it — its id and help, how it reads a location into {@link SourceData} for search, compare and
 * evaluate, and, where the kind has one, the single file that {@code predict} scores row by row. A new kind is this
 * one class and one line in the services file; {@link DataSources}, {@code predict} and the messages that list the
 * kinds ask {@link SourceKinds}.
 *
 * <p>Implementations are stateless and need a public no-argument constructor.
 */
public interface SourceKind {
    /** What to check when the labels of a source with a labels file look wrong. */
    String LABELS_FILE_ADVICE = "check the labels file (labels must be class indices 0..C-1)";

    /** @return the id in front of the colon, e.g. "csv": lower case, never changed once released */
    String id();

    /** @return what the location names, for messages and help, e.g. "FILE" or "DIR_OR_TARGZ" */
    String location();

    /** @return one line for people: what the location holds */
    String help();

    /**
     * Reads a local location. A remote one ({@code csv:hdfs://…}) has been copied here by {@link RemoteFiles} first,
     * so a kind reads local files only.
     *
     * @param path the location, a local path
     * @param settings how sources are read (CSV options, the decoded-data cache)
     * @return the partitions and their fingerprint
     * @throws org.saepj.SaepException naming the path when it is missing or corrupt
     */
    SourceData read(Path path, ReadSettings settings);

    /**
     * Whether a location written without a kind may be one of this kind's, so an error can say what to type.
     * Guessed from the name and whether it is a directory only: nothing is read.
     *
     * @param location the location as written
     * @param directory whether it names a directory
     * @return true when {@code KIND:location} is a likely fix
     */
    default boolean mayRead(String location, boolean directory) {
        return false;
    }

    /**
     * The single file {@code predict} scores whole, every row in the file's order, when the location is one.
     *
     * @param path the location, a local path
     * @param request what the model expects and what the user said about the file
     * @return the rows to score, or empty when the location is a source to partition (a dataset directory)
     */
    default Optional<ScoringInput> scoringFile(Path path, ScoringRequest request) {
        return Optional.empty();
    }

    /**
     * @return what to check when the training labels look wrong (too few classes, a class per row), for the end of
     *     the error that says so
     */
    default String labelAdvice() {
        return LABELS_FILE_ADVICE;
    }
}
