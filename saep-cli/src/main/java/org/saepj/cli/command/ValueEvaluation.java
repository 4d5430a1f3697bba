package org.saepj.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.saepj.cli.data.ModelData;
import org.saepj.cli.display.Json;
import org.saepj.data.Dataset;
import org.saepj.persistence.SavedEnsemble;
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
     * @param out where to print
     */
    static void run(SavedEnsemble ensemble, ModelData.Scored scored, boolean json, PrintWriter out) {
        Dataset d = scored.data();
        RealValues y = (RealValues) d.targets();
        List<float[]> members = ensemble.memberLogits(d);
        float[] f = ensemble.combine(members);
        RegressionMetrics m = RegressionMetrics.of(f, members, ensemble.weights(), y);
        if (json) {
            ObjectNode n = Json.object();
            n.put("samples", d.size());
            n.put("rows", scored.rows());
            n.put("trainedOn", scored.trainedOn());
            n.put("task", ensemble.task().id());
            n.set("regression", Json.MAPPER.valueToTree(m));
            n.put("ensembleSize", members.size());
            out.print(Json.pretty(n));
            return;
        }
        out.printf("samples        %d: %s%n", d.size(), scored.rows());
        out.printf("RMSE           %.6g (predicting the training mean: %.6g)%n", m.rmse(), m.baselineRmse());
        out.printf("MAE            %.6g%n", m.mae());
        out.printf("R²             %.4f%n", m.r2());
        out.printf("ensemble size  %d%n", members.size());
        out.printf(
                "ambiguity      ensemble MSE %.6g = average member MSE %.6g − average ambiguity %.6g%n",
                m.ensembleMse(), m.averageMemberMse(), m.averageAmbiguity());
    }
}
