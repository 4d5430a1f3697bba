package org.saepj.data.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.saepj.data.image.ImageOptions;
import org.saepj.data.io.CsvReader;

/**
 * What {@code predict} asks of a single file: what the model takes and what the user said about the file.
 *
 * @param featureNames the model's feature names in order, or null when it has none
 * @param features the number of values per sample the model takes
 * @param csv how CSV files are read (header, label column)
 * @param idColumn a column carried into the output as each row's ID, if any
 * @param labelsFile a file of labels beside a file of samples (an IDX labels file), or null
 * @param partitionGiven true when the user asked for a partition of the source: a table is then not scored whole
 * @param images the model's image size and channels that image files are converted to, and where warnings go; empty
 *     for a model of tabular input
 */
public record ScoringRequest(
        List<String> featureNames,
        int features,
        CsvReader.Options csv,
        Optional<String> idColumn,
        Path labelsFile,
        boolean partitionGiven,
        Optional<ImageOptions> images) {
    /**
     * A request without image conversion.
     *
     * @param featureNames the model's feature names in order, or null when it has none
     * @param features the number of values per sample the model takes
     * @param csv how CSV files are read (header, label column)
     * @param idColumn a column carried into the output as each row's ID, if any
     * @param labelsFile a file of labels beside a file of samples (an IDX labels file), or null
     * @param partitionGiven true when the user asked for a partition of the source
     */
    public ScoringRequest(
            List<String> featureNames,
            int features,
            CsvReader.Options csv,
            Optional<String> idColumn,
            Path labelsFile,
            boolean partitionGiven) {
        this(featureNames, features, csv, idColumn, labelsFile, partitionGiven, Optional.empty());
    }
}
