package org.saepj.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.saepj.cli.UsageError;
import org.saepj.cli.data.ClassIndices;
import org.saepj.cli.data.DataOptions;
import org.saepj.cli.data.LabelMatrixReader;
import org.saepj.cli.data.ModelData;
import org.saepj.cli.display.Json;
import org.saepj.cli.option.CriterionIds;
import org.saepj.cli.option.CriterionOptions;
import org.saepj.cli.output.OutputDirectory;
import org.saepj.data.Dataset;
import org.saepj.diversity.Diversity;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.ensemble.Logits;
import org.saepj.information.InformationTheory;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.pruning.Criteria;
import org.saepj.pruning.CriterionSpec;
import org.saepj.pruning.PruneDecision;
import org.saepj.pruning.PruningCriterion;
import org.saepj.pruning.PruningInput;
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
@Command(name = "prune", mixinStandardHelpOptions = true, description = "Prune a saved ensemble, or any ensemble given its members' predicted labels.")
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

        @Option(names = "--data", required = true, paramLabel = "SOURCE", description = "Decision data source (its training partition).")
        String data;

        @Option(names = "--out", required = true, paramLabel = "DIR2", description = "Where to save the pruned ensemble.")
        Path out;
    }

    /** {@code --predictions FILE.csv --labels FILE.csv}. */
    static final class PredictionsForm {
        @Option(names = "--predictions", required = true, paramLabel = "FILE.csv", description = "One column per member, one row per sample.")
        Path predictions;

        @Option(names = "--labels", required = true, paramLabel = "FILE.csv", description = "The true label of each sample, one per row.")
        Path labels;
    }

    @Option(names = "--method", required = true, paramLabel = "ID", completionCandidates = CriterionIds.class,
            description = "The pruning criterion: ${COMPLETION-CANDIDATES} (adanet prunes nothing); their parameters are listed"
                    + " below.")
    String method;

    @Mixin
    CriterionOptions criterionOptions;

    @Option(names = "--keep", paramLabel = "K", description = "Members to keep, for the criteria that take a target size"
            + " (their parameter keep: topk, re, kappa, cm, mdm, oo; default: one fewer than the ensemble has).")
    Integer keep;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of PRS's draw and PIE's start (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print exactly one JSON object.")
    boolean json;

    @Option(names = "--overwrite", description = "Write into a non-empty output directory.")
    boolean overwrite;

    @Mixin
    DataOptions dataOptions;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PruningCriterion criterion = criterion();
        if (target.predictions != null) {
            int[][] rows = LabelMatrixReader.read(target.predictions.predictions, "--predictions");
            int[][] labelRows = LabelMatrixReader.read(target.predictions.labels, "--labels");
            if (labelRows[0].length != 1) {
                throw new UsageError("--labels " + target.predictions.labels + " must have one label per row, found "
                        + labelRows[0].length + " columns");
            }
            if (labelRows.length != rows.length) {
                throw new UsageError("--predictions has " + rows.length + " rows but --labels has " + labelRows.length);
            }
            int[] labels = IntStream.range(0, labelRows.length).map(i -> labelRows[i][0]).toArray();
            int members = rows[0].length;
            int[][] byMember = new int[members][rows.length];
            for (int s = 0; s < rows.length; s++) {
                for (int j = 0; j < members; j++) {
                    byMember[j][s] = rows[s][j];
                }
            }
            ClassIndices.compact(labels, byMember);
            report(PruningInput.uniform(byMember, labels), criterion);
            return;
        }
        ModelForm f = target.model;
        SavedEnsemble ensemble = SavedEnsemble.load(f.model, KernelsProvider.best());
        if (f.model.toAbsolutePath().normalize().startsWith(f.out.toAbsolutePath().normalize())) {
            throw new UsageError("--out " + f.out + " is or holds the --model directory: the pruned ensemble must not replace the one"
                    + " it is read from");
        }
        try (OutputDirectory output = OutputDirectory.create(f.out, "--out", overwrite)) {
            pruneInto(ensemble, output.path(), f, criterion);
        }
    }

    private void pruneInto(SavedEnsemble ensemble, Path outDir, ModelForm f, PruningCriterion criterion) {
        Dataset d = ModelData.prepare(ensemble, dataOptions.sources(), f.data, "train").data();
        int classes = d.classCount();
        int[][] predictions = ensemble.memberLogits(d).stream().map(l -> Logits.argmax(l, classes)).toArray(int[][]::new);
        PruningInput input = new PruningInput(predictions, d.labels(), ensemble.weights(), classes);
        PruneDecision decision = report(input, criterion);
        List<Integer> keep = new ArrayList<>();
        for (int j = 0; j < predictions.length; j++) {
            if (!decision.removed().contains(j)) {
                keep.add(j);
            }
        }
        boolean uniform = ensemble.manifest().mixture() != org.saepj.search.Mixture.LEARNED;
        ensemble.keep(keep, uniform).save(outDir);
        if (!json) {
            spec.commandLine().getOut().println("saved the pruned ensemble (" + keep.size() + " members) to " + outDir);
        }
    }

    /** @return the criterion named by --method, its parameters from --param and --alpha, checked */
    private PruningCriterion criterion() {
        Criteria criteria = Criteria.discover();
        org.saepj.pruning.CriterionSpec spec = criterionOptions.criterion(method, "--method", criteria, true);
        if (keep != null) {
            spec = withKeep(criteria, spec);
        }
        PruningCriterion c = criteria.create(spec);
        if (!c.prunes()) {
            throw new UsageError("--method must be a pruning criterion: " + c.id() + " prunes nothing");
        }
        return c;
    }

    /** {@code --keep K} as the criterion's own {@code keep} parameter, for the criteria that declare one. */
    private org.saepj.pruning.CriterionSpec withKeep(Criteria criteria, org.saepj.pruning.CriterionSpec spec) {
        if (keep < 1) {
            throw new UsageError("--keep must be at least 1, got " + keep);
        }
        List<String> taking = criteria.providers().stream().filter(p -> p.parameters().stream().anyMatch(q -> q.name().equals("keep")))
                .map(org.saepj.pruning.CriterionProvider::id).toList();
        if (!taking.contains(spec.id())) {
            throw new UsageError("--keep: " + spec.id() + " decides its own size; the criteria with a target size are "
                    + String.join(", ", taking));
        }
        if (criterionOptions.values().containsKey("keep")) {
            throw new UsageError("--keep and --param keep=… name the same setting: give one");
        }
        java.util.Map<String, Double> parameters = new java.util.HashMap<>(spec.parameters());
        parameters.put("keep", (double) keep);
        try {
            return criteria.resolve(org.saepj.pruning.CriterionSpec.of(spec.id(), parameters));
        } catch (IllegalArgumentException e) {
            throw new UsageError("--keep: " + e.getMessage());
        }
    }

    private PruneDecision report(PruningInput input, PruningCriterion criterion) {
        PruneDecision d = criterion.decide(input, new SplittableRandom(seed));
        int n = input.members();
        List<Integer> kept = IntStream.range(0, n).filter(j -> !d.removed().contains(j)).boxed().toList();
        double[] nmi = InformationTheory.nmiWithLabels(input.predictions(), input.labels());
        double[][] vi = InformationTheory.viMatrix(input.predictions());
        Diversity div = Diversity.of(input.predictions(), input.labels());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = Json.object();
            ArrayNode k = root.putArray("kept");
            kept.forEach(k::add);
            ArrayNode p = root.putArray("pruned");
            d.removed().forEach(p::add);
            if (d.details().values().get("startPosition") instanceof Integer start) {
                root.put("start", start);
            }
            root.set("decision", Json.MAPPER.valueToTree(d));
            root.set("nmiWithLabels", Json.array(nmi));
            root.set("viMatrix", Json.matrix(vi));
            ObjectNode dv = Json.diversity(div);
            dv.remove("pairs");
            root.set("diversity", dv);
            out.print(Json.pretty(root));
            return d;
        }
        out.printf("members  %d, samples %d, criterion %s%s%n", n, input.labels().length, CriterionSpec.of(criterion.id(),
                criterion.parameters()), n < PruningCriterion.MIN_MEMBERS ? " (fewer than 3 members are never pruned)" : "");
        out.println("kept     " + kept);
        out.println("pruned   " + d.removed());
        out.println("details  " + d.details());
        out.println("MI with labels (normalised) " + java.util.Arrays.toString(nmi));
        out.println("VI matrix (normalised):");
        for (double[] row : vi) {
            StringBuilder sb = new StringBuilder("  ");
            for (double v : row) {
                sb.append(String.format("%8.5f", v));
            }
            out.println(sb);
        }
        out.printf("diversity: disagreement %.6f, with labels %.6f, Q %.6f, kappa %.6f, double fault %.6f%n",
                div.disagreement(), div.disagreementWithLabels(), div.qStatistic(), div.kappa(), div.doubleFault());
        return d;
    }
}
