package org.saepj.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.data.io.InputFiles;
import org.saepj.persistence.JsonFormat;
import org.saepj.search.BagRecord;
import org.saepj.search.IterationRecord;
import org.saepj.search.Provenance;
import org.saepj.search.SearchResult;
import org.saepj.task.ClassificationTask;
import org.saepj.task.Tasks;

/**
 * The figures a comparison or a folds summary needs from one run: from a fresh result, or read back from a
 * finished run's report.json of any schema (1 to 3 keep these figures at the same places), checked so a
 * damaged report is refused with a message rather than summarised as zeros.
 *
 * @param score the metric the run is summarised by: its task's headline (accuracy, RMSE)
 * @param testScore the final ensemble's test figure of that metric
 * @param ensembleSize its members
 * @param parameters its parameters
 * @param totalSeconds the run's wall time
 * @param trainSeconds of which candidate training
 * @param scoreByIteration the test figure after each iteration
 * @param sizeByIteration members after each iteration
 * @param diversityByIteration mean pairwise disagreement after each iteration
 * @param depthByIteration the members' mean depth after each iteration (NaN where a report of an early schema has none)
 * @param finalDepths the final members' depths
 * @param provenance where the run came from
 * @param bestMemberAccuracy the test accuracy of the final ensemble's best member alone, NaN when the run does not
 *     record its members' own accuracies (a regression, a report written before they were)
 * @param ece the final ensemble's expected calibration error on the test data (NaN where the report has none)
 * @param nll its mean negative log-likelihood on the test data (NaN where the report has no calibration)
 * @param eceScaled its ECE after the temperature fitted on the validation part, NaN when none was fitted
 */
public record RunSummary(
        Score score,
        double testScore,
        int ensembleSize,
        long parameters,
        double totalSeconds,
        double trainSeconds,
        double[] scoreByIteration,
        double[] sizeByIteration,
        double[] diversityByIteration,
        double[] depthByIteration,
        int[] finalDepths,
        Provenance provenance,
        double bestMemberAccuracy,
        double ece,
        double nll,
        double eceScaled) {
    /** @return the final ensemble's test accuracy, NaN for a run of a task without it (regression) */
    public double testAccuracy() {
        return score.isProportion() ? testScore : Double.NaN;
    }

    /** @return the final members' mean depth, NaN when unknown */
    public double meanDepth() {
        return finalDepths.length == 0
                ? Double.NaN
                : java.util.Arrays.stream(finalDepths).average().orElse(Double.NaN);
    }

    /** @return the final members' greatest depth, 0 when unknown */
    public int maxDepth() {
        return java.util.Arrays.stream(finalDepths).max().orElse(0);
    }

    /** @return the final ensemble's diversity (mean pairwise disagreement on the test data), NaN for one member */
    public double finalDiversity() {
        return diversityByIteration.length == 0 ? Double.NaN : diversityByIteration[diversityByIteration.length - 1];
    }

    private static double mean(List<Integer> depths) {
        return depths == null || depths.isEmpty()
                ? Double.NaN
                : depths.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
    }

    /**
     * @param r a finished search
     * @return its figures
     */
    public static RunSummary of(SearchResult r) {
        List<IterationRecord> its = r.iterations();
        org.saepj.ensemble.CalibrationReport c = r.metrics().calibration();
        return new RunSummary(
                Score.of(r.dataset().learned()),
                r.metrics().headline(),
                r.metrics().ensembleSize(),
                r.metrics().parameters(),
                r.timing().totalSeconds(),
                r.timing().trainSeconds(),
                its.stream().mapToDouble(IterationRecord::headline).toArray(),
                its.stream().mapToDouble(IterationRecord::ensembleSize).toArray(),
                its.stream().mapToDouble(i -> i.diversity().disagreement()).toArray(),
                its.stream().mapToDouble(i -> mean(i.memberDepths())).toArray(),
                finalDepths(its, r.bags()),
                r.provenance(),
                best(r.metrics().memberTestAccuracies()),
                c == null ? Double.NaN : c.ece(),
                c == null ? Double.NaN : c.nll(),
                c == null || c.eceScaled() == null ? Double.NaN : c.eceScaled());
    }

    /**
     * The final members' depths as the records give them: the last iteration's members; for a bagged search, whose last
     * record is its last bag's, each bag's members at the iteration it contributed, in the union's order. {@link #read}
     * reads a report.json by the same rule, so a run's figures are the same from memory and from its file.
     */
    private static int[] finalDepths(List<IterationRecord> its, List<BagRecord> bags) {
        List<IterationRecord> finals = bags == null
                ? List.of(its.get(its.size() - 1))
                : bags.stream()
                        .map(b -> its.stream()
                                .filter(it -> it.bag() == b.bag() && it.iteration() == b.finalIteration())
                                .findFirst()
                                .orElseThrow())
                        .toList();
        return finals.stream()
                .flatMap(it -> it.memberDepths().stream())
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /**
     * The final members' depths from a report.json's iterations, by {@link #finalDepths(List, List)}'s rule.
     *
     * @param its the report's iterations
     * @param bags the report's bags, missing for one search
     */
    private static int[] finalDepths(JsonNode its, JsonNode bags) {
        List<JsonNode> finals = new ArrayList<>();
        if (bags.isArray() && !bags.isEmpty()) {
            for (JsonNode b : bags) {
                for (JsonNode it : its) {
                    if (it.path("bag").asInt() == b.path("bag").asInt()
                            && it.path("iteration").asInt()
                                    == b.path("finalIteration").asInt()) {
                        finals.add(it);
                        break;
                    }
                }
            }
        } else {
            finals.add(its.get(its.size() - 1));
        }
        return finals.stream()
                .flatMap(it -> StreamSupport.stream(it.path("memberDepths").spliterator(), false))
                .mapToInt(JsonNode::asInt)
                .toArray();
    }

    /** @return the greatest of the members' own accuracies, NaN when there are none */
    private static double best(double[] accuracies) {
        return accuracies == null ? Double.NaN : Arrays.stream(accuracies).max().orElse(Double.NaN);
    }

    /**
     * @param file a finished run's report.json
     * @return its figures
     * @throws SaepException naming the file and what is missing, when it is not a complete report
     */
    public static RunSummary read(Path file) {
        JsonNode n;
        try {
            n = RunReport.CHAIN.read(
                    file, JsonFormat.mapper().readTree(InputFiles.readAll(file, "a finished run's report")));
        } catch (IOException e) {
            throw new FileException(
                    file + ": cannot read a finished run's report: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    e);
        }
        require(file, n != null && n.isObject(), "not a JSON object");
        // a regression run has no accuracy (null): its figures are final.regression's
        boolean regression = n.at("/final/regression").isObject();
        require(
                file,
                regression
                        || n.at("/final/testAccuracy").isNumber()
                                && n.at("/final/testAccuracy").asDouble() >= 0
                                && n.at("/final/testAccuracy").asDouble() <= 1,
                "final.testAccuracy must be a number in [0, 1]");
        require(
                file,
                n.at("/final/ensembleSize").isIntegralNumber()
                        && n.at("/final/ensembleSize").asInt() >= 1,
                "final.ensembleSize must be a whole number ≥ 1");
        require(file, n.at("/final/parameters").isIntegralNumber(), "final.parameters must be a whole number");
        require(file, n.at("/timing/totalSeconds").isNumber(), "timing.totalSeconds must be a number");
        require(
                file,
                n.path("iterations").isArray() && !n.path("iterations").isEmpty(),
                "iterations must be a non-empty list");
        require(file, n.path("provenance").isObject(), "provenance is missing");
        JsonNode its = n.get("iterations");
        double[] acc = new double[its.size()];
        double[] size = new double[its.size()];
        double[] div = new double[its.size()];
        double[] depth = new double[its.size()];
        for (int i = 0; i < its.size(); i++) {
            acc[i] = regression
                    ? its.get(i).at("/regression/rmse").asDouble(Double.NaN)
                    : its.get(i).path("testAccuracy").asDouble(Double.NaN);
            size[i] = its.get(i).path("ensembleSize").asDouble();
            div[i] = its.get(i).at("/diversity/disagreement").asDouble(Double.NaN);
            JsonNode depths = its.get(i).path("memberDepths");
            depth[i] = depths.isEmpty()
                    ? Double.NaN
                    : StreamSupport.stream(depths.spliterator(), false)
                            .mapToInt(JsonNode::asInt)
                            .average()
                            .orElse(Double.NaN);
        }
        int[] finalDepths = finalDepths(its, n.path("bags"));
        JsonNode own = n.at("/final/memberTestAccuracies");
        JsonNode p = n.get("provenance");
        Provenance provenance = new Provenance(
                p.path("version").asText(),
                p.path("gitCommit").asText(),
                p.path("java").asText(),
                p.path("engine").asText(),
                p.path("executor").asText(),
                p.path("threads").isInt() ? p.get("threads").asInt() : null,
                p.path("startedAt").asText());
        Score score = Score.of(Tasks.of(n.at("/dataset/task").asText(ClassificationTask.ID)));
        return new RunSummary(
                score,
                regression
                        ? n.at("/final/regression/rmse").asDouble()
                        : n.at("/final/testAccuracy").asDouble(),
                n.at("/final/ensembleSize").asInt(),
                n.at("/final/parameters").asLong(),
                n.at("/timing/totalSeconds").asDouble(),
                n.at("/timing/trainSeconds").asDouble(),
                acc,
                size,
                div,
                depth,
                finalDepths,
                provenance,
                best(own.isArray() ? doubles(own) : null),
                n.at("/final/calibration/ece").asDouble(Double.NaN),
                n.at("/final/calibration/nll").asDouble(Double.NaN),
                n.at("/final/calibration/eceScaled").asDouble(Double.NaN));
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble(Double.NaN);
        }
        return out;
    }

    private static void require(Path file, boolean ok, String what) {
        if (!ok) {
            throw new FileException(
                    file + ": not a complete run report (" + what + "): delete it to run that search again");
        }
    }
}
