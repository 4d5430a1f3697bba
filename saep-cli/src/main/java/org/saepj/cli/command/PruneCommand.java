package org.saepj.cli.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.saepj.cli.UsageError;
import org.saepj.cli.data.DataOptions;
import org.saepj.cli.data.ModelData;
import org.saepj.cli.data.PruningTables;
import org.saepj.cli.display.PruneReport;
import org.saepj.cli.option.CriterionIds;
import org.saepj.cli.option.CriterionOptions;
import org.saepj.cli.option.TargetSize;
import org.saepj.cli.output.OutputDirectory;
import org.saepj.cli.output.RealPaths;
import org.saepj.data.Dataset;
import org.saepj.engine.Backends;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.pruning.Criteria;
import org.saepj.pruning.PruneDecision;
import org.saepj.pruning.PruningCriterion;
import org.saepj.pruning.PruningInput;
import org.saepj.search.CriterionTaskCheck;
import org.saepj.search.InvalidSettingException;
import org.saepj.task.Task;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code saep prune}: post-hoc pruning, of a saved ensemble on given data (saving the smaller one) or of any
 * ensemble given its members' predicted labels. One pruning step, as in an iteration of the search.
 */
@Command(
        name = "prune",
        mixinStandardHelpOptions = true,
        description = "Prune a saved ensemble, or any ensemble given its members' predicted labels.")
public final class PruneCommand implements Runnable {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    /** The two forms: a saved model, or prediction and label files. */
    static final class Target {
        @ArgGroup(exclusive = false)
        ModelForm model;

        @ArgGroup(exclusive = false)
        PredictionsForm predictions;
    }

    /** {@code --model DIR --data SOURCE --out DIR2}. */
    static final class ModelForm {
        @Option(names = "--model", required = true, paramLabel = "DIR", description = "A saved ensemble.")
        Path model;

        @Option(
                names = "--data",
                required = true,
                paramLabel = "SOURCE",
                description = "Decision data source (its training partition).")
        String data;

        @Option(
                names = "--out",
                required = true,
                paramLabel = "DIR2",
                description = "Where to save the pruned ensemble.")
        Path out;
    }

    /** {@code --predictions FILE.csv --labels FILE.csv}. */
    static final class PredictionsForm {
        @Option(
                names = "--predictions",
                required = true,
                paramLabel = "FILE.csv",
                description = "One column per member, one row per sample.")
        Path predictions;

        @Option(
                names = "--labels",
                required = true,
                paramLabel = "FILE.csv",
                description = "The true label of each sample, one per row:"
                        + " class names or indices, written as in --predictions.")
        Path labels;

        @Option(
                names = "--test-predictions",
                paramLabel = "FILE.csv",
                description = "The same members' predictions on held-out data,"
                        + " to measure the vote before and after pruning there (with --test-labels).")
        Path testPredictions;

        @Option(names = "--test-labels", paramLabel = "FILE.csv", description = "The held-out data's true labels.")
        Path testLabels;
    }

    @Option(
            names = "--method",
            required = true,
            paramLabel = "ID",
            completionCandidates = CriterionIds.class,
            description = "The pruning criterion: ${COMPLETION-CANDIDATES} (adanet prunes nothing); their"
                    + " parameters are listed"
                    + " below.")
    String method;

    @Mixin
    CriterionOptions criterionOptions;

    @Option(
            names = "--keep",
            paramLabel = "K",
            description = "Members to keep, for the criteria that take a target size"
                    + " (those with the parameter keep below; default: one fewer than the ensemble has).")
    Integer keep;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "Seed of PRS's draw and PIE's start (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print exactly one JSON object.")
    boolean json;

    @Option(
            names = "--overwrite",
            description = "Replace an earlier SAEP-J output in --out (only a folder SAEP-J made;"
                    + " files of yours in it stay).")
    boolean overwrite;

    @Mixin
    DataOptions dataOptions;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PruningCriterion criterion = criterion();
        if (target.predictions != null) {
            PredictionsForm f = target.predictions;
            if ((f.testPredictions == null) != (f.testLabels == null)) {
                throw new UsageError(
                        f.testPredictions == null
                                ? "--test-labels needs --test-predictions"
                                : "--test-predictions needs --test-labels");
            }
            PruningTables tables = PruningTables.read(f.predictions, f.labels, f.testPredictions, f.testLabels);
            report(
                    criterion,
                    tables.decision(),
                    tables.heldOut(),
                    f.testPredictions == null ? null : "--test-predictions",
                    tables.memberNames(),
                    tables.classes());
            return;
        }
        ModelForm f = target.model;
        SavedEnsemble ensemble = SavedEnsemble.load(f.model, Backends.best());
        if (RealPaths.overlap(f.model, f.out)) {
            throw new UsageError(
                    "--out " + f.out + " is, holds or lies inside the --model directory: the pruned ensemble must not"
                            + " replace or go into the one it is read from");
        }
        // Nothing on disk changes until the data is read and the decision made.
        OutputDirectory.Claim claim = OutputDirectory.claim(f.out, "--out", overwrite);
        SavedEnsemble pruned = prune(ensemble, f, criterion);
        try (OutputDirectory output = claim.open()) {
            pruned.save(output.path());
            output.started();
            OutputDirectory.noteKept(output.path(), spec.commandLine().getErr());
            if (!json) {
                spec.commandLine()
                        .getOut()
                        .println("saved the pruned ensemble ("
                                + pruned.manifest().members().size() + " members) to " + output.path());
            }
        }
    }

    /** @return the ensemble without the members the criterion removes on the data */
    private SavedEnsemble prune(SavedEnsemble ensemble, ModelForm f, PruningCriterion criterion) {
        try {
            CriterionTaskCheck.check(criterion, ensemble.task(), Criteria.discover());
        } catch (InvalidSettingException e) {
            throw new UsageError("--method " + e.problem());
        }
        PruningInput input = votes(
                ensemble,
                ModelData.prepare(
                                ensemble,
                                dataOptions.sourcesFor(ensemble.manifest().inputShape()),
                                f.data,
                                "train")
                        .data());
        ModelData.Scored test = heldOut(ensemble, f.data);
        List<String> names = ensemble.manifest().members().stream()
                .map(m -> m.name() + "#" + m.id())
                .toList();
        PruneDecision decision = report(
                criterion,
                input,
                test == null ? null : votes(ensemble, test.data()),
                test == null ? null : test.rows(),
                names,
                ensemble.task().predictsClasses() ? ensemble.manifest().classNames() : null);
        List<Integer> keep = new ArrayList<>();
        for (int j = 0; j < input.members(); j++) {
            if (!decision.removed().contains(j)) {
                keep.add(j);
            }
        }
        boolean uniform = ensemble.manifest().mixture() != org.saepj.search.Mixture.LEARNED;
        return ensemble.keep(keep, uniform);
    }

    /** @return the criterion named by --method, its parameters from --param and --alpha, checked */
    private PruningCriterion criterion() {
        Criteria criteria = Criteria.discover();
        org.saepj.pruning.CriterionSpec spec = criterionOptions.criterion(method, "--method", criteria, true);
        if (keep != null) {
            spec = new TargetSize(keep, "--keep", 1).applyTo(spec, criteria, criterionOptions.values());
        }
        PruningCriterion c = criteria.create(spec);
        if (!c.prunes()) {
            throw new UsageError("--method must be a pruning criterion: " + c.id() + " prunes nothing");
        }
        return c;
    }

    /**
     * @return what the criterion decides on, as the search gave it: the members' predicted classes and the labels, or
     *     their values and the targets, weighted as the ensemble is
     */
    private static PruningInput votes(SavedEnsemble ensemble, Dataset d) {
        Task task = ensemble.task();
        int width = d.outputWidth();
        List<float[]> outputs = ensemble.memberLogits(d);
        int[][] predictions =
                outputs.stream().map(o -> task.predictions(o, width)).toArray(int[][]::new);
        return task.pruningInput(outputs, predictions, d.targets(), ensemble.weights(), width);
    }

    /**
     * @return the source's rows the ensemble was not trained on
     *     (the search's own test split, or its test data), or null
     */
    private ModelData.Scored heldOut(SavedEnsemble ensemble, String source) {
        try {
            ModelData.Scored test = ModelData.prepare(
                    ensemble, dataOptions.sourcesFor(ensemble.manifest().inputShape()), source, "test");
            return test.trainedOn().equals("no") ? test : null;
        } catch (UsageError e) {
            return null; // the source's test rows are elsewhere (the manifest names them): no held-out figure from
            // --data
        }
    }

    private PruneDecision report(
            PruningCriterion criterion,
            PruningInput input,
            PruningInput heldOut,
            String heldOutRows,
            List<String> names,
            List<String> classes) {
        PruneDecision d = criterion.decide(input, new SplittableRandom(seed));
        PruneReport report = new PruneReport(criterion, d, input, heldOut, heldOutRows, names, classes);
        if (json) {
            report.printJson(spec.commandLine().getOut());
        } else {
            report.printText(spec.commandLine().getOut());
        }
        return d;
    }
}
