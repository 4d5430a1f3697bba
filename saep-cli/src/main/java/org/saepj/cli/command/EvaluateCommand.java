package org.saepj.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.saepj.cli.UsageError;
import org.saepj.cli.data.DataOptions;
import org.saepj.cli.data.ModelData;
import org.saepj.cli.display.Json;
import org.saepj.cli.display.TextTable;
import org.saepj.cli.option.ModelOptions;
import org.saepj.data.Dataset;
import org.saepj.diversity.Diversity;
import org.saepj.ensemble.Calibration;
import org.saepj.ensemble.ClassificationMetrics;
import org.saepj.ensemble.Logits;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.run.Decimals;
import org.saepj.run.MetricsTables;
import org.saepj.run.ReliabilityDiagram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code saep evaluate}: a saved ensemble's accuracy, loss, size and diversity on a source. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Measure a saved ensemble on a data source (by default its test partition).")
public final class EvaluateCommand implements Runnable {
    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(
            names = "--reliability",
            paramLabel = "PNG",
            description = "Also write a reliability diagram (accuracy against confidence in 15 bins, with the"
                    + " diagonal of perfect calibration) to this PNG file.")
    java.nio.file.Path reliability;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    DataOptions dataOptions;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (reliability != null && java.nio.file.Files.exists(reliability)) {
            // a diagram is never written over a file the user has, a directory least of all
            throw new UsageError("--reliability " + reliability
                    + " already exists: expected the name of a new PNG file such as reliability.png");
        }
        SavedEnsemble ensemble = modelOptions.load();
        ModelData.Scored scored = modelOptions.data(ensemble, dataOptions);
        scored.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        if (!ensemble.task().predictsClasses()) {
            ValueEvaluation.run(ensemble, scored, json, spec.commandLine().getOut());
            return;
        }
        Dataset d = scored.data();
        List<float[]> members = ensemble.memberLogits(d);
        float[] f = ensemble.combine(members);
        int classes = d.classCount();
        double accuracy = Logits.accuracy(f, d.labels(), classes);
        double loss = Logits.meanLoss(f, d.labels(), classes);
        Calibration.Bins bins = Calibration.reliability(f, d.labels(), classes);
        double calibrationError = bins.expectedError();
        Double temperature = ensemble.manifest().temperature();
        if (reliability != null) {
            byte[] png = ReliabilityDiagram.png(
                    "Reliability: " + d.name(),
                    bins,
                    temperature == null ? "ensemble" : "ensemble, T = " + Decimals.of(temperature, 3),
                    null,
                    null);
            org.saepj.persistence.AtomicFiles.write(reliability, o -> o.write(png));
        }
        ClassificationMetrics metrics = ClassificationMetrics.of(f, d.labels(), classes);
        Diversity diversity = Diversity.of(
                members.stream().map(m -> Logits.argmax(m, classes)).toArray(int[][]::new), d.labels());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode n = Json.object();
            n.put("samples", d.size());
            n.put("rows", scored.rows());
            n.put("trainedOn", scored.trainedOn());
            Json.put(n, "accuracy", accuracy);
            Json.put(n, "loss", loss);
            Json.put(n, "calibrationError", calibrationError);
            if (temperature != null) {
                Json.put(n, "temperature", temperature);
            }
            n.set("reliability", Json.MAPPER.valueToTree(bins));
            n.put("ensembleSize", members.size());
            n.set("diversity", Json.diversity(diversity));
            n.set("classes", Json.MAPPER.valueToTree(d.classNames()));
            n.set("metrics", Json.MAPPER.valueToTree(metrics));
            out.print(Json.pretty(n));
            return;
        }
        out.printf("samples        %d: %s%n", d.size(), scored.rows());
        out.printf("accuracy       %.4f%n", accuracy);
        out.printf("loss           %.4f%n", loss);
        out.printf(
                "calibration    ECE %.4f (%d bins of confidence)%s%n",
                calibrationError,
                Calibration.BINS,
                temperature == null
                        ? ""
                        : String.format(
                                java.util.Locale.ROOT,
                                ", logits divided by the temperature %.4f fitted on the validation part",
                                temperature));
        if (reliability != null) {
            out.printf("reliability    %s%n", reliability);
        }
        out.printf("ensemble size  %d%n", members.size());
        out.printf(
                "diversity      disagreement %.4f, with labels %.4f, Q %.4f, kappa %.4f, double fault %.4f%s%n",
                diversity.disagreement(),
                diversity.disagreementWithLabels(),
                diversity.qStatistic(),
                diversity.kappa(),
                diversity.doubleFault(),
                diversity.pairs() == 0 ? " (a single member has no pairs)" : "");
        out.printf("macro F1       %.4f%n", metrics.macroF1());
        if (!Double.isNaN(metrics.rocAuc())) {
            out.printf(
                    "ROC AUC        %.4f (%s against %s)%n",
                    metrics.rocAuc(), d.classNames().get(1), d.classNames().get(0));
        }
        out.println();
        TextTable.print(out, MetricsTables.perClassHeader(), MetricsTables.perClass(metrics, d.classNames()));
        out.println();
        TextTable.print(
                out, MetricsTables.confusionHeader(d.classNames()), MetricsTables.confusion(metrics, d.classNames()));
    }
}
