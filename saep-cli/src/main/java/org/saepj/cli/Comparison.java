package org.saepj.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.saepj.data.SourceData;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.execution.LocalExecutor;
import org.saepj.persistence.AtomicFiles;
import org.saepj.pruning.Criteria;
import org.saepj.search.Experiment;
import org.saepj.search.Mixture;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchResult;
import org.saepj.search.SearchState;

/**
 * Runs the paper's comparison: every method × mixture × seed (or fold) on the same data, then writes
 * {@code comparison.json}, {@code comparison.csv}, plots and {@code report.html}, and prints the table.
 * {@code single} is a baseline: one subnetwork trained for the whole step budget (a one-iteration search).
 */
final class Comparison {
    /** The baseline's name among the methods. */
    static final String SINGLE = "single";

    /**
     * What to compare.
     *
     * @param base the shared settings (its method, mixture and seed are replaced per run)
     * @param methods adanet, prs, pap, pie and/or single
     * @param mixtures uniform and/or learned
     * @param seeds the seeds (one run each), used when folds is 0
     * @param folds K folds (one run per fold, with the first seed), or 0
     * @param criterionParameters criterion parameters by name, each given to the methods that take it
     */
    record Plan(SearchConfig base, List<String> methods, List<Mixture> mixtures, List<Long> seeds, int folds,
                Map<String, Double> criterionParameters) {
        Plan {
            criterionParameters = criterionParameters == null ? Map.of() : Map.copyOf(criterionParameters);
        }

        /** The file that stores a comparison's plan for {@code --resume}. */
        static final String FILE = "compare.json";

        int runs() {
            int groups = 0;
            for (String m : methods) {
                groups += m.equals(SINGLE) ? 1 : mixtures.size();
            }
            return groups * (folds > 0 ? folds : seeds.size());
        }
    }

    private Comparison() {
    }

    static List<ComparisonRun> run(Plan plan, SourceData data, Path dir, PrintWriter out, PrintWriter err, boolean quiet,
                                   boolean resume) {
        Kernels kernels = KernelsProvider.best();
        List<ComparisonRun> runs = new ArrayList<>();
        int total = plan.runs();
        try (LocalExecutor executor = new LocalExecutor(plan.base().threads(), kernels);
             InterruptGuard interrupts = new InterruptGuard(new PrintWriter(System.err, true), dir, "compare")) {
            for (String method : plan.methods()) {
                List<Mixture> mixtures = method.equals(SINGLE) ? List.of(Mixture.UNIFORM) : plan.mixtures();
                for (Mixture mixture : mixtures) {
                    List<Long> seeds = plan.folds() > 0 ? List.of(plan.seeds().get(0)) : plan.seeds();
                    for (long seed : seeds) {
                        SearchConfig config = configFor(plan, method, mixture, seed);
                        List<Partitions> parts = Partitions.prepare(config, data);
                        for (int k = 0; k < parts.size(); k++) {
                            String mixtureName = method.equals(SINGLE) ? "-" : mixture.id();
                            String name = method + "-" + (method.equals(SINGLE) ? "single" : mixture.id())
                                    + (plan.folds() > 0 ? "-fold" + (k + 1) : "-seed" + seed);
                            Path runDir = OutputDirectory.subdirectory(dir.resolve("runs").resolve(name));
                            int fold = plan.folds() > 0 ? k + 1 : 0;
                            ComparisonRun run;
                            String how;
                            Path report = runDir.resolve("report.json");
                            if (resume && Files.isRegularFile(report)) {
                                run = ComparisonRun.fromReport(method, mixtureName, seed, fold, "runs/" + name, report);
                                Stale.deleteCheckpoint(runDir); // a kill between the report and the checkpoint's removal left it
                                how = " (already complete)";
                            } else {
                                CheckpointedRun searchRun = CheckpointedRun.open(runDir, resume, interrupts, kernels, data.sha256());
                                SearchState state = searchRun.resumedFrom();
                                SearchResult r;
                                try (ProgressReporter progress = new ProgressReporter(out, err, System.console() != null, true,
                                        runDir.resolve("search.log"), "", name + ": ")) {
                                    progress.log((state == null ? "config " : "resumed, config ") + config);
                                    r = searchRun.complete(config, parts.get(k), Experiment.info(config, data, parts.get(k)), executor,
                                            kernels, progress, plan.folds() > 0 ? k : -1);
                                }
                                run = ComparisonRun.of(method, mixtureName, seed, fold, "runs/" + name, r);
                                how = state == null ? "" : " (resumed)";
                            }
                            runs.add(run);
                            if (!quiet) {
                                out.printf("[%d/%d] %-16s %s: test accuracy %.4f, %d members, %.1f s%s%n", runs.size(), total,
                                        run.group(), plan.folds() > 0 ? "fold " + (k + 1) : "seed " + seed, run.testAccuracy(),
                                        run.ensembleSize(), run.totalSeconds(), how);
                            }
                        }
                    }
                }
            }
        }
        write(plan, data, runs, dir);
        return runs;
    }

    static SearchConfig configFor(Plan plan, String method, Mixture mixture, long seed) {
        SearchConfig base = plan.base();
        SearchConfig.Builder b = base.toBuilder().seed(seed).folds(plan.folds()).mixture(mixture);
        if (method.equals(SINGLE)) {
            // One subnetwork for the whole budget: a one-iteration search with the budget of all iterations.
            return b.method("adanet").iterations(1).totalSteps(base.stepsPerIteration() * base.iterations()).build();
        }
        try {
            return b.criterion(Criteria.discover().resolveOwn(method, plan.criterionParameters())).build();
        } catch (IllegalArgumentException e) {
            // A stored comparison whose plug-in criterion is not on the class path any more, or was edited.
            throw new org.saepj.SaepException("the comparison's method " + method + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** A summary row: one method and mixture over its seeds or folds. */
    record Summary(String group, String method, String mixture, int runs, double accuracyMean, double accuracyStd,
                   double sizeMean, double sizeStd, double parametersMean, double secondsMean) {
    }

    static List<Summary> summarise(List<ComparisonRun> runs) {
        List<Summary> rows = new ArrayList<>();
        for (String g : ComparisonRun.groups(runs)) {
            List<ComparisonRun> in = runs.stream().filter(r -> r.group().equals(g)).toList();
            double[] acc = in.stream().mapToDouble(r -> r.testAccuracy()).toArray();
            double[] size = in.stream().mapToDouble(r -> r.ensembleSize()).toArray();
            double[] params = in.stream().mapToDouble(r -> r.parameters()).toArray();
            double[] secs = in.stream().mapToDouble(r -> r.totalSeconds()).toArray();
            rows.add(new Summary(g, in.get(0).method(), in.get(0).mixture(), in.size(), Stats.mean(acc), Stats.std(acc),
                    Stats.mean(size), Stats.std(size), Stats.mean(params), Stats.mean(secs)));
        }
        return rows;
    }

    static void write(Plan plan, SourceData data, List<ComparisonRun> runs, Path dir) {
        List<Summary> summary = summarise(runs);
        ObjectNode root = Json.object();
        root.put("schemaVersion", SearchReport.SCHEMA_VERSION);
        ObjectNode config = SearchReport.config(plan.base());
        config.remove(List.of("method", "criterionParameters", "mixture", "seed"));
        ArrayNode methods = config.putArray("methods");
        plan.methods().forEach(methods::add);
        ArrayNode mixtures = config.putArray("mixtures");
        plan.mixtures().forEach(m -> mixtures.add(m.id()));
        ArrayNode seeds = config.putArray("seeds");
        plan.seeds().forEach(seeds::add);
        ObjectNode parameters = config.putObject("criterionParameters");
        new java.util.TreeMap<>(plan.criterionParameters()).forEach((k, v) -> Json.put(parameters, k, v));
        root.set("config", config);
        ObjectNode ds = root.putObject("dataset");
        ds.put("name", data.name());
        ds.put("source", data.source());
        ds.put("sha256", data.sha256());
        ArrayNode runArray = root.putArray("runs");
        for (ComparisonRun r : runs) {
            ObjectNode n = runArray.addObject();
            n.put("method", r.method());
            n.put("mixture", r.mixture());
            n.put("seed", r.seed());
            n.put("fold", r.fold());
            n.put("directory", r.directory());
            Json.put(n, "testAccuracy", r.testAccuracy());
            n.put("ensembleSize", r.ensembleSize());
            n.put("parameters", r.parameters());
            Json.put(n, "totalSeconds", r.totalSeconds());
            Json.put(n, "trainSeconds", r.trainSeconds());
        }
        ArrayNode sum = root.putArray("summary");
        for (Summary s : summary) {
            ObjectNode n = sum.addObject();
            n.put("method", s.method());
            n.put("mixture", s.mixture());
            n.put("runs", s.runs());
            Json.put(n, "accuracyMean", s.accuracyMean());
            Json.put(n, "accuracyStd", s.accuracyStd());
            Json.put(n, "ensembleSizeMean", s.sizeMean());
            Json.put(n, "ensembleSizeStd", s.sizeStd());
            Json.put(n, "parametersMean", s.parametersMean());
            Json.put(n, "secondsMean", s.secondsMean());
        }
        SearchReport.writeJson(dir.resolve("comparison.json"), root);
        AtomicFiles.write(dir.resolve("comparison.csv"), out -> {
            try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180.builder()
                    .setHeader("method", "mixture", "seed", "fold", "test_accuracy", "ensemble_size", "parameters", "total_seconds",
                            "directory").get())) {
                for (ComparisonRun r : runs) {
                    csv.printRecord(r.method(), r.mixture(), r.seed(), r.fold(), r.testAccuracy(),
                            r.ensembleSize(), r.parameters(),
                            String.format("%.3f", r.totalSeconds()), r.directory());
                }
            }
        });
        ComparisonCharts charts = ComparisonCharts.of(runs);
        AtomicFiles.write(dir.resolve("accuracy.png"), out -> out.write(charts.accuracy()));
        AtomicFiles.write(dir.resolve("ensemble-size.png"), out -> out.write(charts.size()));
        AtomicFiles.write(dir.resolve("diversity.png"), out -> out.write(charts.diversity()));
        AtomicFiles.write(dir.resolve("accuracy-vs-size.png"), out -> out.write(charts.scatter()));

        HtmlReport html = new HtmlReport("SAEP-J comparison: " + data.name());
        html.paragraph("AdaNet against SAEP's pruning criteria on " + data.source() + ": " + runs.size() + " runs ("
                + (plan.folds() > 0 ? plan.folds() + " folds" : "seeds " + plan.seeds()) + ").");
        html.heading("Summary").table(List.of("method", "mixture", "runs", "accuracy mean", "accuracy std", "size mean", "size std",
                "parameters", "seconds"), summary.stream().map(s -> List.of(s.method(), s.mixture(), Integer.toString(s.runs()),
                String.format("%.4f", s.accuracyMean()), String.format("%.4f", s.accuracyStd()), String.format("%.2f", s.sizeMean()),
                String.format("%.2f", s.sizeStd()), String.format("%.0f", s.parametersMean()), String.format("%.1f", s.secondsMean())))
                .toList());
        html.heading("Plots").image("Test accuracy by iteration (mean ± std over runs)", charts.accuracy())
                .image("Ensemble size by iteration (mean ± std over runs)", charts.size())
                .image("Diversity (disagreement) by iteration (mean ± std over runs)", charts.diversity())
                .image("Final test accuracy against ensemble size, one point per run", charts.scatter());
        Map<String, String> cfg = HtmlReport.map();
        config.fields().forEachRemaining(e -> cfg.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        cfg.put("dataset", data.source());
        cfg.put("dataset sha256", data.sha256());
        if (!runs.isEmpty()) {
            var p = runs.get(0).provenance();
            cfg.put("version", p.version() + " (commit " + p.gitCommit() + ")");
            cfg.put("engine", p.engine() + ", " + p.executor() + ", Java " + p.java());
        }
        html.heading("Configuration").keyValues(cfg);
        html.heading("Runs").table(List.of("method", "mixture", "seed/fold", "accuracy", "size", "parameters", "seconds", "directory"),
                runs.stream().map(r -> List.of(r.method(), r.mixture(), r.fold() > 0 ? "fold " + r.fold() : "seed " + r.seed(),
                        String.format("%.4f", r.testAccuracy()), Integer.toString(r.ensembleSize()),
                        Long.toString(r.parameters()), String.format("%.1f", r.totalSeconds()),
                        r.directory())).toList());
        AtomicFiles.writeString(dir.resolve("report.html"), html.render());
    }

    static void printTable(PrintWriter out, List<ComparisonRun> runs) {
        out.printf("%-18s %5s %16s %14s %11s %8s%n", "method/mixture", "runs", "test accuracy", "ensemble size", "parameters", "seconds");
        for (Summary s : summarise(runs)) {
            out.printf("%-18s %5d %8.4f ± %.4f %6.2f ± %5.2f %11.0f %8.1f%n", s.group(), s.runs(), s.accuracyMean(), s.accuracyStd(),
                    s.sizeMean(), s.sizeStd(), s.parametersMean(), s.secondsMean());
        }
    }
}
