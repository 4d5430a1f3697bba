package org.saepj.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.saepj.cli.UsageError;
import org.saepj.cli.data.DataOptions;
import org.saepj.cli.data.TableLines;
import org.saepj.cli.display.ComparisonProgress;
import org.saepj.cli.display.EngineWarning;
import org.saepj.cli.display.RootLocaleWriter;
import org.saepj.cli.option.BackendOption;
import org.saepj.cli.option.CriterionIds;
import org.saepj.cli.option.RunOptions;
import org.saepj.cli.option.SearchOptions;
import org.saepj.cli.option.SparkOptions;
import org.saepj.cli.output.InterruptGuard;
import org.saepj.cli.output.Invocation;
import org.saepj.cli.output.OutputDirectory;
import org.saepj.cli.output.Preflight;
import org.saepj.cli.output.StoredComparison;
import org.saepj.data.SourceData;
import org.saepj.data.source.DataSources;
import org.saepj.data.source.TestSets;
import org.saepj.pruning.Criteria;
import org.saepj.pruning.CriterionSpec;
import org.saepj.run.ComparedMethod;
import org.saepj.run.Comparison;
import org.saepj.run.ComparisonPlan;
import org.saepj.run.ComparisonRun;
import org.saepj.run.GridExecutor;
import org.saepj.run.LocalGridExecutor;
import org.saepj.search.DefaultBags;
import org.saepj.search.DefaultSpace;
import org.saepj.search.Mixture;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code saep compare}: AdaNet against SAEP's criteria on the same data, over seeds or folds. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = "Compare AdaNet and SAEP's pruning criteria over seeds or folds, with plots and an HTML report.")
public final class CompareCommand implements Runnable {
    @Option(
            names = "--methods",
            paramLabel = "LIST",
            defaultValue = "adanet,prs,pap,pie",
            completionCandidates = CriterionIds.class,
            description = "Methods among ${COMPLETION-CANDIDATES}, single (one network for the whole budget) and"
                    + " deep-ensemble (5 networks of one architecture, each a fifth of the budget, averaged;"
                    + " deep-ensemble-K for K) (default: ${DEFAULT-VALUE}).")
    String methods;

    @Option(
            names = "--mixtures",
            paramLabel = "LIST",
            defaultValue = "uniform",
            description = "uniform and/or learned (default: ${DEFAULT-VALUE}).")
    String mixtures;

    @Option(
            names = "--seeds",
            paramLabel = "LIST",
            defaultValue = "1,2,3",
            description = "One run per seed (default: ${DEFAULT-VALUE}).")
    String seeds;

    @Option(
            names = "--folds",
            paramLabel = "K",
            defaultValue = "0",
            description = "One run per fold of K-fold cross-validation instead of seeds.")
    int folds;

    @Mixin
    SparkOptions spark;

    @Mixin
    BackendOption backendOption;

    @Mixin
    RunOptions run;

    @Mixin
    SearchOptions search;

    @Mixin
    DataOptions dataOptions;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spark.check();
        backendOption.backend(spark.enabled()); // a wrong name fails before anything is written
        if (run.resuming()) {
            try (OutputDirectory output =
                    run.resumed(ComparisonPlan.FILE, spec.commandLine().getParseResult())) {
                StoredComparison stored = StoredComparison.load(output.path());
                run.restore(stored.invocation(), dataOptions);
                SourceData source = TestSets.attach(
                        dataOptions.sources(spark.remoteFiles()),
                        stored.plan().base().dataset(),
                        run.test);
                stored.invocation()
                        .verify(
                                output.path().resolve(ComparisonPlan.FILE),
                                source,
                                spec.commandLine().getErr());
                check(
                        stored.plan(),
                        RunOptions.partitions(stored.plan().base(), source).get(0),
                        output.path());
                compare(stored.plan(), source, output.path());
            }
            return;
        }
        // Nothing on disk changes until the options, the data and the plan have passed every check.
        OutputDirectory.Claim claim = run.claim();
        ComparisonPlan plan = plan(search, DataSources.absolute(run.data), methods, mixtures, seeds, folds);
        SourceData source = TestSets.attach(
                dataOptions.sources(spark.remoteFiles()), plan.base().dataset(), run.test);
        SearchConfig base = search.withPairNames(plan.base(), source.train().targets());
        search.checkFits(base, source.train().shape());
        java.util.Optional<DefaultSpace> chosen =
                search.defaultSpace(base, source.train().shape());
        if (chosen.isPresent()) {
            base = chosen.get().applyTo(base);
        }
        Partitions first = RunOptions.partitions(base, source).get(0); // the batch does not change them
        Optional<DefaultBags> bagged = search.defaultBags(
                base, source.train().shape(), source.train().targets().task(), first::trainingRows);
        if (bagged.isPresent()) {
            base = bagged.get().applyTo(base);
            first = RunOptions.partitions(base, source).get(0); // a bagged search holds no validation part out
        }
        base = search.withBatchFor(
                base, first.candidateRows(base), spec.commandLine().getErr());
        plan = new ComparisonPlan(
                base, plan.methods(), plan.mixtures(), plan.seeds(), plan.folds(), plan.criterionParameters());
        Invocation invocation = run.invocation(plan.base(), dataOptions);
        check(plan, first, claim.dir());
        TableLines.warn(spec.commandLine().getErr(), source);
        TableLines.decision(source).ifPresent(spec.commandLine().getOut()::println);
        chosen.ifPresent(c -> spec.commandLine().getOut().println(c.describe()));
        bagged.ifPresent(b -> spec.commandLine().getOut().println(b.describe()));
        try (OutputDirectory output = claim.open()) {
            // Stored only once the data loaded and passed its checks: a start that fails leaves nothing to resume.
            new StoredComparison(plan, invocation.withData(source)).save(output.path());
            output.started();
            OutputDirectory.noteKept(output.path(), spec.commandLine().getErr());
            compare(plan, source, output.path());
        }
    }

    private void compare(ComparisonPlan plan, SourceData source, Path dir) {
        try (GridExecutor grid = gridExecutor(source)) {
            execute(
                    plan,
                    source,
                    dir,
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr(),
                    run.quiet,
                    run.resuming(),
                    grid);
        }
    }

    /** The local executor, or the one --spark names, found on the class path (the saep-spark module). */
    private GridExecutor gridExecutor(SourceData source) {
        return spark.enabled()
                ? spark.grid(spark.recipe(dataOptions, run.test, source))
                : new LocalGridExecutor(backendOption.backend(false));
    }

    /** Checks before any run that the plan fits the data, the heap and the disk. */
    static void check(ComparisonPlan plan, Partitions first, Path dir) {
        Comparison.check(plan); // every method usable, before any run
        Preflight.check(plan.base(), first, dir);
        SearchOptions.checkTraining(plan.base(), first.train());
    }

    static void execute(
            ComparisonPlan plan,
            SourceData source,
            Path dir,
            PrintWriter out,
            PrintWriter err,
            boolean quiet,
            boolean resume) {
        execute(plan, source, dir, out, err, quiet, resume, new LocalGridExecutor());
    }

    static void execute(
            ComparisonPlan plan,
            SourceData source,
            Path dir,
            PrintWriter out,
            PrintWriter err,
            boolean quiet,
            boolean resume,
            GridExecutor grid) {
        if (grid instanceof LocalGridExecutor) { // a cluster's executors train in JVMs of their own
            EngineWarning.ifScalarByDefault(err);
        }
        if (!quiet) {
            org.saepj.search.Epochs epochs = plan.base().epochs();
            out.printf(
                    "comparing %s on %s: %d runs (preset %s, %s, %d iterations × %s, %d threads, %s)%n",
                    String.join(
                            ", ",
                            plan.methods().stream().map(ComparedMethod::id).toList()),
                    source.name(),
                    plan.runs(),
                    org.saepj.search.Preset.describe(plan.base()),
                    plan.folds() > 0 ? plan.folds() + " folds" : "seeds " + plan.seeds(),
                    plan.base().iterations(),
                    epochs == null
                            ? plan.base().stepsPerIteration() + " steps"
                            : org.saepj.run.Decimals.of(epochs.count(), 2) + " epochs (" + epochs.minSteps() + " to "
                                    + epochs.maxSteps() + " steps)",
                    plan.base().threads(),
                    grid.name());
            if (plan.base().stopping().maxSeconds() > 0) {
                out.printf(
                        java.util.Locale.ROOT,
                        "every run is planned within %.0f s (--max-time): each method's steps and iterations fit"
                                + " the same time%n",
                        plan.base().stopping().maxSeconds());
            }
        }
        List<ComparisonRun> runs;
        PrintWriter stderr = RootLocaleWriter.of(new PrintWriter(System.err, true)); // the process's, whatever err is
        try (InterruptGuard interrupts =
                        new InterruptGuard(stderr, dir, "compare", System.console() != null && !quiet ? out : null);
                ComparisonProgress progress =
                        new ComparisonProgress(out, err, System.console() != null, quiet, plan.runs())) {
            runs = Comparison.run(plan, source, dir, resume, interrupts::guard, progress, grid);
        }
        Comparison.printTable(out, runs);
        if (plan.base().stopping().maxSeconds() > 0) {
            Comparison.printBudget(out, runs, plan.base().stopping().maxSeconds());
        }
        out.println("report: " + dir.resolve("report.html"));
    }

    static ComparisonPlan plan(
            SearchOptions search, String data, String methods, String mixtures, String seeds, int folds) {
        Criteria criteria = Criteria.discover();
        List<ComparedMethod> methodList = new ArrayList<>();
        java.util.Set<String> declared = new java.util.HashSet<>();
        for (String m : methods.split(",")) {
            ComparedMethod method;
            try {
                method = ComparedMethod.parse(m);
            } catch (IllegalArgumentException e) {
                throw new UsageError("--methods: " + e.getMessage());
            }
            String name = method.id();
            if (!method.isBaseline()) {
                if (criteria.find(name).isEmpty()) {
                    throw new UsageError("--methods: unknown method '" + m.strip() + "': expected " + criteria.ids()
                            + ", single or deep-ensemble[-K]"
                            + org.saepj.Suggestion.hint(
                                    name,
                                    criteria.providers().stream()
                                            .map(c -> c.id())
                                            .toList()));
                }
                search.criterion.criterion(
                        name, "--methods", criteria, false); // checks the values of the parameters it takes
                criteria.provider(name).parameters().forEach(p -> declared.add(p.name()));
            }
            if (!methodList.contains(method)) {
                methodList.add(method);
            }
        }
        java.util.Map<String, Double> parameters = search.criterionParameters(
                methodList.stream()
                        .filter(m -> !m.isBaseline())
                        .map(ComparedMethod::id)
                        .toList(),
                criteria);
        for (String name : parameters.keySet()) {
            if (!declared.contains(name)) {
                throw new UsageError((search.criterion.option().equals("--alpha") ? "--alpha" : "--param " + name)
                        + ": none of the methods "
                        + methodList.stream().map(ComparedMethod::id).collect(java.util.stream.Collectors.joining(", "))
                        + " takes the parameter " + name);
            }
        }
        List<Mixture> mixtureList = new ArrayList<>();
        for (String m : mixtures.split(",")) {
            try {
                Mixture mixture = Mixture.parse(m);
                if (!mixtureList.contains(mixture)) {
                    mixtureList.add(mixture);
                }
            } catch (IllegalArgumentException e) {
                throw new UsageError("--mixtures: " + e.getMessage());
            }
        }
        List<Long> seedList = new ArrayList<>();
        for (String s : seeds.split(",")) {
            long seed;
            try {
                seed = Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw new UsageError("--seeds must be a comma-separated list of whole numbers, got '" + seeds + "'");
            }
            // Two runs of one seed are one run counted twice: its spread would read 0.
            if (seedList.contains(seed)) {
                throw new UsageError(
                        "--seeds lists the seed " + seed + " twice, got '" + seeds + "': give each seed once");
            }
            seedList.add(seed);
        }
        if (folds != 0 && folds < 2) {
            throw new UsageError("--folds must be at least 2 (or 0 for seeds), got " + folds);
        }
        if (methods.isBlank()) {
            throw new UsageError(
                    "--methods: name at least one method among " + criteria.ids() + ", single or deep-ensemble[-K]");
        }
        SearchConfig base = search.toConfig(data, CriterionSpec.of("adanet"), "uniform", seedList.get(0), 0);
        return new ComparisonPlan(base, methodList, mixtureList, seedList, folds, parameters);
    }
}
