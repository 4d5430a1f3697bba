package org.saepj.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.saepj.persistence.AtomicFiles;
import org.saepj.persistence.SearchExport;
import org.saepj.search.IterationRecord;
import org.saepj.search.Partitions;
import org.saepj.search.SearchResult;

/**
 * Writes everything one search run leaves in its directory: the saved ensemble, iterations.csv, PNG plots
 * by iteration, a self-contained report.html and, last, report.json.
 */
public final class RunOutputs {
    private RunOutputs() {
    }

    /**
     * @param dir the run's directory
     * @param r the finished search
     * @param p the partitions it ran on
     * @param fold the fold's index, or -1 when the run is not one of several folds
     */
    public static void write(Path dir, SearchResult r, Partitions p, int fold) {
        SearchExport.of(r, p, fold).save(dir.resolve("ensemble"));
        IterationsCsv.write(dir.resolve("iterations.csv"), r.iterations());
        List<IterationRecord> its = r.iterations();
        double[] x = its.stream().mapToDouble(IterationRecord::iteration).toArray();
        String label = r.config().criterion().id() + "/" + r.config().mixture().id();
        byte[] accuracy = Charts.lines("Test accuracy by iteration", "iteration", "test accuracy",
                List.of(new Charts.Series(label, x, its.stream().mapToDouble(IterationRecord::testAccuracy).toArray(), null)));
        byte[] size = Charts.lines("Ensemble size by iteration", "iteration", "members",
                List.of(new Charts.Series(label, x, its.stream().mapToDouble(IterationRecord::ensembleSize).toArray(), null)));
        byte[] diversity = Charts.lines("Diversity (disagreement) by iteration", "iteration", "mean pairwise disagreement",
                List.of(new Charts.Series(label, x, its.stream().mapToDouble(i -> i.diversity().disagreement()).toArray(), null)));
        AtomicFiles.write(dir.resolve("accuracy.png"), out -> out.write(accuracy));
        AtomicFiles.write(dir.resolve("ensemble-size.png"), out -> out.write(size));
        AtomicFiles.write(dir.resolve("diversity.png"), out -> out.write(diversity));

        HtmlReport html = new HtmlReport("SAEP-J search: " + r.dataset().name() + ", " + label);
        Map<String, String> result = HtmlReport.map();
        result.put("test accuracy", Decimals.of(r.metrics().testAccuracy(), 4));
        result.put("test loss", Decimals.of(r.metrics().testLoss(), 4));
        result.put("ensemble size", Integer.toString(r.metrics().ensembleSize()));
        result.put("parameters", Long.toString(r.metrics().parameters()));
        result.put("time", Decimals.of(r.timing().totalSeconds(), 1) + " s (candidate training "
                + Decimals.of(r.timing().trainSeconds(), 1) + " s)");
        if (r.stoppedEarly() != null) {
            result.put("stopped early", "after " + its.size() + " of " + r.config().iterations() + " iterations: " + r.stoppedEarly());
        }
        org.saepj.ensemble.ClassificationMetrics cm = r.metrics().classification();
        result.put("macro F1", Decimals.of(cm.macroF1(), 4));
        if (!Double.isNaN(cm.rocAuc())) {
            result.put("ROC AUC", Decimals.of(cm.rocAuc(), 4));
        }
        html.heading("Result").keyValues(result);
        org.saepj.search.DataUse use = org.saepj.search.DataUse.of(r.config(), r.finalIteration());
        Map<String, String> uses = HtmlReport.map();
        uses.put("candidate training", use.candidateTraining());
        uses.put("early stopping", use.earlyStopping());
        uses.put("objective (selection)", use.objective());
        uses.put("mixture weights", use.mixtureWeights());
        uses.put("pruning", use.pruning());
        uses.put("final ensemble", use.finalEnsemble());
        uses.put("test data", use.test());
        html.heading("What each choice was made on").keyValues(uses);
        List<String> classes = r.dataset().classes();
        html.heading("Per class (test data)").table(MetricsTables.perClassHeader(), MetricsTables.perClass(cm, classes));
        html.heading("Confusion matrix (test data)").table(MetricsTables.confusionHeader(classes), MetricsTables.confusion(cm, classes));
        List<List<String>> memberRows = new ArrayList<>();
        RunReport report = RunReport.of(r);
        for (org.saepj.persistence.MemberRecord m : report.members()) {
            memberRows.add(List.of(Integer.toString(m.id()), m.name(), Integer.toString(m.iteration()), m.architecture().toString(),
                    Long.toString(m.parameters()), Decimals.of(m.weight(), 4)));
        }
        html.heading("Members").table(List.of("id", "candidate", "joined at iteration", "architecture", "parameters", "mixture weight"),
                memberRows);
        List<Inspection.PruningEvent> pruning = PruningHistory.of(its.stream().map(PruningHistory.Step::of).toList());
        if (pruning.isEmpty()) {
            html.heading("Pruning").paragraph("No member left during the search.");
        } else {
            List<List<String>> events = new ArrayList<>();
            for (Inspection.PruningEvent e : pruning) {
                events.add(List.of(Integer.toString(e.iteration()), e.criterion(), PruningHistory.removal(e), PruningHistory.details(e)));
            }
            html.heading("Pruning").paragraph("Each pruning event, at the start of its iteration: who left and who stayed, and"
                    + " the criterion's numbers, where positions are shown as the member ids (#id) they index.")
                    .table(List.of("iteration", "criterion", "members", "the criterion's numbers"), events);
        }
        html.heading("Plots").image("Test accuracy by iteration", accuracy).image("Ensemble size by iteration", size)
                .image("Diversity by iteration", diversity);
        List<List<String>> rows = new ArrayList<>();
        for (IterationRecord i : its) {
            rows.add(List.of(Integer.toString(i.iteration()), i.selected(), Integer.toString(i.ensembleSize()),
                    ids(i.memberIds()), ids(i.pruned()), Decimals.of(i.selectionObjective(), 4),
                    Decimals.of(i.testAccuracy(), 4), Decimals.of(i.diversity().disagreement(), 4)));
        }
        html.heading("Iterations").paragraph("Iterations count from 0, as in report.json, iterations.csv and the log.")
                .table(List.of("iteration", "selected", "size", "members", "pruned", "objective", "test accuracy", "disagreement"), rows);
        html.heading("Configuration").keyValues(configMap(r));
        AtomicFiles.writeString(dir.resolve("report.html"), html.render());
        // The report goes last: a run directory with a report.json is complete (resume skips it).
        report.write(dir.resolve(RunReport.FILE));
    }

    private static String ids(List<Integer> ids) {
        return ids.stream().map(id -> "#" + id).collect(java.util.stream.Collectors.joining(" "));
    }

    static Map<String, String> configMap(SearchResult r) {
        Map<String, String> m = HtmlReport.map();
        HtmlReport.fields(m, org.saepj.persistence.JsonFormat.mapper().valueToTree(r.config()));
        m.put("dataset", r.dataset().source() + " (" + r.dataset().partition() + ")");
        m.put("dataset sha256", r.dataset().sha256());
        m.put("version", r.provenance().version() + " (commit " + r.provenance().gitCommit() + ")");
        m.put("engine", r.provenance().engine() + ", " + r.provenance().executor() + ", Java " + r.provenance().java());
        return m;
    }
}
