package org.saepj.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.saepj.cli.data.DataOptions;
import org.saepj.cli.data.TableLines;
import org.saepj.cli.display.BudgetWarning;
import org.saepj.cli.display.EngineWarning;
import org.saepj.cli.display.FinalMembers;
import org.saepj.cli.display.ProgressReporter;
import org.saepj.cli.option.BackendOption;
import org.saepj.cli.option.CriterionIds;
import org.saepj.cli.option.RunOptions;
import org.saepj.cli.option.SearchOptions;
import org.saepj.cli.option.SparkOptions;
import org.saepj.cli.output.InterruptGuard;
import org.saepj.cli.output.Invocation;
import org.saepj.cli.output.OutputDirectory;
import org.saepj.cli.output.Preflight;
import org.saepj.data.SourceData;
import org.saepj.data.source.DataSources;
import org.saepj.data.source.TestSets;
import org.saepj.engine.Backend;
import org.saepj.execution.CandidateExecutor;
import org.saepj.execution.EngineWarmup;
import org.saepj.execution.LocalExecutor;
import org.saepj.pruning.Criteria;
import org.saepj.run.ComparisonListener;
import org.saepj.run.ComparisonRun;
import org.saepj.run.FoldsReport;
import org.saepj.run.GridExecutor;
import org.saepj.run.GridRun;
import org.saepj.run.RunDirectory;
import org.saepj.run.RunReport;
import org.saepj.run.RunSummary;
import org.saepj.search.DefaultBags;
import org.saepj.search.DefaultSpace;
import org.saepj.search.Experiment;
import org.saepj.search.Partitions;
import org.saepj.search.PartitionsRecipe;
import org.saepj.search.Preset;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchResult;
import org.saepj.search.SearchState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code saep search}: one AdaNet/SAEP search (or one per fold), with its report, log and saved ensemble. */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = "Run an AdaNet search with optional SAEP pruning and save the ensemble and reports.")
public final class SearchCommand implements Runnable {
    @Option(
            names = "--method",
            paramLabel = "ID",
            defaultValue = "adanet",
            completionCandidates = CriterionIds.class,
            description = "adanet (keep every member) or a pruning criterion: ${COMPLETION-CANDIDATES} (default:"
                    + " ${DEFAULT-VALUE}).")
    String method;

    @Option(
            names = "--mixture",
            paramLabel = "uniform|learned",
            defaultValue = "uniform",
            description = "Mixture weights (default: ${DEFAULT-VALUE}).")
    String mixture;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--folds",
            paramLabel = "K",
            defaultValue = "0",
            description = "Stratified K-fold cross-validation over train ∪ test (default: none).")
    int folds;

    @Mixin
    RunOptions run;

    @Mixin
    SearchOptions search;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    SparkOptions spark;

    @Mixin
    BackendOption backendOption;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spark.check();
        backendOption.backend(spark.enabled()); // a wrong name fails before anything is written
        PrintWriter stdout = spec.commandLine().getOut();
        if (run.resuming()) {
            try (OutputDirectory output =
                    run.resumed(Invocation.FILE, spec.commandLine().getParseResult())) {
                Invocation inv = Invocation.load(output.path());
                run.restore(inv, dataOptions);
                searchIn(output.path(), null, stdout, inv, inv.config());
            }
            return;
        }
        // Nothing on disk changes until the options, the data and the space have passed every check.
        OutputDirectory.Claim claim = run.claim();
        SearchConfig config = search.toConfig(
                DataSources.absolute(run.data),
                search.criterion(method, "--method", Criteria.discover()),
                mixture,
                seed,
                folds);
        searchIn(claim.dir(), claim, stdout, null, config);
    }

    /** A search, fresh (a claim on its directory, opened once everything is checked) or resumed (no claim). */
    private void searchIn(
            Path dir, OutputDirectory.Claim claim, PrintWriter stdout, Invocation inv, SearchConfig config) {
        Backend backend = backendOption.backend(spark.enabled());
        if (!spark.enabled() && !backendOption.given()) { // with --spark the executors train, in JVMs of their own
            EngineWarning.ifScalarByDefault(spec.commandLine().getErr());
        }
        // The other core compiles the backend while this one reads and checksums the data; with --spark the
        // candidates train on the executors, and this JVM's cores are the Spark context's and the data's.
        EngineWarmup warmup = spark.enabled() ? EngineWarmup.none() : EngineWarmup.forSearch(config, backend);
        try {
            searchIn(dir, claim, stdout, inv, config, backend, warmup);
        } finally {
            warmup.close();
        }
    }

    private void searchIn(
            Path dir,
            OutputDirectory.Claim claim,
            PrintWriter stdout,
            Invocation inv,
            SearchConfig config,
            Backend backend,
            EngineWarmup warmup) {
        SourceData source = TestSets.attach(dataOptions.sources(spark.remoteFiles()), config.dataset(), run.test);
        List<Partitions> partitions;
        String spaceLine = null; // a resumed search stored its space, chosen when it started
        if (run.resuming()) {
            inv.verify(dir.resolve(Invocation.FILE), source, spec.commandLine().getErr());
            partitions = RunOptions.partitions(config, source);
        } else {
            config = search.withPairNames(config, source.train().targets());
            search.checkFits(config, source.train().shape());
            java.util.Optional<DefaultSpace> chosen =
                    search.defaultSpace(config, source.train().shape());
            if (chosen.isPresent()) {
                config = chosen.get().applyTo(config);
                spaceLine = chosen.get().describe();
            }
            partitions = RunOptions.partitions(config, source); // they do not depend on the batch
            Optional<DefaultBags> bagged = search.defaultBags(
                    config, source.train().shape(), source.train().targets().task(), partitions.get(0)::trainingRows);
            if (bagged.isPresent()) {
                config = bagged.get().applyTo(config);
                spaceLine = spaceLine == null
                        ? bagged.get().describe()
                        : spaceLine + "\n" + bagged.get().describe();
                partitions = RunOptions.partitions(config, source); // a bagged search holds no validation part out
            }
            config = search.withBatchFor(
                    config,
                    partitions.get(0).candidateRows(config),
                    spec.commandLine().getErr());
            inv = run.invocation(config, dataOptions);
        }
        Preflight.check(config, partitions.get(0), dir);
        SearchOptions.checkTraining(config, partitions.get(0).train());
        if (claim == null) {
            searchChecked(dir, stdout, config, backend, warmup, source, partitions, spaceLine);
            return;
        }
        try (OutputDirectory output = claim.open()) {
            // Stored only once the data loaded and passed its checks: a start that fails leaves nothing to resume.
            inv.withData(source).save(dir);
            output.started();
            OutputDirectory.noteKept(dir, spec.commandLine().getErr());
            searchChecked(dir, stdout, config, backend, warmup, source, partitions, spaceLine);
        }
    }

    private void searchChecked(
            Path dir,
            PrintWriter stdout,
            SearchConfig config,
            Backend backend,
            EngineWarmup warmup,
            SourceData source,
            List<Partitions> partitions,
            String spaceLine) {
        TableLines.warn(spec.commandLine().getErr(), source);
        if (!run.resuming()) { // a resumed search was warned when it started
            BudgetWarning.of(config, partitions.get(0).candidateRows(config))
                    .ifPresent(w -> spec.commandLine().getErr().println("warning: " + w));
        }
        if (!run.quiet) {
            // The first line says which preset's settings the numbers come from (custom: options changed some).
            stdout.printf(
                    "%s %s (%s): preset %s, %s, %s, %s mixture, %d iterations × %d steps per candidate, seed %d,"
                            + " %d threads%n",
                    run.resuming() ? "resuming" : "searching",
                    source.name(),
                    partitions.get(0).description(),
                    Preset.describe(config),
                    config.spaceName(),
                    config.criterion(),
                    config.mixture().id(),
                    config.iterations(),
                    config.stepsPerIteration(partitions.get(0).candidateRows(config)),
                    config.seed(),
                    config.threads());
            if (!run.resuming() && config.stopping().needsPlan()) {
                stdout.printf(
                        java.util.Locale.ROOT,
                        "the %.0f s time budget is planned next: the steps and iterations that fit it%n",
                        config.stopping().maxSeconds());
            }
            TableLines.decision(source).ifPresent(stdout::println);
            String targets = source.train().targets().describe();
            if (!targets.isEmpty()) {
                stdout.println(targets);
            }
            if (spaceLine != null) { // after the table's lines: the space is chosen by what they found
                stdout.println(spaceLine);
            }
        }
        warmup.close(); // the search needs both cores from here on
        List<RunSummary> results = spark.enabled() && partitions.size() > 1
                ? foldsOnCluster(config, source, dir, stdout)
                : searchHere(config, source, partitions, dir, backend, stdout);
        if (results.size() > 1) {
            FoldsReport summary = FoldsReport.of(config, results);
            summary.writeHtml(dir.resolve("report.html"));
            summary.write(dir.resolve(RunReport.FILE));
            FoldsReport.Summary s = summary.summary();
            stdout.printf(
                    "%d folds: %s %.4f ± %.4f, ensemble size %.1f ± %.1f%n",
                    results.size(),
                    s.score().label(),
                    s.testMean(),
                    s.testStd(),
                    s.ensembleSizeMean(),
                    s.ensembleSizeStd());
        }
        stdout.println("results in " + dir);
    }

    /** The candidates trained by the local executor, or by Spark's with --spark. */
    private CandidateExecutor candidateExecutor(SearchConfig config, SourceData source, Partitions p, Backend backend) {
        if (!spark.enabled()) {
            return new LocalExecutor(config.threads(), backend);
        }
        return spark.candidates(
                new PartitionsRecipe(spark.recipe(dataOptions, run.test, source), config, -1), p, backend);
    }

    /** --folds K --spark: each fold's whole search a Spark task, its directory written here as it comes back. */
    private List<RunSummary> foldsOnCluster(SearchConfig config, SourceData source, Path dir, PrintWriter stdout) {
        try (GridExecutor grid = spark.grid(spark.recipe(dataOptions, run.test, source))) {
            if (!run.quiet) {
                stdout.println("running the " + config.folds() + " folds as tasks on " + grid.name());
            }
            List<ComparisonRun> runs =
                    grid.run(GridRun.folds(config), source, dir, run.resuming(), lock -> {}, new ComparisonListener() {
                        @Override
                        public void runFinished(ComparisonRun r, int done, int total, String how) {
                            stdout.printf(
                                    "fold %d: %s %.4f, ensemble of %d (%d parameters), %.1f s%s%n",
                                    r.fold(),
                                    r.figures().score().label(),
                                    r.figures().testScore(),
                                    r.ensembleSize(),
                                    r.figures().parameters(),
                                    r.figures().totalSeconds(),
                                    how);
                            stdout.flush();
                        }
                    });
            return runs.stream().map(ComparisonRun::figures).toList();
        }
    }

    private List<RunSummary> searchHere(
            SearchConfig config,
            SourceData source,
            List<Partitions> partitions,
            Path dir,
            Backend backend,
            PrintWriter stdout) {
        List<RunSummary> results = new ArrayList<>();
        try (CandidateExecutor executor = candidateExecutor(config, source, partitions.get(0), backend);
                InterruptGuard interrupts = new InterruptGuard(
                        spec.commandLine().getErr(),
                        dir,
                        "search",
                        System.console() != null && !run.quiet ? stdout : null)) {
            for (int k = 0; k < partitions.size(); k++) {
                Partitions p = partitions.get(k);
                boolean folded = partitions.size() > 1;
                String prefix = folded ? "fold " + (k + 1) + ": " : "";
                Path runDir = folded ? dir.resolve("fold-" + (k + 1)) : dir;
                if (run.resuming() && RunDirectory.finished(runDir)) {
                    RunSummary done = RunDirectory.readFinished(runDir);
                    results.add(done);
                    stdout.printf(
                            "%salready complete: %s %.4f, ensemble of %d%n",
                            prefix, done.score().label(), done.testScore(), done.ensembleSize());
                    continue;
                }
                RunDirectory searchRun = RunDirectory.open(runDir, run.resuming(), backend, source.sha256());
                interrupts.guard(searchRun.checkpointWriting());
                SearchState state = searchRun.resumedFrom();
                if (state != null && !run.quiet) {
                    stdout.printf(
                            "%scontinuing at iteration %d (%d of %d done)%n",
                            prefix, state.nextIteration(), state.nextIteration(), config.iterations());
                }
                SearchResult r;
                try (ProgressReporter progress = new ProgressReporter(
                        stdout,
                        spec.commandLine().getErr(),
                        ProgressReporter.Display.search(stdout, System.console() != null, run.quiet, prefix),
                        runDir.resolve("search.log"))) {
                    progress.log(
                            (state == null ? "config " : "resumed at iteration " + state.nextIteration() + ", config ")
                                    + config);
                    if (state != null) {
                        progress.resumedAfter(state.records());
                    }
                    r = searchRun.complete(
                            config,
                            p,
                            Experiment.info(config, source, p),
                            executor,
                            backend,
                            progress,
                            folded ? k : -1);
                }
                results.add(RunSummary.of(r));
                if (!folded && !r.config().equals(config)) {
                    // run.json records the time budget's plan: the steps and iterations the search ran
                    Invocation.load(dir).withConfig(r.config()).save(dir);
                }
                org.saepj.task.RegressionMetrics regression = r.metrics().regression();
                String headline = regression == null
                        ? String.format(
                                java.util.Locale.ROOT,
                                "test accuracy %.4f",
                                r.metrics().testAccuracy())
                        : String.format(
                                java.util.Locale.ROOT, "test RMSE %.4g, R² %.4f", regression.rmse(), regression.r2());
                stdout.printf(
                        "%s%s, ensemble of %d (%d parameters), %.1f s (training %.1f s)%n",
                        prefix,
                        headline,
                        r.metrics().ensembleSize(),
                        r.metrics().parameters(),
                        r.timing().totalSeconds(),
                        r.timing().trainSeconds());
                if (!run.quiet) {
                    stdout.println(prefix + FinalMembers.describe(r.ensemble()));
                }
            }
        }
        return results;
    }
}
