package org.saepj.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.saepj.SaepException;
import org.saepj.UsageException;
import org.saepj.data.io.CsvReader;
import org.saepj.search.SearchConfig;

/**
 * Configures and fits a regressor: the search settings of {@link SearchBuilder}, then {@code fit} on arrays in memory
 * with one real-valued target per row, or on a CSV file whose target column is numeric. The networks learn the targets
 * standardised (the training part's mean and deviation) and the model maps its predictions back to the targets' unit;
 * members are combined by their weighted average, and a random {@code testFraction} of the rows is held out to measure
 * the result. {@code fit} checks the settings, then the data, then the output folder, each problem one line
 * ({@link SaepException}), before any training.
 *
 * <pre>{@code
 * SaepRegressor model = Saep.regressor().method("pap").iterations(5).steps(1000).fit(features, targets);
 * }</pre>
 */
public final class RegressorBuilder extends SearchBuilder<RegressorBuilder> {
    private String targetColumn;

    RegressorBuilder() {}

    @Override
    RegressorBuilder self() {
        return this;
    }

    /**
     * @param column the target column of a CSV file by name or 0-based index ({@code --label-column}; default: the
     *     last)
     * @return this builder
     */
    public RegressorBuilder targetColumn(String column) {
        targetColumn = Objects.requireNonNull(column, "targetColumn");
        return this;
    }

    /**
     * Searches on rows in memory.
     *
     * @param features one row of features per sample, every row as long, every value a finite number
     * @param targets each row's value, a finite number (at least two different ones)
     * @return the fitted regressor
     * @throws SaepException naming the first setting, row or value that cannot be used, before any training
     */
    public SaepRegressor fit(float[][] features, double[] targets) {
        SearchConfig config = config(InMemorySource.SOURCE);
        refuseTargetColumn();
        FeatureRows.check(features, "features");
        double[] values = ArrayValues.check(targets, features.length, "targets");
        return fit(config, InMemorySource.of(features, values, featureNames()));
    }

    /**
     * Searches on rows in memory given in double precision (computed in float, the networks' precision).
     *
     * @param features one row of features per sample
     * @param targets each row's value
     * @return the fitted regressor
     * @throws SaepException naming the first setting, row or value that cannot be used, before any training
     */
    public SaepRegressor fit(double[][] features, double[] targets) {
        SearchConfig config = config(InMemorySource.SOURCE);
        refuseTargetColumn();
        float[][] rows = FeatureRows.check(features, "features");
        double[] values = ArrayValues.check(targets, rows.length, "targets");
        return fit(config, InMemorySource.of(rows, values, featureNames()));
    }

    /**
     * Searches on a CSV file: numeric features and a numeric target column ({@link #targetColumn}, {@link #header});
     * the header's names become the model's feature names.
     *
     * @param csvFile the file
     * @return the fitted regressor
     * @throws SaepException naming the first setting or the file's problem, before any training
     */
    public SaepRegressor fit(Path csvFile) {
        Objects.requireNonNull(csvFile, "csvFile");
        refuseFeatureNames("a CSV file");
        SearchConfig config = config("csv:" + csvFile.toAbsolutePath());
        return fit(
                config,
                CsvReader.readValues(
                        csvFile.toAbsolutePath(), new CsvReader.Options(header(), Optional.ofNullable(targetColumn))));
    }

    private SaepRegressor fit(SearchConfig config, org.saepj.data.SourceData data) {
        ModelSearch.Fit fit = search(config, data);
        return new SaepRegressor(fit.ensemble(), fit.report(), fit.folder());
    }

    private void refuseTargetColumn() {
        if (targetColumn != null) {
            throw new UsageException("targetColumn: for a CSV file only; arrays give their targets as an argument");
        }
    }
}
