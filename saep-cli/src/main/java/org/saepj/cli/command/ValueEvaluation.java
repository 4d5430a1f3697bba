package org.saepj.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.saepj.cli.UsageError;
import org.saepj.cli.display.Json;
import org.saepj.data.Dataset;
import org.saepj.data.io.CsvReader;
import org.saepj.data.source.SourceKinds;
import org.saepj.data.source.kind.CsvKind;
import org.saepj.persistence.EnsembleManifest;
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
     * @param source the {@code --data} source
     * @param partitionGiven whether {@code --partition} was given (refused: the file is scored whole)
     * @param csv the CSV options (header, target column)
     * @param json whether to print one JSON object
     * @param out where to print
     */
    static void run(
            SavedEnsemble ensemble,
            String source,
            boolean partitionGiven,
            CsvReader.Options csv,
            boolean json,
            PrintWriter out) {
        java.util.Optional<SourceKinds.Located> located = SourceKinds.locate(source);
        if (partitionGiven || located.isEmpty() || !(located.get().kind() instanceof CsvKind)) {
            throw new UsageError("--data: a " + ensemble.task().id() + " ensemble is evaluated on every row of a CSV"
                    + " file with its target column (--data csv:FILE, without --partition)");
        }
        Path file = Path.of(located.get().location());
        Dataset raw = CsvReader.readValues(file, csv).train();
        EnsembleManifest.Target target = ensemble.manifest().target();
        RealValues y = new RealValues(((RealValues) raw.targets()).values(), target.mean(), target.scale());
        Dataset d = ensemble.preprocess(raw);
        List<float[]> members = ensemble.memberLogits(d);
        float[] f = ensemble.combine(members);
        RegressionMetrics m = RegressionMetrics.of(f, members, ensemble.weights(), y);
        if (json) {
            ObjectNode n = Json.object();
            n.put("samples", d.size());
            n.put("rows", "every row of " + file);
            n.put("task", ensemble.task().id());
            n.set("regression", Json.MAPPER.valueToTree(m));
            n.put("ensembleSize", members.size());
            out.print(Json.pretty(n));
            return;
        }
        out.printf("samples        %d: every row of %s%n", d.size(), file);
        out.printf("RMSE           %.6g (predicting the training mean: %.6g)%n", m.rmse(), m.baselineRmse());
        out.printf("MAE            %.6g%n", m.mae());
        out.printf("R²             %.4f%n", m.r2());
        out.printf("ensemble size  %d%n", members.size());
        out.printf(
                "ambiguity      ensemble MSE %.6g = average member MSE %.6g − average ambiguity %.6g%n",
                m.ensembleMse(), m.averageMemberMse(), m.averageAmbiguity());
    }
}
