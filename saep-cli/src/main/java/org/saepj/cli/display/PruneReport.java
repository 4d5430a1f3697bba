package org.saepj.cli.display;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.saepj.diversity.Diversity;
import org.saepj.information.InformationTheory;
import org.saepj.pruning.CriterionSpec;
import org.saepj.pruning.PruneDecision;
import org.saepj.pruning.PruningCriterion;
import org.saepj.pruning.PruningInput;

/**
 * What {@code saep prune} shows of one decision: the members kept and pruned (indices, and names where the members
 * have them), the criterion's numbers, the plurality vote's accuracy before and after pruning on the decision data
 * and on held-out data, and the members' information and diversity. As text for people or one JSON object; a number
 * that does not exist is {@code null} there, never NaN.
 *
 * @param criterion the deciding criterion
 * @param decision its decision
 * @param input the decision data
 * @param heldOut held-out predictions and labels, or null
 * @param heldOutRows what the held-out rows are, for people, or null
 * @param memberNames each member's name, or null when the members have none
 * @param classes the class names in class order, or null
 */
public record PruneReport(
        PruningCriterion criterion,
        PruneDecision decision,
        PruningInput input,
        PruningInput heldOut,
        String heldOutRows,
        List<String> memberNames,
        List<String> classes) {
    /** @return the kept members' indices */
    public List<Integer> kept() {
        return IntStream.range(0, input.members())
                .filter(j -> !decision.removed().contains(j))
                .boxed()
                .toList();
    }

    private static double accuracy(PruningInput in, java.util.function.IntPredicate members) {
        return 1 - in.voteError(members);
    }

    /** @return the samples decided on: labels, or a regression's targets */
    private static int samples(PruningInput in) {
        return in.hasValues() ? in.targets().length : in.labels().length;
    }

    /** @param out where the JSON object goes */
    public void printJson(PrintWriter out) {
        ObjectNode root = Json.object();
        List<Integer> kept = kept();
        ArrayNode k = root.putArray("kept");
        kept.forEach(k::add);
        ArrayNode p = root.putArray("pruned");
        decision.removed().forEach(p::add);
        if (decision.details().values().get("startPosition") instanceof Integer start) {
            root.put("start", start);
        }
        if (memberNames != null) {
            root.set("memberNames", Json.MAPPER.valueToTree(memberNames));
            root.set(
                    "keptNames",
                    Json.MAPPER.valueToTree(kept.stream().map(memberNames::get).toList()));
            root.set(
                    "prunedNames",
                    Json.MAPPER.valueToTree(
                            decision.removed().stream().map(memberNames::get).toList()));
        }
        if (classes != null) {
            root.set("classes", Json.MAPPER.valueToTree(classes));
        }
        root.put("samples", samples(input));
        // a regression's members are judged by the squared error of their weighted average (standardised units)
        String figure = input.hasValues() ? "MeanSquaredError" : "VoteAccuracy";
        root.set(input.hasValues() ? "meanSquaredError" : "voteAccuracy", beforeAfter(input));
        if (heldOut != null) {
            ObjectNode h = beforeAfter(heldOut);
            h.put("samples", samples(heldOut));
            if (heldOutRows != null) {
                h.put("rows", heldOutRows);
            }
            root.set("heldOut" + figure, h);
        }
        root.set("decision", Json.MAPPER.valueToTree(decision));
        if (input.hasValues()) {
            out.print(Json.pretty(root));
            return;
        }
        root.set("nmiWithLabels", Json.array(InformationTheory.nmiWithLabels(input.predictions(), input.labels())));
        root.set("viMatrix", Json.matrix(InformationTheory.viMatrix(input.predictions())));
        ObjectNode dv = Json.diversity(Diversity.of(input.predictions(), input.labels()));
        dv.remove("pairs");
        root.set("diversity", dv);
        out.print(Json.pretty(root));
    }

    private ObjectNode beforeAfter(PruningInput in) {
        ObjectNode n = Json.object();
        Json.put(n, "before", figure(in, j -> true));
        Json.put(n, "after", figure(in, j -> !decision.removed().contains(j)));
        return n;
    }

    /** @return the vote's accuracy, or a regression's mean squared error, of some members */
    private static double figure(PruningInput in, java.util.function.IntPredicate members) {
        return in.hasValues() ? in.subsetError(members) : accuracy(in, members);
    }

    /** @param out where the text goes */
    public void printText(PrintWriter out) {
        int n = input.members();
        out.printf(
                "members  %d, samples %d, criterion %s%s%n",
                n,
                samples(input),
                CriterionSpec.of(criterion.id(), criterion.parameters()),
                n < PruningCriterion.MIN_MEMBERS ? " (fewer than 3 members are never pruned)" : "");
        if (classes != null) {
            out.println("classes  " + String.join(", ", classes));
        }
        IntFunction<String> name = j -> memberNames == null ? String.valueOf(j) : j + " (" + memberNames.get(j) + ")";
        out.println(
                "kept     " + String.join(", ", kept().stream().map(name::apply).toList()));
        out.println("pruned   "
                + (decision.removed().isEmpty()
                        ? "none"
                        : String.join(
                                ", ",
                                decision.removed().stream().map(name::apply).toList())));
        out.println("details  " + decision.details());
        String figure = input.hasValues() ? "mean squared error (standardised)" : "vote accuracy";
        out.printf(
                "%s on the decision data: %.4f before, %.4f after%n",
                figure,
                figure(input, j -> true),
                figure(input, j -> !decision.removed().contains(j)));
        if (heldOut != null) {
            out.printf(
                    "%s held out%s: %.4f before, %.4f after%n",
                    figure,
                    heldOutRows == null ? "" : " (" + heldOutRows + ")",
                    figure(heldOut, j -> true),
                    figure(heldOut, j -> !decision.removed().contains(j)));
        }
        if (input.hasValues()) {
            return; // mutual information, variation of information and disagreement are measures of classes
        }
        out.println("MI with labels (normalised) "
                + Arrays.toString(InformationTheory.nmiWithLabels(input.predictions(), input.labels())));
        out.println("VI matrix (normalised):");
        for (double[] row : InformationTheory.viMatrix(input.predictions())) {
            StringBuilder sb = new StringBuilder("  ");
            for (double v : row) {
                sb.append(String.format(Locale.ROOT, "%8.5f", v));
            }
            out.println(sb);
        }
        Diversity div = Diversity.of(input.predictions(), input.labels());
        out.printf(
                "diversity: disagreement %.6f, with labels %.6f, Q %.6f, kappa %.6f, double fault %.6f%n",
                div.disagreement(), div.disagreementWithLabels(), div.qStatistic(), div.kappa(), div.doubleFault());
    }
}
