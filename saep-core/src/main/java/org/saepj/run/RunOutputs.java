package org.saepj.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.saepj.persistence.AtomicFiles;
import org.saepj.persistence.SearchExport;
import org.saepj.search.IterationRecord;
import org.saepj.search.Partitions;
import org.saepj.search.SearchResult;
import org.saepj.task.RealValues;
import org.saepj.task.RegressionMetrics;

/**
 * Writes everything one search run leaves in its directory: the saved ensemble, iterations.csv, PNG plots
 * by iteration, a self-contained report.html and, last, report.json.
 */
public final class RunOutputs {
    private RunOutputs() {}

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
        String label = r.config().criterion().id() + "/" + r.config().mixture().id();
        RegressionMetrics regression = r.metrics().regression();
        // a regression search shows its error and the ambiguity of the decomposition where classification shows
        // accuracy and disagreement
        Score score = Score.of(r.dataset().learned());
        String headline = "Test " + score.metric();
        String spread = regression == null ? "Diversity (disagreement)" : "Diversity (ambiguity)";
        List<Charts.Series> headlineSeries = byBag(its, label, IterationRecord::headline);
        Charts.Axis accuracyAxis = score.axis(headlineSeries);
        byte[] accuracy =
                Charts.lines(headline + " by iteration", "iteration", score.label(), headlineSeries, accuracyAxis);
        byte[] size = Charts.lines(
                "Ensemble size by iteration", "iteration", "members", byBag(its, label, IterationRecord::ensembleSize));
        byte[] diversity = Charts.lines(
                spread + " by iteration",
                "iteration",
                regression == null ? "mean pairwise disagreement" : "average ambiguity",
                byBag(its, label, RunOutputs::diversity));
        AtomicFiles.write(dir.resolve("accuracy.png"), out -> out.write(accuracy));
        AtomicFiles.write(dir.resolve("ensemble-size.png"), out -> out.write(size));
        AtomicFiles.write(dir.resolve("diversity.png"), out -> out.write(diversity));
        org.saepj.ensemble.CalibrationReport calibration = r.metrics().calibration();
        byte[] reliability = calibration == null
                ? null
                : ReliabilityDiagram.png(
                        "Reliability on the test data",
                        calibration.reliability(),
                        "ensemble",
                        calibration.reliabilityScaled(),
                        calibration.temperature() == null
                                ? null
                                : "scaled, T = " + Decimals.of(calibration.temperature(), 3));
        if (reliability != null) {
            AtomicFiles.write(dir.resolve(ReliabilityDiagram.FILE), out -> out.write(reliability));
        }

        HtmlReport html = new HtmlReport("SAEP-J search: " + r.dataset().name() + ", " + label);
        Map<String, String> result = HtmlReport.map();
        if (regression == null) {
            result.put("test accuracy", Decimals.of(r.metrics().testAccuracy(), 4));
        } else {
            result.put("test RMSE", Decimals.of(regression.rmse(), 4));
            result.put("test MAE", Decimals.of(regression.mae(), 4));
            result.put("test R²", Decimals.of(regression.r2(), 4));
            result.put("RMSE of predicting the training mean", Decimals.of(regression.baselineRmse(), 4));
            result.put(
                    "ambiguity decomposition",
                    "ensemble MSE " + Decimals.of(regression.ensembleMse(), 4)
                            + " = average member MSE " + Decimals.of(regression.averageMemberMse(), 4)
                            + " − average ambiguity " + Decimals.of(regression.averageAmbiguity(), 4));
        }
        result.put("test loss", Decimals.of(r.metrics().testLoss(), 4));
        result.put("ensemble size", Integer.toString(r.metrics().ensembleSize()));
        result.put("parameters", Long.toString(r.metrics().parameters()));
        result.put(
                "time",
                Decimals.of(r.timing().totalSeconds(), 1) + " s (candidate training "
                        + Decimals.of(r.timing().trainSeconds(), 1) + " s)");
        if (r.stoppedEarly() != null) {
            result.put(
                    "stopped early",
                    "after " + its.size() + " of " + r.config().iterations() + " iterations: " + r.stoppedEarly());
        }
        org.saepj.ensemble.ClassificationMetrics cm = r.metrics().classification();
        if (cm != null) {
            result.put("macro F1", Decimals.of(cm.macroF1(), 4));
            if (!Double.isNaN(cm.rocAuc())) {
                result.put("ROC AUC", Decimals.of(cm.rocAuc(), 4));
            }
        }
        if (r.metrics().trainAccuracy() != null) {
            result.put("training accuracy", Decimals.of(r.metrics().trainAccuracy(), 4));
        }
        html.heading("Result").keyValues(result);
        if (calibration != null) {
            html.heading("Calibration (test data)").keyValues(calibrationRows(calibration));
            html.image(
                    "Reliability diagram: accuracy against confidence in " + org.saepj.ensemble.Calibration.BINS
                            + " equal-width bins; the diagonal is perfect calibration, points below it over-confident",
                    reliability);
        }
        html.heading("What happened").paragraph(String.join(" ", RunStory.sentences(RunStory.Facts.of(r))));
        org.saepj.search.DataUse use = org.saepj.search.DataUse.of(r);
        Map<String, String> uses = HtmlReport.map();
        uses.put("candidate training", use.candidateTraining());
        uses.put("early stopping", use.earlyStopping());
        uses.put("objective (selection)", use.objective());
        uses.put("mixture weights", use.mixtureWeights());
        uses.put("pruning", use.pruning());
        uses.put("final ensemble", use.finalEnsemble());
        uses.put("temperature", use.temperature());
        if (use.finalTraining() != null) {
            uses.put("final training", use.finalTraining());
        }
        uses.put("test data", use.test());
        html.heading("What each choice was made on").keyValues(uses);
        List<String> classes = r.dataset().classes();
        if (cm != null) {
            html.heading("Per class (test data)")
                    .table(MetricsTables.perClassHeader(), MetricsTables.perClass(cm, classes));
            html.heading("Confusion matrix (test data)")
                    .table(MetricsTables.confusionHeader(classes), MetricsTables.confusion(cm, classes));
        }
        RunReport report = RunReport.of(r);
        html.heading("Members")
                .paragraph(
                        regression == null
                                ? "Each member's own accuracy is that of the member alone; the ensemble's is"
                                        + " the weighted sum of their outputs (the result above)."
                                : "Each member's own RMSE is that of the member alone; the ensemble's is that"
                                        + " of the weighted average of their values (the result above).")
                .table(memberHeader(regression != null), memberRows(report.members(), r.metrics()));
        if (regression != null) {
            RealValues truth = (RealValues) p.test().targets();
            float[] combined =
                    truth.task().combine(r.ensemble().testLogits(), r.ensemble().weights());
            ResidualPlots.of(combined, truth).addTo(html, "test data");
        }
        List<Inspection.PruningEvent> pruning =
                PruningHistory.of(its.stream().map(PruningHistory.Step::of).toList());
        if (pruning.isEmpty()) {
            html.heading("Pruning").paragraph("No member left during the search.");
        } else {
            List<List<String>> events = new ArrayList<>();
            for (Inspection.PruningEvent e : pruning) {
                events.add(List.of(
                        Integer.toString(e.iteration()),
                        e.criterion(),
                        PruningHistory.removal(e),
                        PruningHistory.details(e)));
            }
            html.heading("Pruning")
                    .paragraph("Each pruning event, at the start of its iteration: who left and who stayed, and"
                            + " the criterion's numbers, where positions are shown as the member ids (#id) they index.")
                    .table(List.of("iteration", "criterion", "members", "the criterion's numbers"), events);
        }
        List<String> words = DetailGlossary.explain(detailNames(its));
        if (!words.isEmpty()) {
            html.paragraph("The criterion's numbers, word by word:").list(words);
        }
        html.heading("Plots")
                .image(
                        headline + " by iteration"
                                + (accuracyAxis == null ? "" : ComparisonCharts.caption(accuracyAxis)),
                        accuracy)
                .image("Ensemble size by iteration", size)
                .image("Diversity by iteration", diversity);
        List<List<String>> rows = new ArrayList<>();
        for (IterationRecord i : its) {
            rows.add(List.of(
                    Integer.toString(i.iteration()),
                    i.selected(),
                    Integer.toString(i.ensembleSize()),
                    ids(i.memberIds()),
                    ids(i.pruned()),
                    Decimals.of(i.selectionObjective(), 4),
                    Decimals.of(i.headline(), 4),
                    Decimals.of(diversity(i), 4)));
        }
        html.heading("Iterations")
                .paragraph("Iterations count from 0, as in report.json, iterations.csv and the log.")
                .table(
                        List.of(
                                "iteration",
                                "selected",
                                "size",
                                "members",
                                "pruned",
                                "objective",
                                headline.toLowerCase(Locale.ROOT),
                                regression == null ? "disagreement" : "ambiguity"),
                        rows);
        html.heading("Configuration").keyValues(configMap(r));
        AtomicFiles.writeString(dir.resolve("report.html"), html.render());
        // The report goes last: a run directory with a report.json is complete (resume skips it).
        report.write(dir.resolve(RunReport.FILE));
    }

    /** The iteration's diversity: disagreement, or a regression search's average ambiguity. */
    /**
     * One line by iteration, or one a bag for a bagged search (its bags' iterations each start again from 0).
     */
    private static List<Charts.Series> byBag(
            List<IterationRecord> its, String label, java.util.function.ToDoubleFunction<IterationRecord> value) {
        Map<Integer, List<IterationRecord>> bags = new java.util.LinkedHashMap<>();
        for (IterationRecord it : its) {
            bags.computeIfAbsent(it.bag() == null ? 0 : it.bag(), b -> new java.util.ArrayList<>())
                    .add(it);
        }
        List<Charts.Series> series = new java.util.ArrayList<>();
        bags.forEach((bag, part) -> series.add(new Charts.Series(
                bag == 0 ? label : label + ", bag " + bag,
                part.stream().mapToDouble(IterationRecord::iteration).toArray(),
                part.stream().mapToDouble(value).toArray(),
                null)));
        return series;
    }

    private static double diversity(IterationRecord i) {
        return i.regression() == null
                ? i.diversity().disagreement()
                : i.regression().averageAmbiguity();
    }

    private static String ids(List<Integer> ids) {
        return ids.stream().map(id -> "#" + id).collect(java.util.stream.Collectors.joining(" "));
    }

    /** The members table's columns: each member's own test accuracy and training accuracy, or test RMSE. */
    static List<String> memberHeader(boolean regression) {
        List<String> header = new ArrayList<>(
                List.of("id", "candidate", "joined at iteration", "architecture", "parameters", "mixture weight"));
        if (regression) {
            header.add("own test RMSE");
        } else {
            header.add("own test accuracy");
            header.add("own training accuracy");
        }
        return header;
    }

    /**
     * The members' rows: their own test and training accuracies, or a regression's own test RMSE, from the final
     * figures (blank in a run that has none).
     */
    static List<List<String>> memberRows(
            List<org.saepj.persistence.MemberRecord> members, org.saepj.search.FinalMetrics f) {
        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < members.size(); j++) {
            org.saepj.persistence.MemberRecord m = members.get(j);
            List<String> row = new ArrayList<>(List.of(
                    Integer.toString(m.id()),
                    m.name(),
                    Integer.toString(m.iteration()),
                    m.architecture().toString(),
                    Long.toString(m.parameters()),
                    Decimals.of(m.weight(), 4)));
            if (f.regression() != null) {
                row.add(own(f.memberTestRmse(), j));
            } else {
                row.add(own(f.memberTestAccuracies(), j));
                row.add(own(f.memberTrainAccuracies(), j));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String own(double[] accuracies, int j) {
        return accuracies == null || j >= accuracies.length ? "" : Decimals.of(accuracies[j], 4);
    }

    /** @return the names of every decision detail the run's criterion recorded */
    private static java.util.Set<String> detailNames(List<IterationRecord> its) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (IterationRecord i : its) {
            Object considered = i.pruneDecision().details().values().get("considered");
            if (!i.pruned().isEmpty() || !Boolean.FALSE.equals(considered)) {
                names.addAll(i.pruneDecision().details().values().keySet());
            }
        }
        return names;
    }

    static Map<String, String> configMap(SearchResult r) {
        Map<String, String> m = HtmlReport.map();
        ConfigRows.add(r.config(), m);
        m.put("dataset", r.dataset().source() + " (" + r.dataset().partition() + ")");
        m.put("dataset sha256", r.dataset().sha256());
        m.put("version", r.provenance().version() + " (commit " + r.provenance().gitCommit() + ")");
        m.put(
                "engine",
                r.provenance().engine() + ", " + r.provenance().executor() + ", Java "
                        + r.provenance().java());
        return m;
    }

    private static Map<String, String> calibrationRows(org.saepj.ensemble.CalibrationReport c) {
        Map<String, String> rows = HtmlReport.map();
        rows.put("ECE (" + org.saepj.ensemble.Calibration.BINS + " bins)", Decimals.of(c.ece(), 4));
        rows.put("NLL", Decimals.of(c.nll(), 4));
        rows.put("Brier score", Decimals.of(c.brier(), 4));
        if (c.temperature() != null) {
            rows.put("temperature", Decimals.of(c.temperature(), 4));
            rows.put("ECE after scaling", Decimals.of(c.eceScaled(), 4));
            rows.put("NLL after scaling", Decimals.of(c.nllScaled(), 4));
            rows.put("Brier score after scaling", Decimals.of(c.brierScaled(), 4));
        }
        rows.put("temperature scaling", c.note());
        return rows;
    }
}
