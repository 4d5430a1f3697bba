package org.saepj.cli.command;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.saepj.cli.output.OutputFile;
import org.saepj.data.Dataset;
import org.saepj.ensemble.ClassificationMetrics;
import org.saepj.run.HtmlReport;
import org.saepj.run.MetricsTables;
import org.saepj.run.ResidualPlots;
import org.saepj.task.RealValues;

/**
 * The HTML page of {@code saep evaluate --report}: the figures evaluate prints, with a classifier's per-class table
 * and confusion matrix, or a regression's residual plots, written complete or not at all.
 */
final class EvaluationReport {
    private final HtmlReport html;

    private EvaluationReport(String model, String rows, Map<String, String> figures) {
        html = new HtmlReport("SAEP-J evaluation: " + model);
        html.paragraph("Measured on " + rows + ".").heading("Result").keyValues(figures);
    }

    /** @return an empty table of figures, kept in the order they are put */
    static Map<String, String> figures() {
        return new LinkedHashMap<>();
    }

    /**
     * A classifier's page.
     *
     * @param model the {@code --model} directory, for the title
     * @param rows which rows were measured
     * @param figures the figures evaluate prints, in order
     * @param metrics the per-class figures and the confusion matrix
     * @param classes the class names
     * @return the page
     */
    static EvaluationReport classes(
            String model,
            String rows,
            Map<String, String> figures,
            ClassificationMetrics metrics,
            List<String> classes) {
        EvaluationReport r = new EvaluationReport(model, rows, figures);
        r.html.heading("Per class")
                .table(MetricsTables.perClassHeader(), MetricsTables.perClass(metrics, classes))
                .heading("Confusion matrix")
                .table(MetricsTables.confusionHeader(classes), MetricsTables.confusion(metrics, classes));
        return r;
    }

    /**
     * A regression's page.
     *
     * @param model the {@code --model} directory, for the title
     * @param rows which rows were measured
     * @param figures the figures evaluate prints, in order
     * @param combined the ensemble's standardised outputs
     * @param data the measured rows, their true values as targets
     * @return the page
     */
    static EvaluationReport values(
            String model, String rows, Map<String, String> figures, float[] combined, Dataset data) {
        EvaluationReport r = new EvaluationReport(model, rows, figures);
        ResidualPlots.of(combined, (RealValues) data.targets()).addTo(r.html, "the measured rows");
        return r;
    }

    /** @param target the checked {@code --report} file, written complete or not at all */
    void write(OutputFile target) {
        byte[] page = html.render().getBytes(StandardCharsets.UTF_8);
        target.write(o -> o.write(page));
    }
}
