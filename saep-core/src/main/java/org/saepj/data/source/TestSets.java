package org.saepj.data.source;

import java.util.List;
import java.util.Optional;
import org.saepj.DataException;
import org.saepj.data.ClassOrder;
import org.saepj.data.Dataset;
import org.saepj.data.FeatureColumns;
import org.saepj.data.Fingerprint;
import org.saepj.data.SourceData;
import org.saepj.data.TargetAnalysis;
import org.saepj.data.io.CsvReader;
import org.saepj.task.ClassLabels;

/**
 * A separate test set beside a source ({@code --test}): loaded with the source, its feature columns matched to the
 * training data's by name when both files name them ({@link FeatureColumns}: reordered columns are put back in order,
 * a missing, extra or renamed one is refused; by position only when a file has no header), and its labels mapped
 * onto the training data's classes by name ({@link ClassOrder}). The same for the CLI, the library and a cluster's
 * executors.
 */
public final class TestSets {
    private TestSets() {}

    /**
     * @param sources how sources are read
     * @param data the training source
     * @param test the separate test source, or null for none
     * @return the training source, with the test set attached when one is named
     */
    public static SourceData attach(DataSources sources, String data, String test) {
        SourceData main = sources.load(data);
        if (test == null) {
            return main;
        }
        // A table's test file is read with the training file's columns (types, levels), never types of its own.
        // A regression's test targets are values like its training ones, whatever detection would make of them.
        boolean values = !(main.train().targets() instanceof ClassLabels);
        SourceData extra = main.table()
                .map(t -> sources.withCsv(withTask(sources.csvOptions().withSchema(t.columns()), values))
                        .load(test))
                .orElseGet(() -> sources.load(test));
        Dataset testSet = extra.test().orElse(extra.train());
        if (!main.featureNames().isEmpty() && !extra.featureNames().isEmpty()) {
            testSet =
                    FeatureColumns.align(testSet, extra.featureNames(), main.featureNames(), test, "the training data");
        }
        testSet = relabel(testSet, main.train(), test);
        if (main.table().isPresent() && main.table().get().plain()) {
            refuseGaps(test, testSet, main.table().get().columns().names());
        }
        return new SourceData(
                main.name(),
                main.source() + " + test " + extra.source(),
                main.train(),
                Optional.of(testSet),
                Fingerprint.combine(main.sha256(), extra.sha256()),
                false,
                new SourceData.SeparateTest(main.source(), main.sha256(), extra.source(), extra.sha256()),
                main.featureNames(),
                main.table());
    }

    /** A training file without gaps leaves nothing to fill a test file's gaps with: they are named, not guessed. */
    private static CsvReader.Options withTask(CsvReader.Options csv, boolean values) {
        return values
                ? new CsvReader.Options(
                        csv.header(),
                        csv.labelColumn(),
                        csv.table().withTask(TargetAnalysis.Task.REGRESSION),
                        csv.schema())
                : csv;
    }

    private static void refuseGaps(String test, Dataset testSet, List<String> names) {
        int d = testSet.featureSize();
        float[] x = testSet.features();
        for (int i = 0; i < x.length; i++) {
            if (Float.isNaN(x[i])) {
                throw new DataException(test + ": row " + (i / d + 1) + ", column '" + names.get(i % d)
                        + "' is empty or missing, and the training data has no gaps to learn from: expected a number"
                        + " in every cell");
            }
        }
    }

    /**
     * Maps the test labels onto the training data's classes by name (CSV label order depends on the file), a number
     * by its value.
     *
     * @param test the test samples
     * @param train the training data whose classes they take
     * @param source names the test source in errors
     * @return the test samples with the training data's class numbering
     */
    public static Dataset relabel(Dataset test, Dataset train, String source) {
        if (test.featureSize() != train.featureSize()) {
            throw new DataException(source + ": test samples have " + test.featureSize() + " values, training samples "
                    + train.featureSize());
        }
        if (!(train.targets() instanceof ClassLabels) || test.classNames().equals(train.classNames())) {
            return test;
        }
        int[] map = new int[test.classCount()];
        for (int c = 0; c < map.length; c++) {
            map[c] = ClassOrder.indexOf(train.classNames(), test.classNames().get(c));
            if (map[c] < 0) {
                throw new DataException(source + ": test label '"
                        + test.classNames().get(c) + "' is not a class of the training data " + train.classNames());
            }
        }
        int[] y = new int[test.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = map[test.labels()[i]];
        }
        return new Dataset(test.name(), test.features(), y, train.shape(), train.classNames());
    }
}
