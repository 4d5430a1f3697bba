package org.saepj.api;

import java.nio.file.Path;
import java.util.List;
import org.saepj.SaepException;
import org.saepj.persistence.EnsembleManifest;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.persistence.ValuePrediction;
import org.saepj.task.RealValues;
import org.saepj.task.RegressionMetrics;

/**
 * A fitted (or loaded) SAEP-J regressor: an ensemble of networks with the preprocessing its search fitted, predicting
 * one value per row in the targets' unit. It takes rows of raw features, as they were given to {@code fit}, and
 * applies the search's preprocessing itself.
 *
 * <pre>{@code
 * SaepRegressor model = Saep.regressor().iterations(5).steps(1000).fit(features, targets);
 * double[] predicted = model.predict(newRows);
 * System.out.println(model.evaluate(testRows, testTargets).rmse());
 * model.save(Path.of("model"));            // read by `saep predict --model model` and `saep inspect model`
 * model.exportOnnx(Path.of("model.onnx")); // output `value` [N, 1]
 * }</pre>
 *
 * <p>What every model has — members, report, saving, ONNX export — is {@link FittedModel}'s. Call one instance from one
 * thread at a time.
 */
public final class SaepRegressor extends FittedModel {
    SaepRegressor(SavedEnsemble ensemble, FitReport report, Path runFolder) {
        super(ensemble, report, runFolder);
    }

    /**
     * Loads a regressor saved by {@link #save}, by {@code saep search} ({@code OUT/ensemble}, or the run folder
     * {@code OUT} itself) or by a fit's output folder.
     *
     * @param dir the saved ensemble's folder, or a run folder holding one in {@code ensemble/}
     * @return the model, without a fit report
     * @throws SaepException naming the file and the problem when the folder is not a usable saved ensemble, or holds a
     *     classifier ({@link SaepClassifier#load} reads it)
     */
    public static SaepRegressor load(Path dir) {
        return new SaepRegressor(loadEnsemble(dir, false), null, null);
    }

    /**
     * @param rows one row of raw features per sample
     * @return each row's predicted value, in the targets' unit: the members' weighted average
     * @throws SaepException when a row cannot be used
     */
    public double[] predict(float[][] rows) {
        return predictWithSpread(rows).stream()
                .mapToDouble(ValuePrediction::value)
                .toArray();
    }

    /**
     * @param rows one row of raw features per sample, in double precision
     * @return each row's predicted value
     * @throws SaepException when a row cannot be used
     */
    public double[] predict(double[][] rows) {
        return predict(FeatureRows.check(rows, "rows"));
    }

    /**
     * @param rows one row of raw features per sample
     * @return each row's predicted value and the standard deviation of the members' values around their mean (how much
     *     they disagree; 0 for one member), as {@code saep predict} writes them
     * @throws SaepException when a row cannot be used
     */
    public List<ValuePrediction> predictWithSpread(float[][] rows) {
        return ensemble().predictValues(ofModelWidth(FeatureRows.check(rows, "rows")));
    }

    /**
     * @param rows one row of raw features per sample, in double precision
     * @return each row's predicted value and the members' spread
     * @throws SaepException when a row cannot be used
     */
    public List<ValuePrediction> predictWithSpread(double[][] rows) {
        return predictWithSpread(FeatureRows.check(rows, "rows"));
    }

    /**
     * @param rows one row of raw features per sample
     * @param targets each row's true value
     * @return RMSE, MAE and R² in the targets' unit, the RMSE of predicting the training targets' mean for every row
     *     (the baseline to beat), and the ambiguity decomposition of the ensemble's squared error
     * @throws SaepException when a row or value cannot be used, or the counts differ
     */
    public RegressionMetrics evaluate(float[][] rows, double[] targets) {
        float[][] checked = ofModelWidth(FeatureRows.check(rows, "rows"));
        double[] truth = ArrayValues.check(targets, checked.length, "targets").clone();
        List<float[]> members = ensemble().memberOutputs(checked);
        EnsembleManifest.Target target = ensemble().manifest().target();
        return RegressionMetrics.of(
                ensemble().combine(members),
                members,
                ensemble().weights(),
                new RealValues(truth, target.mean(), target.scale()));
    }

    /**
     * @param rows one row of raw features per sample, in double precision
     * @param targets each row's true value
     * @return RMSE, MAE, R², the mean-predictor baseline and the ambiguity decomposition
     * @throws SaepException when a row or value cannot be used, or the counts differ
     */
    public RegressionMetrics evaluate(double[][] rows, double[] targets) {
        return evaluate(FeatureRows.check(rows, "rows"), targets);
    }
}
