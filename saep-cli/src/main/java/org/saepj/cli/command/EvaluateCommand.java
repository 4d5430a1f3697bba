package org.saepj.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.saepj.cli.UsageError;
import org.saepj.cli.data.DataOptions;
import org.saepj.cli.data.ModelData;
import org.saepj.cli.display.Json;
import org.saepj.cli.display.TextTable;
import org.saepj.cli.option.ModelOptions;
import org.saepj.cli.output.OutputFile;
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

    @Option(
            names = "--report",
            paramLabel = "FILE.html",
            description = "Also write an HTML report: the figures with the per-class table and confusion matrix, or"
                    + " a regression's residual plots.")
    Path report;

    @Option(names = "--overwrite", description = "Replace an existing --report or --reliability file.")
    boolean overwrite;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    DataOptions dataOptions;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        OutputFile diagram = reliability == null
                ? null
                : checkFile("--reliability", reliability, "the reliability diagram", "reliability.png");
        OutputFile target = report == null ? null : checkFile("--report", report, "the report", "report.html");
        SavedEnsemble ensemble = modelOptions.load();
        ModelData.Scored scored = modelOptions.data(ensemble, dataOptions);
        scored.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        if (!ensemble.task().predictsClasses()) {
            EvaluationReport values = ValueEvaluation.run(
                    ensemble,
                    scored,
                    json,
                    target != null,
                    modelOptions.model.toString(),
                    spec.commandLine().getOut());
            written(values, target);
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
            diagram.write(o -> o.write(png));
        }
        ClassificationMetrics metrics = ClassificationMetrics.of(f, d.labels(), classes);
        Diversity diversity = Diversity.of(
                members.stream().map(m -> Logits.argmax(m, classes)).toArray(int[][]::new), d.labels());
        PrintWriter out = spec.commandLine().getOut();
        EvaluationReport page = null;
        if (target != null) {
            Map<String, String> figures = EvaluationReport.figures();
            figures.put("samples", Integer.toString(d.size()));
            figures.put("accuracy", Decimals.of(accuracy, 4));
            figures.put("loss", Decimals.of(loss, 4));
            figures.put(
                    "calibration",
                    "ECE " + Decimals.of(calibrationError, 4) + " (" + Calibration.BINS + " bins of confidence)");
            figures.put("ensemble size", Integer.toString(members.size()));
            figures.put(
                    "diversity",
                    "disagreement " + Decimals.of(diversity.disagreement(), 4) + ", with labels "
                            + Decimals.of(diversity.disagreementWithLabels(), 4) + ", Q "
                            + Decimals.of(diversity.qStatistic(), 4) + ", kappa " + Decimals.of(diversity.kappa(), 4)
                            + ", double fault " + Decimals.of(diversity.doubleFault(), 4));
            figures.put("macro F1", Decimals.of(metrics.macroF1(), 4));
            if (!Double.isNaN(metrics.rocAuc())) {
                figures.put(
                        "ROC AUC",
                        Decimals.of(metrics.rocAuc(), 4) + " (" + d.classNames().get(1) + " against "
                                + d.classNames().get(0) + ")");
            }
            page = EvaluationReport.classes(
                    modelOptions.model.toString(), scored.rows(), figures, metrics, d.classNames());
        }
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
            written(page, target);
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
        written(page, target);
    }

    /**
     * Checks a file evaluate writes besides its figures ({@code --report}, {@code --reliability}) before any work:
     * refused when it exists unless --overwrite, when it is a folder or inside the model, and on standard output.
     */
    private OutputFile checkFile(String option, java.nio.file.Path file, String what, String example) {
        OutputFile target = OutputFile.check(option, file, modelOptions.model, overwrite, what, example);
        if (target.isStandardOutput()) {
            throw new UsageError(option + " " + file + ": standard output has evaluate's figures; expected a file"
                    + " name such as " + example);
        }
        return target;
    }

    /** Writes the page and says so (on the error stream under --json, whose output is one JSON object). */
    private void written(EvaluationReport page, OutputFile target) {
        if (page == null) {
            return;
        }
        page.write(target);
        (json ? spec.commandLine().getErr() : spec.commandLine().getOut()).printf("wrote %s%n", report);
    }
}
