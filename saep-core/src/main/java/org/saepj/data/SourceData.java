package org.saepj.data;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.saepj.data.table.TableSummary;

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
 * @param separateTest where the test partition came from when it was attached from a second source, else null
 * @param featureNames the names of the features (a CSV header's columns but the label), in order; empty when
 *     the source has none (images, a CSV without a header)
 * @param table what a table's reader found out (column types and levels, gaps, the task, warnings); empty for
 *     images
 */
public record SourceData(
        String name,
        String source,
        Dataset train,
        Optional<Dataset> test,
        String sha256,
        boolean verified,
        SeparateTest separateTest,
        List<String> featureNames,
        Optional<TableSummary> table) {
    /**
     * A test partition taken from a source of its own ({@code --test}): both sources and their fingerprints,
     * so a saved ensemble can tell its training data from its test data later.
     *
     * @param trainSource the training source
     * @param trainSha256 its fingerprint
     * @param testSource the test source
     * @param testSha256 its fingerprint
     */
    public record SeparateTest(String trainSource, String trainSha256, String testSource, String testSha256) {}

    /**
     * A source that brought its own test partition, or none, and has no feature names.
     *
     * @param name the dataset's name
     * @param source the source as the user wrote it, resolved to a path
     * @param train the training partition
     * @param test the test partition, if the source has one
     * @param sha256 the fingerprint of the source's bytes
     * @param verified whether the fingerprint matched a published one
     */
    public SourceData(
            String name, String source, Dataset train, Optional<Dataset> test, String sha256, boolean verified) {
        this(name, source, train, test, sha256, verified, null, List.of());
    }

    /**
     * A source that is not a table.
     *
     * @param name the dataset's name
     * @param source the source as the user wrote it, resolved to a path
     * @param train the training partition
     * @param test the test partition, if the source has one
     * @param sha256 the fingerprint of the source's bytes
     * @param verified whether the fingerprint matched a published one
     * @param separateTest where a separately loaded test partition came from, or null
     * @param featureNames the features' names, empty when it has none
     */
    public SourceData(
            String name,
            String source,
            Dataset train,
            Optional<Dataset> test,
            String sha256,
            boolean verified,
            SeparateTest separateTest,
            List<String> featureNames) {
        this(name, source, train, test, sha256, verified, separateTest, featureNames, Optional.empty());
    }

    /**
     * Checks the required parts.
     *
     * @param name the dataset's name ("fashion-mnist", or the file name for CSV)
     * @param source the source as the user wrote it, resolved to a path ("idx:/usr/share/datasets/fashion-mnist")
     * @param train the training partition
     * @param test the test partition, empty for sources without one (CSV)
     * @param sha256 fingerprint of the loaded content (of the decompressed
     *     bytes, so the same data stored     differently gets the same fingerprint)
     * @param verified true when the content matched pinned checksums of a known dataset
     * @param separateTest where the test partition came from when it was attached from a second source, else null
     * @param featureNames the names of the features (a CSV header's columns but the label), in order; empty when
     *     the source has none (images, a CSV without a header)
     * @param table what a table's reader found out; empty for images
     */
    public SourceData {
        featureNames = featureNames == null ? List.of() : List.copyOf(featureNames);
        Objects.requireNonNull(name);
        Objects.requireNonNull(source);
        Objects.requireNonNull(train);
        Objects.requireNonNull(test);
        Objects.requireNonNull(sha256);
        Objects.requireNonNull(table);
    }

    /**
     * @param other the source as the user wrote it, where this one names the local copy it was read from
     * @return the same data under that source
     */
    public SourceData withSource(String other) {
        return new SourceData(name, other, train, test, sha256, verified, separateTest, featureNames, table);
    }
}
