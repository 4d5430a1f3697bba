package org.saepj.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.saepj.SaepException;
import org.saepj.UsageException;
import org.saepj.data.SourceData;
import org.saepj.data.io.CsvReader;
import org.saepj.data.io.DecodedCache;
import org.saepj.data.source.DataSources;
import org.saepj.data.source.DatasetLocator;
import org.saepj.data.source.RemoteFiles;
import org.saepj.data.source.TestSets;
import org.saepj.search.SearchConfig;

/**
 * Configures and fits a classifier: the search settings of {@link SearchBuilder}, then {@code fit} on arrays in memory
 * or on a data source as {@code saep search --data} names it. {@code fit} checks the settings, then the data, then the
 * output folder, each problem one line ({@link SaepException}), before any training; it may be called again, with other
 * data or after changing a setting.
 *
 * <pre>{@code
 * SaepClassifier model = Saep.classifier().method("pie").parameter("alpha", 0.5).iterations(5).steps(1000).seed(7)
 *         .fit(features, labels);
 * }</pre>
 */
public final class ClassifierBuilder extends SearchBuilder<ClassifierBuilder> {
    private String labelColumn;
    private Path dataDir;
    private String testSource;

    ClassifierBuilder() {}

    @Override
    ClassifierBuilder self() {
        return this;
    }

    /**
     * @param column the label column of a CSV source by name or 0-based index ({@code --label-column}; default:
     *     the last)
     * @return this builder
     */
    public ClassifierBuilder labelColumn(String column) {
        labelColumn = Objects.requireNonNull(column, "labelColumn");
        return this;
    }

    /**
     * @param dir where known datasets ({@code fashion-mnist}, …) are looked for first ({@code --data-dir}; default:
     *     {@code $SAEP_DATA}, then {@code ~/.saep/datasets} and {@code /usr/share/datasets})
     * @return this builder
     */
    public ClassifierBuilder dataDir(Path dir) {
        dataDir = Objects.requireNonNull(dir, "dataDir");
        return this;
    }

    /**
     * @param source separate test data for a source without a test partition ({@code --test}; default: a stratified
     *     {@code testFraction} of the rows is held out)
     * @return this builder
     */
    public ClassifierBuilder testSource(String source) {
        testSource = Objects.requireNonNull(source, "testSource");
        return this;
    }

    /**
     * Searches on rows in memory. A stratified {@code testFraction} of them is held out to measure the result
     * ({@link SaepClassifier#report()}); the features are standardised with the other rows' statistics, inside the
     * model.
     *
     * @param features one row of features per sample, every row as long, every value a finite number
     * @param labels each row's class, any ints (at least two different ones)
     * @return the fitted classifier
     * @throws SaepException naming the first setting, row or label that cannot be used, before any training
     */
    public SaepClassifier fit(float[][] features, int[] labels) {
        SearchConfig config = config(InMemorySource.SOURCE);
        FeatureRows.check(features, "features");
        ArrayLabels classes = ArrayLabels.of(labels, features.length, "labels");
        return fit(config, InMemorySource.of(features, classes, featureNames()));
    }

    /**
     * Searches on rows in memory given in double precision (computed in float, the networks' precision).
     *
     * @param features one row of features per sample
     * @param labels each row's class
     * @return the fitted classifier
     * @throws SaepException naming the first setting, row or label that cannot be used, before any training
     */
    public SaepClassifier fit(double[][] features, int[] labels) {
        SearchConfig config = config(InMemorySource.SOURCE);
        float[][] rows = FeatureRows.check(features, "features");
        return fit(config, InMemorySource.of(rows, ArrayLabels.of(labels, rows.length, "labels"), featureNames()));
    }

    /**
     * Searches on rows in memory with text labels, which the model predicts back
     * ({@link SaepClassifier#predictLabels}). Labels that are numbers are classes by value, as in a CSV file
     * ({@code 1}, {@code 1.0} and {@code 01} are one).
     *
     * @param features one row of features per sample
     * @param labels each row's class (at least two different ones)
     * @return the fitted classifier
     * @throws SaepException naming the first setting, row or label that cannot be used, before any training
     */
    public SaepClassifier fit(float[][] features, String[] labels) {
        SearchConfig config = config(InMemorySource.SOURCE);
        FeatureRows.check(features, "features");
        ArrayLabels classes = ArrayLabels.of(labels, features.length, "labels");
        return fit(config, InMemorySource.of(features, classes, featureNames()));
    }

    /**
     * Searches on rows in memory given in double precision, with text labels.
     *
     * @param features one row of features per sample
     * @param labels each row's class
     * @return the fitted classifier
     * @throws SaepException naming the first setting, row or label that cannot be used, before any training
     */
    public SaepClassifier fit(double[][] features, String[] labels) {
        SearchConfig config = config(InMemorySource.SOURCE);
        float[][] rows = FeatureRows.check(features, "features");
        return fit(config, InMemorySource.of(rows, ArrayLabels.of(labels, rows.length, "labels"), featureNames()));
    }

    /**
     * Searches on a data source as {@code saep search --data} names it: {@code csv:FILE} (numeric features and a label
     * column, see {@link #labelColumn} and {@link #header}), {@code idx:DIR}, {@code cifar10:PATH}, or a known dataset
     * ({@code fashion-mnist}, {@code mnist}, {@code cifar10}, found as {@link #dataDir} says).
     *
     * @param source the data source
     * @return the fitted classifier
     * @throws SaepException naming the first setting or the data's problem, before any training
     */
    public SaepClassifier fit(String source) {
        Objects.requireNonNull(source, "source");
        refuseFeatureNames("a data source");
        SearchConfig config = config(DataSources.absolute(source));
        DataSources sources = new DataSources(
                DatasetLocator.standard(dataDir),
                new CsvReader.Options(header(), Optional.ofNullable(labelColumn)),
                DecodedCache.standard(),
                RemoteFiles.none());
        return fit(config, TestSets.attach(sources, config.dataset(), DataSources.absolute(testSource)));
    }

    private SaepClassifier fit(SearchConfig config, SourceData data) {
        if (testSource != null && data.source().equals(InMemorySource.SOURCE)) {
            throw new UsageException("testSource: for a data source only; arrays hold out testFraction of their rows");
        }
        ModelSearch.Fit fit = search(config, data);
        return new SaepClassifier(fit.ensemble(), fit.report(), fit.folder());
    }
}
