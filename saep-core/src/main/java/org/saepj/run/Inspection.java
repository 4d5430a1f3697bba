package org.saepj.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.data.io.InputFiles;
import org.saepj.engine.Backend;
import org.saepj.engine.Network;
import org.saepj.engine.layer.Layer;
import org.saepj.persistence.EnsembleManifest;
import org.saepj.persistence.JsonFormat;
import org.saepj.persistence.MemberRecord;
import org.saepj.persistence.SavedEnsemble;

/**
 * What a saved ensemble or a run directory holds, for people ({@code saep inspect}) and programs: the classes,
 * input and preprocessing, every member layer by layer with its parameters, mixture weight and the iteration it came
 * from, and for a run the pruning history: which members left at which iteration, by which criterion, with the
 * criterion's numbers (positions in those numbers index the ensemble before that pruning), and each member's own test
 * accuracy (a regression's: its own test RMSE) as the run's report.json records it.
 *
 * @param directory the inspected directory
 * @param formatVersion the manifest's format
 * @param classes the class names
 * @param inputShape [height, width, channels]
 * @param preprocessing the preprocessing steps' type names, comma-separated ("scale", "clip,standardize")
 * @param preprocessingSteps the steps for people, in order
 * @param mixture how the weights were made
 * @param parameters all members' parameters
 * @param members the members in ensemble order
 * @param pruning the pruning events of the run, or null for a bare saved ensemble
 */
public record Inspection(
        String directory,
        int formatVersion,
        List<String> classes,
        int[] inputShape,
        String preprocessing,
        List<String> preprocessingSteps,
        String mixture,
        long parameters,
        List<MemberView> members,
        List<PruningEvent> pruning) {
    /**
     * @param id the member's id
     * @param name its candidate's name
     * @param iteration the iteration it joined, from 0
     * @param weight its mixture weight
     * @param parameters its parameters
     * @param architecture its architecture in short ("dnn-784-32-10")
     * @param layers its layers in order
     * @param testAccuracy its own accuracy on the run's test data, alone; null for a bare saved ensemble, a regression,
     *     or a report written before members' own accuracies were recorded
     * @param testRmse a regression member's own RMSE on the run's test data, alone; null where unknown, as above
     */
    public record MemberView(
            int id,
            String name,
            int iteration,
            double weight,
            long parameters,
            String architecture,
            List<LayerView> layers,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double testAccuracy,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double testRmse) {}

    /**
     * @param layer the layer ("Dense(784→32)")
     * @param parameters its parameters
     * @param outputs the values it gives per sample
     */
    public record LayerView(String layer, int parameters, int outputs) {}

    /**
     * @param iteration the iteration whose start pruned, from 0
     * @param criterion the deciding criterion
     * @param removedIds the members that left, by id
     * @param removedNames their candidates' names
     * @param beforeIds the members before pruning, in ensemble order: the decision's positions index this list
     * @param beforeNames their candidates' names
     * @param details the criterion's numbers, as report.json holds them
     */
    public record PruningEvent(
            int iteration,
            String criterion,
            List<Integer> removedIds,
            List<String> removedNames,
            List<Integer> beforeIds,
            List<String> beforeNames,
            JsonNode details) {}

    /**
     * @param dir a saved ensemble (with manifest.json) or a run directory (with report.json and ensemble/)
     * @param backend the backend to load the members with
     * @return what it holds
     * @throws SaepException naming the directory when it is neither
     */
    public static Inspection of(Path dir, Backend backend) {
        boolean run = Files.isRegularFile(dir.resolve("report.json")) && Files.isDirectory(dir.resolve("ensemble"));
        Path model = run ? dir.resolve("ensemble") : dir;
        if (!Files.isRegularFile(model.resolve("manifest.json"))) {
            throw new FileException(
                    dir + ": neither a saved ensemble (no manifest.json) nor a finished run directory (report.json and"
                            + " ensemble/)");
        }
        SavedEnsemble e = SavedEnsemble.load(model, backend);
        EnsembleManifest m = e.manifest();
        JsonNode report = run ? readReport(dir.resolve("report.json")) : null;
        Map<Integer, Double> accuracies = run ? own(report, "memberTestAccuracies") : Map.of();
        Map<Integer, Double> rmse = run ? own(report, "memberTestRmse") : Map.of();
        List<MemberView> members = new ArrayList<>();
        long total = 0;
        for (int j = 0; j < m.members().size(); j++) {
            MemberRecord r = m.members().get(j);
            Network net = e.networks().get(j);
            List<LayerView> layers = new ArrayList<>();
            for (Layer l : net.layers()) {
                layers.add(new LayerView(l.toString(), l.parameterCount(), l.outputSize()));
            }
            members.add(new MemberView(
                    r.id(),
                    r.name(),
                    r.iteration(),
                    r.weight(),
                    net.parameterCount(),
                    r.architecture().toString(),
                    layers,
                    accuracies.get(r.id()),
                    rmse.get(r.id())));
            total += net.parameterCount();
        }
        return new Inspection(
                dir.toString(),
                m.formatVersion(),
                m.classNames(),
                m.inputShape(),
                String.join(",", m.preprocessing().types()),
                m.preprocessing().steps().stream()
                        .map(org.saepj.data.preprocess.PreprocessingStep::describe)
                        .toList(),
                m.mixture().id(),
                total,
                members,
                run ? history(report) : null);
    }

    private static JsonNode readReport(Path report) {
        try {
            return JsonFormat.mapper().readTree(InputFiles.readAll(report, "a run's report"));
        } catch (IOException e) {
            throw new FileException(report + ": cannot read the run's report: " + e.getMessage(), e);
        }
    }

    /**
     * The final members' own figures a report records in {@code final.FIELD}, in the order of its {@code members}.
     *
     * @param report the run's report.json
     * @param field the figures' key ({@code memberTestAccuracies})
     * @return each member's figure by id; empty when the report has none (older reports, the other task)
     */
    private static Map<Integer, Double> own(JsonNode report, String field) {
        JsonNode values = report.path("final").path(field);
        JsonNode members = report.path("members");
        Map<Integer, Double> out = new HashMap<>();
        // a figure counts only when the list is whole: a damaged report shows no figures rather than misplaced ones
        if (!values.isArray() || values.size() != members.size()) {
            return out;
        }
        for (int j = 0; j < values.size(); j++) {
            if (values.get(j).isNumber() && members.get(j).path("id").isInt()) {
                out.put(members.get(j).get("id").asInt(), values.get(j).asDouble());
            }
        }
        return out;
    }

    /** The pruning events of a report of any schema, members named by the candidates that brought them. */
    private static List<PruningEvent> history(JsonNode n) {
        List<PruningHistory.Step> steps = new ArrayList<>();
        n.path("iterations").forEach(it -> steps.add(PruningHistory.Step.of(it)));
        return PruningHistory.of(steps);
    }
}
