package org.saepj.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.saepj.cli.data.ModelData;
import org.saepj.cli.display.Json;
import org.saepj.data.Dataset;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.run.Decimals;
import org.saepj.task.RealValues;
import org.saepj.task.RegressionMetrics;

/**
 * {@code saep evaluate} of a regression ensemble: RMSE, MAE, R², the mean predictor's RMSE and the ambiguity
 * decomposition on every row of a CSV file whose target column the ensemble's task reads as values.
 */
final class ValueEvaluation {
    private ValueEvaluation() {}

    /**
     * @param ensemble a regression ensemble (its manifest has a target)
     * @param scored the rows to score, prepared as the ensemble's search prepared them, targets in its units
     * @param json whether to print one JSON object
     * @param report whether to make the HTML report's page
     * @param model the {@code --model} directory, for the page's title
     * @param out where to print
     * @return the page (the figures and the residual plots), or null when not asked for
     */
    static EvaluationReport run(
            SavedEnsemble ensemble,
            ModelData.Scored scored,
            boolean json,
            boolean report,
            String model,
            PrintWriter out) {
        Dataset d = scored.data();
        RealValues y = (RealValues) d.targets();
        List<float[]> members = ensemble.memberLogits(d);
        float[] f = ensemble.combine(members);
        RegressionMetrics m = RegressionMetrics.of(f, members, ensemble.weights(), y);
        EvaluationReport page = report ? page(model, scored, f, m, members.size()) : null;
        if (json) {
            ObjectNode n = Json.object();
            n.put("samples", d.size());
            n.put("rows", scored.rows());
            n.put("trainedOn", scored.trainedOn());
            n.put("task", ensemble.task().id());
            n.set("regression", Json.MAPPER.valueToTree(m));
            n.put("ensembleSize", members.size());
            out.print(Json.pretty(n));
            return page;
        }
        out.printf("samples        %d: %s%n", d.size(), scored.rows());
        out.printf("RMSE           %.6g (predicting the training mean: %.6g)%n", m.rmse(), m.baselineRmse());
        out.printf("MAE            %.6g%n", m.mae());
        out.printf("R²             %.4f%n", m.r2());
        out.printf("ensemble size  %d%n", members.size());
        out.printf(
                "ambiguity      ensemble MSE %.6g = average member MSE %.6g − average ambiguity %.6g%n",
                m.ensembleMse(), m.averageMemberMse(), m.averageAmbiguity());
        return page;
    }

    private static EvaluationReport page(
            String model, ModelData.Scored scored, float[] combined, RegressionMetrics m, int size) {
        Map<String, String> figures = EvaluationReport.figures();
        figures.put("samples", Integer.toString(scored.data().size()));
        figures.put("RMSE", Decimals.of(m.rmse(), 6));
        figures.put("RMSE of predicting the training mean", Decimals.of(m.baselineRmse(), 6));
        figures.put("MAE", Decimals.of(m.mae(), 6));
        figures.put("R²", Decimals.of(m.r2(), 4));
        figures.put("ensemble size", Integer.toString(size));
        figures.put(
                "ambiguity decomposition",
                "ensemble MSE " + Decimals.of(m.ensembleMse(), 6) + " = average member MSE "
                        + Decimals.of(m.averageMemberMse(), 6) + " − average ambiguity "
                        + Decimals.of(m.averageAmbiguity(), 6));
        return EvaluationReport.values(model, scored.rows(), figures, combined, scored.data());
    }
}
