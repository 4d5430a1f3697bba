package org.saepj.run;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.saepj.data.SourceData;
import org.saepj.persistence.AtomicFiles;
import org.saepj.persistence.JsonFormat;
import org.saepj.pruning.Criteria;
import org.saepj.search.CriterionTaskCheck;
import org.saepj.search.Mixture;
import org.saepj.search.SearchConfig;

/**
 * Runs a {@link ComparisonPlan}: every method × mixture × seed (or fold) on the same data, each run in its own
 * {@link RunDirectory} under {@code runs/}, then writes {@code comparison.json}, {@code comparison.csv}, plots
 * and {@code report.html}. Finished runs of a resumed comparison are read back; interrupted ones continue from
 * their checkpoints. The same for {@code saep compare} and API users:
 *
 * <pre>{@code
 * List<ComparisonRun> runs = Comparison.run(plan, data, Path.of("cmp"), false, guard -> { }, ComparisonListener.NONE);
 * }</pre>
 */
public final class Comparison {
    /** The finished comparison's results: its presence tells a finished comparison from an interrupted one. */
    public static final String FILE = "comparison.json";

    private Comparison() {}

    /**
     * @param plan what to compare
     * @param data the loaded data
     * @param dir the comparison's directory (already created and locked by the caller)
     * @param resume whether to read finished runs back and continue interrupted ones
     * @param checkpointWrites given each run's checkpoint lock, so an interrupt handler can let a write finish
     * @param listener progress events
     * @return the runs, in plan order
     */
    public static List<ComparisonRun> run(
            ComparisonPlan plan,
            SourceData data,
            Path dir,
            boolean resume,
            Consumer<ReentrantLock> checkpointWrites,
            ComparisonListener listener) {
        return run(plan, data, dir, resume, checkpointWrites, listener, new LocalGridExecutor());
    }

    /**
     * {@link #run(ComparisonPlan, SourceData, Path, boolean, Consumer, ComparisonListener)} with the grid's searches
     * run by {@code executor} (on a cluster, say); the comparison's files are written here either way.
     *
     * @param plan what to compare
     * @param data the loaded data
     * @param dir the comparison's directory (already created and locked by the caller)
     * @param resume whether to read finished runs back and continue interrupted ones
     * @param checkpointWrites given each run's checkpoint lock, so an interrupt handler can let a write finish
     * @param listener hears each run start and finish
     * @param executor runs the grid
     * @return the runs, in plan order
     */
    public static List<ComparisonRun> run(
            ComparisonPlan plan,
            SourceData data,
            Path dir,
            boolean resume,
            Consumer<ReentrantLock> checkpointWrites,
            ComparisonListener listener,
            GridExecutor executor) {
        List<GridRun> grid = grid(plan);
        checkTask(grid, data);
        List<ComparisonRun> runs = executor.run(grid, data, dir, resume, checkpointWrites, listener);
        write(plan, data, runs, dir);
        return runs;
    }

    /**
     * @param plan what to compare
     * @return its runs in plan order: method × mixture × seed × fold, each with its whole configuration
     */
    public static List<GridRun> grid(ComparisonPlan plan) {
        Criteria criteria = Criteria.discover();
        List<GridRun> grid = new ArrayList<>();
        for (ComparedMethod method : plan.methods()) {
            for (Mixture mixture : method.mixtures(plan.mixtures())) {
                for (long seed : plan.runSeeds()) {
                    SearchConfig config = method.configure(
                            plan.base(), mixture, seed, plan.folds(), plan.criterionParameters(), criteria);
                    int folds = Math.max(1, plan.folds());
                    for (int k = 0; k < folds; k++) {
                        String name = method.id() + "-"
                                + (method.isBaseline() && !method.isDeepEnsemble() ? "single" : mixture.id())
                                + (plan.folds() > 0 ? "-fold" + (k + 1) : "-seed" + seed);
                        grid.add(new GridRun(
                                grid.size(),
                                name,
                                method,
                                method.mixtureLabel(mixture),
                                seed,
                                plan.folds() > 0 ? k + 1 : 0,
                                config));
                    }
                }
            }
        }
        return grid;
    }

    /**
     * Refuses, before any run trains, a compared criterion that cannot decide for the data's task (one judging by
     * predicted classes in a regression comparison), naming the criteria that apply.
     *
     * @param grid the comparison's runs
     * @param data the loaded data
     */
    private static void checkTask(List<GridRun> grid, SourceData data) {
        Criteria criteria = Criteria.discover();
        for (GridRun run : grid) {
            CriterionTaskCheck.check(
                    criteria.create(run.config().criterion()),
                    data.train().targets().task(),
                    criteria);
        }
    }

    /**
     * Checks before any run that every method can be configured
     * (its criterion on the class path, its parameters valid).
     *
     * @param plan the plan
     * @throws org.saepj.SaepException naming the method that cannot be used
     */
    public static void check(ComparisonPlan plan) {
        Criteria criteria = Criteria.discover();
        for (ComparedMethod method : plan.methods()) {
            method.configure(
                    plan.base(),
                    plan.mixtures().get(0),
                    plan.seeds().get(0),
                    plan.folds(),
                    plan.criterionParameters(),
                    criteria);
        }
    }

    /**
     * A summary row: one method and mixture over its seeds or folds.
     *
     * @param group method/mixture
     * @param method the method's id
     * @param mixture the mixture as reported
     * @param runs how many runs
     * @param score the metric compared: the task's headline (accuracy, RMSE)
     * @param scoreMean its mean on the test data (written as {@code accuracyMean}, {@code rmseMean}, …)
     * @param scoreStd its sample standard deviation (written as {@code accuracyStd}, {@code rmseStd}, …)
     * @param ensembleSizeMean mean members
     * @param ensembleSizeStd its sample standard deviation
     * @param parametersMean mean parameters
     * @param secondsMean mean wall time
     * @param depthMean the final members' mean depth, averaged over the runs
     * @param depthMax the greatest depth of a final member in any run
     * @param diversityMean the final ensembles' mean pairwise disagreement on the test data, averaged over the runs
     * @param eceMean the final ensembles' expected calibration error on the test data, averaged (NaN when unmeasured)
     * @param nllMean their negative log-likelihood on the test data, averaged (NaN when unmeasured)
     * @param eceScaledMean their ECE after temperature scaling, averaged: a run that fitted no temperature counts
     *     with its ECE as saved, unscaled ({@link #eceAsSavedMean}); NaN when no run fitted one
     */
    public record Summary(
            @JsonIgnore String group,
            String method,
            String mixture,
            int runs,
            @JsonIgnore Score score,
            @JsonIgnore double scoreMean,
            @JsonIgnore double scoreStd,
            double ensembleSizeMean,
            double ensembleSizeStd,
            double parametersMean,
            double secondsMean,
            double depthMean,
            int depthMax,
            double diversityMean,
            double eceMean,
            double nllMean,
            double eceScaledMean) {
        /**
         * The metric's figures under names that say which metric it is, so a reader of comparison.json never takes an
         * RMSE for an accuracy: {@code accuracyMean}/{@code accuracyStd} as before tasks, {@code rmseMean}/…
         *
         * @return the mean and standard deviation by name
         */
        @JsonAnyGetter
        public Map<String, Double> scoreFields() {
            String name = score.metric().toLowerCase(Locale.ROOT); // accuracyMean as before tasks, rmseMean
            Map<String, Double> fields = new java.util.LinkedHashMap<>();
            fields.put(name + "Mean", scoreMean);
            fields.put(name + "Std", scoreStd);
            return fields;
        }
    }

    /**
     * @param runs finished runs of one comparison (one dataset, so one task)
     * @return the metric they are compared by; accuracy when there are none
     */
    public static Score score(List<ComparisonRun> runs) {
        return runs.isEmpty() ? Score.ACCURACY : runs.get(0).figures().score();
    }

    /**
     * The content of comparison.json (schema 3): the plan in the form compare.json stores it, the data, each run
     * and the summary rows.
     *
     * @param schemaVersion {@link RunReport#SCHEMA_VERSION}
     * @param plan what was compared
     * @param dataset the data's name, source and fingerprint
     * @param runs every run
     * @param summary one row per method and mixture
     */
    public record Report(
            int schemaVersion,
            ComparisonPlan plan,
            DatasetEntry dataset,
            List<ComparisonRun> runs,
            List<Summary> summary) {}

    /**
     * @param name the data's name
     * @param source its source
     * @param sha256 its fingerprint
     */
    public record DatasetEntry(String name, String source, String sha256) {}

    /**
     * @param runs finished runs
     * @return one row per method and mixture, in the runs' order
     */
    public static List<Summary> summarise(List<ComparisonRun> runs) {
        List<Summary> rows = new ArrayList<>();
        for (String g : ComparisonRun.groups(runs)) {
            List<ComparisonRun> in =
                    runs.stream().filter(r -> r.group().equals(g)).toList();
            double[] acc = in.stream().mapToDouble(r -> r.figures().testScore()).toArray();
            double[] size = in.stream().mapToDouble(r -> r.ensembleSize()).toArray();
            double[] params = in.stream().mapToDouble(r -> r.parameters()).toArray();
            double[] secs = in.stream().mapToDouble(r -> r.totalSeconds()).toArray();
            rows.add(new Summary(
                    g,
                    in.get(0).method().id(),
                    in.get(0).mixture(),
                    in.size(),
                    in.get(0).figures().score(),
                    Stats.mean(acc),
                    Stats.std(acc),
                    Stats.mean(size),
                    Stats.std(size),
                    Stats.mean(params),
                    Stats.mean(secs),
                    Stats.mean(in.stream().mapToDouble(ComparisonRun::meanDepth).toArray()),
                    in.stream().mapToInt(ComparisonRun::maxDepth).max().orElse(0),
                    Stats.mean(in.stream().mapToDouble(ComparisonRun::diversity).toArray()),
                    Stats.mean(in.stream().mapToDouble(ComparisonRun::ece).toArray()),
                    Stats.mean(in.stream().mapToDouble(ComparisonRun::nll).toArray()),
                    eceAsSavedMean(in)));
        }
        return rows;
    }

    /**
     * The ECE (T) of a summary row: the mean over the runs of the ECE of the probabilities each saved ensemble gives,
     * after its temperature where one was fitted and as it is where the validation part could not fit one (no
     * sample near a wrong class). Averaging only the runs that fitted one would compare different runs with the ECE
     * column; leaving such a row out (NaN, as a plain mean does) emptied the column on small tables, where a seed
     * without a temperature is common.
     *
     * @param runs one method's runs
     * @return the mean, NaN when no run fitted a temperature (the paper's preset, {@code --temperature off})
     */
    static double eceAsSavedMean(List<ComparisonRun> runs) {
        if (runs.stream().allMatch(r -> Double.isNaN(r.eceScaled()))) {
            return Double.NaN;
        }
        return Stats.mean(runs.stream()
                .mapToDouble(r -> Double.isNaN(r.eceScaled()) ? r.ece() : r.eceScaled())
                .toArray());
    }

    static void write(ComparisonPlan plan, SourceData data, List<ComparisonRun> runs, Path dir) {
        List<Summary> summary = summarise(runs);
        Report report = new Report(
                RunReport.SCHEMA_VERSION,
                plan,
                new DatasetEntry(data.name(), data.source(), data.sha256()),
                runs,
                summary);
        JsonFormat.write(dir.resolve(FILE), report, "the comparison");
        Score score = score(runs);
        String column = score.label();
        AtomicFiles.write(dir.resolve("comparison.csv"), out -> {
            try (CSVPrinter csv = new CSVPrinter(
                    new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader(
                                    "method",
                                    "mixture",
                                    "seed",
                                    "fold",
                                    column.replace(' ', '_').toLowerCase(Locale.ROOT),
                                    "ensemble_size",
                                    "parameters",
                                    "total_seconds",
                                    "directory",
                                    "mean_depth",
                                    "max_depth",
                                    "diversity",
                                    "ece",
                                    "nll",
                                    "ece_scaled")
                            .get())) {
                for (ComparisonRun r : runs) {
                    csv.printRecord(
                            r.method().id(),
                            r.mixture(),
                            r.seed(),
                            r.fold(),
                            r.figures().testScore(),
                            r.ensembleSize(),
                            r.parameters(),
                            Decimals.of(r.totalSeconds(), 3),
                            r.directory(),
                            Decimals.of(r.meanDepth(), 3),
                            r.maxDepth(),
                            Decimals.of(r.diversity(), 4),
                            Decimals.of(r.ece(), 4),
                            Decimals.of(r.nll(), 4),
                            Decimals.of(r.eceScaled(), 4));
                }
            }
        });
        ComparisonCharts charts = ComparisonCharts.of(runs);
        AtomicFiles.write(dir.resolve("accuracy.png"), out -> out.write(charts.accuracy()));
        AtomicFiles.write(dir.resolve("ensemble-size.png"), out -> out.write(charts.size()));
        AtomicFiles.write(dir.resolve("diversity.png"), out -> out.write(charts.diversity()));
        AtomicFiles.write(dir.resolve("accuracy-vs-size.png"), out -> out.write(charts.scatter()));
        AtomicFiles.write(dir.resolve("depth.png"), out -> out.write(charts.depth()));
        AtomicFiles.write(dir.resolve("pareto.png"), out -> out.write(charts.pareto()));

        HtmlReport html = new HtmlReport("SAEP-J comparison: " + data.name());
        html.paragraph("Methods " + plan.methods() + " on " + data.source() + ": " + runs.size() + " runs ("
                + (plan.folds() > 0 ? plan.folds() + " folds" : "seeds " + plan.seeds()) + ").");
        html.heading("Summary")
                .table(
                        List.of(
                                "method",
                                "mixture",
                                "runs",
                                score.metric() + " mean",
                                score.metric() + " std",
                                "size mean",
                                "size std",
                                "parameters",
                                "seconds",
                                "depth mean",
                                "depth max",
                                "diversity",
                                "ECE",
                                "NLL",
                                "ECE (T)"),
                        summary.stream()
                                .map(s -> List.of(
                                        s.method(),
                                        s.mixture(),
                                        Integer.toString(s.runs()),
                                        Decimals.of(s.scoreMean(), 4),
                                        Decimals.of(s.scoreStd(), 4),
                                        Decimals.of(s.ensembleSizeMean(), 2),
                                        Decimals.of(s.ensembleSizeStd(), 2),
                                        Decimals.of(s.parametersMean(), 0),
                                        Decimals.of(s.secondsMean(), 1),
                                        Decimals.of(s.depthMean(), 2),
                                        Integer.toString(s.depthMax()),
                                        Decimals.of(s.diversityMean(), 4),
                                        Decimals.of(s.eceMean(), 4),
                                        Decimals.of(s.nllMean(), 4),
                                        Decimals.of(s.eceScaledMean(), 4)))
                                .toList());
        html.heading("Best per metric")
                .table(
                        List.of("metric", "best", "value", "compared"),
                        BestPerMetric.of(summary).stream()
                                .map(b -> List.of(
                                        b.metric(),
                                        String.join(", ", b.groups()),
                                        b.value(),
                                        b.note().isEmpty() ? "all" : b.note()))
                                .toList());
        html.heading("Plots")
                .image(
                        "Test " + score.metric() + " by iteration (mean ± std over runs"
                                + ComparisonCharts.caption(charts.accuracyAxis()) + ")",
                        charts.accuracy())
                .image("Ensemble size by iteration (mean ± std over runs)", charts.size())
                .image("Diversity (disagreement) by iteration (mean ± std over runs)", charts.diversity())
                .image("Members' mean depth by iteration (mean ± std over runs)", charts.depth())
                .image(
                        "Final " + column + " against ensemble size, one point per run"
                                + ComparisonCharts.caption(charts.scatterAxis()),
                        charts.scatter())
                .image(
                        "Mean " + score.metric() + " against mean size per method, the Pareto front joined"
                                + ComparisonCharts.caption(charts.paretoAxis()),
                        charts.pareto());
        Map<String, String> cfg = HtmlReport.map();
        ConfigRows.add(plan.base(), cfg);
        cfg.put("methods", plan.methods().toString());
        cfg.put("mixtures", plan.mixtures().stream().map(Mixture::id).toList().toString());
        cfg.put("seeds", plan.seeds().toString());
        cfg.put("criterion parameters", new java.util.TreeMap<>(plan.criterionParameters()).toString());
        cfg.put("dataset", data.source());
        cfg.put("dataset sha256", data.sha256());
        if (!runs.isEmpty()) {
            var p = runs.get(0).figures().provenance();
            cfg.put("version", p.version() + " (commit " + p.gitCommit() + ")");
            cfg.put("engine", p.engine() + ", " + p.executor() + ", Java " + p.java());
        }
        html.heading("Configuration").keyValues(cfg);
        html.heading("Runs")
                .table(
                        List.of(
                                "method",
                                "mixture",
                                "seed/fold",
                                score.metric(),
                                "size",
                                "parameters",
                                "seconds",
                                "ECE",
                                "NLL",
                                "directory"),
                        runs.stream()
                                .map(r -> List.<Object>of(
                                        r.method().id(),
                                        r.mixture(),
                                        r.fold() > 0 ? "fold " + r.fold() : "seed " + r.seed(),
                                        Decimals.of(r.figures().testScore(), 4),
                                        Integer.toString(r.ensembleSize()),
                                        Long.toString(r.parameters()),
                                        Decimals.of(r.totalSeconds(), 1),
                                        Decimals.of(r.ece(), 4),
                                        Decimals.of(r.nll(), 4),
                                        new HtmlReport.Link(r.directory(), r.directory() + "/report.html")))
                                .toList());
        AtomicFiles.writeString(dir.resolve("report.html"), html.render());
    }

    /**
     * Prints the summary table a person reads at the end of a comparison.
     *
     * @param out where
     * @param runs the runs
     */
    public static void printTable(PrintWriter out, List<ComparisonRun> runs) {
        // 18 columns for the names as they were; a longer one (deep-ensemble/uniform) widens the column
        int width = Math.max(
                18,
                ComparisonRun.groups(runs).stream()
                        .mapToInt(String::length)
                        .max()
                        .orElse(0));
        out.printf(
                Locale.ROOT,
                "%-" + width + "s %5s %16s %14s %11s %8s %6s %4s %7s %7s %7s%n",
                "method/mixture",
                "runs",
                score(runs).label(),
                "ensemble size",
                "parameters",
                "seconds",
                "depth",
                "max",
                "ECE",
                "NLL",
                "ECE (T)");
        for (Summary s : summarise(runs)) {
            out.printf(
                    Locale.ROOT,
                    "%-" + width + "s %5d %8.4f ± %.4f %6.2f ± %5.2f %11.0f %8.1f %6.2f %4d %7s %7s %7s%n",
                    s.group(),
                    s.runs(),
                    s.scoreMean(),
                    s.scoreStd(),
                    s.ensembleSizeMean(),
                    s.ensembleSizeStd(),
                    s.parametersMean(),
                    s.secondsMean(),
                    s.depthMean(),
                    s.depthMax(),
                    cell(s.eceMean()),
                    cell(s.nllMean()),
                    cell(s.eceScaledMean()));
        }
    }

    /**
     * @param figure a summary's calibration figure, NaN where no run measured it (a regression's ECE, a temperature
     *     the paper's preset never fits)
     * @return the figure to four places, or a dash where it was not measured
     */
    static String cell(double figure) {
        return Double.isNaN(figure) ? "–" : String.format(Locale.ROOT, "%.4f", figure);
    }

    /**
     * Prints the line under the table of a comparison at a time budget: every run planned within the same time, and
     * the longest run's time, so the table shows the budget was kept.
     *
     * @param out where
     * @param runs the runs
     * @param maxSeconds each run's time budget
     */
    public static void printBudget(PrintWriter out, List<ComparisonRun> runs, double maxSeconds) {
        ComparisonRun longest = runs.stream()
                .max(java.util.Comparator.comparingDouble(r -> r.figures().totalSeconds()))
                .orElse(null);
        if (longest == null) {
            return;
        }
        out.printf(
                Locale.ROOT,
                "every run planned within the same %.0f s (--max-time; a deep ensemble's members share it):"
                        + " the longest took %.1f s (%s seed %d)%n",
                maxSeconds,
                longest.figures().totalSeconds(),
                longest.group(),
                longest.seed());
    }
}
