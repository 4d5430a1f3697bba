package org.saepj.data;

import java.util.Objects;
import java.util.Optional;

/**
 * What a data source yields: a training partition, a test partition when the source has one, and the
 * provenance of the loaded content.
 *
 * @param name the dataset's name ("fashion-mnist", or the file name for CSV)
 * @param source the source as the user wrote it, resolved to a path ("idx:/usr/share/datasets/fashion-mnist")
 * @param train the training partition
 * @param test the test partition, empty for sources without one (CSV)
 * @param sha256 fingerprint of the loaded content (of the decompressed bytes, so the same data stored
 *     differently gets the same fingerprint)
 * @param verified true when the content matched pinned checksums of a known dataset
 */
public record SourceData(String name, String source, Dataset train, Optional<Dataset> test, String sha256,
                         boolean verified) {
    /** Checks the required parts. */
    public SourceData {
        Objects.requireNonNull(name);
        Objects.requireNonNull(source);
        Objects.requireNonNull(train);
        Objects.requireNonNull(test);
        Objects.requireNonNull(sha256);
    }
}
