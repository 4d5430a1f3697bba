package org.saepj.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sentence per word the shipped criteria use in their decision details ({@code relevance}, {@code startPosition},
 * {@code greedyScores}, …), so a report explains the numbers it shows. A plug-in criterion's own words have no
 * sentence here and are shown as they are.
 */
public final class DetailGlossary {
    /** The sentences by detail name, in the order a report lists them. */
    private static final Map<String, String> SENTENCES = java.util.Collections.unmodifiableMap(sentences());

    private DetailGlossary() {}

    private static Map<String, String> sentences() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(
                "considered",
                "false when the ensemble had fewer than three members at the start of the iteration: the"
                        + " criterion did not decide.");
        m.put(
                "draw",
                "PRS's random number in [0, 1): at 0.5 or above nothing is removed, below 0.5 one member drawn at"
                        + " random is (removedPosition).");
        m.put("removedPosition", "the member PRS removed, shown as its id (−1: none).");
        m.put(
                "ensembleError",
                "the error of the members' weighted plurality vote on the selection data (the training"
                        + " data unless --selection holdout:F).");
        m.put(
                "leaveOneOutErrors",
                "for each member in order, the vote's error without it; PAP removes a member whose"
                        + " value is below ensembleError (the vote is better without it), never leaving fewer"
                        + " than two.");
        m.put(
                "alpha",
                "PIE's trade-off α between diversity (1: members that predict differently, by the variation of"
                        + " information between their predictions) and relevance (0: members whose predictions"
                        + " tell much about the labels, by normalised mutual information).");
        m.put("keep", "how many members the criterion keeps (its target size).");
        m.put("startPosition", "the member PIE's greedy choice started from, drawn at random; it is always kept.");
        m.put(
                "keptOrder",
                "the kept members in the order the criterion chose them; the members not listed were" + " pruned.");
        m.put(
                "greedyScores",
                "for each member of keptOrder, its summed TDAC score against the members chosen before it"
                        + " (α·diversity + (1 − α)·relevance per pair; higher is better); – for the first, which"
                        + " has none.");
        m.put(
                "memberErrors",
                "each member's own error on the selection data (regression: the mean squared error of its"
                        + " standardised outputs); TopK keeps the lowest.");
        m.put(
                "voteErrors",
                "the error of the vote of the members chosen so far, after each addition (regression: the mean"
                        + " squared error of their weighted average).");
        m.put(
                "pairKappas",
                "for each pair of members ((0,1), (0,2), …, (1,2), …) their agreement beyond chance (κ);"
                        + " the least agreeing pairs are kept first.");
        m.put(
                "complementarity",
                "for each addition, the samples the added member gets right where the vote of those"
                        + " chosen before it is wrong.");
        m.put(
                "distances",
                "for each addition, how far the chosen members' signature vector is from MDM's target point"
                        + " (smaller is better).");
        m.put(
                "angles",
                "each member's angle in radians to OO's reference direction; below π/2 ≈ 1.571 the member"
                        + " helps and is ordered first.");
        m.put(
                "contributions",
                "each member's individual contribution (EPIC): higher is more useful; the highest are" + " kept.");
        m.put(
                "candidates",
                "for each addition, how many of the members most unlike the vote so far DREP let compete"
                        + " (⌈ρ·U⌉).");
        m.put("rounds", "how many rounds ensemble selection ran.");
        m.put("picks", "the member picked in each round (with replacement: one member may be picked several times).");
        m.put(
                "selectionWeights",
                "how often each member was picked, as a fraction of the rounds; members never" + " picked leave.");
        return m;
    }

    /**
     * @param name a detail's name
     * @return its sentence, or null for a word of a criterion this build does not know
     */
    public static String sentence(String name) {
        return SENTENCES.get(name);
    }

    /**
     * @param names the detail names a report shows
     * @return "name: sentence" for each that has one, in the glossary's order, each once
     */
    public static List<String> explain(Collection<String> names) {
        List<String> out = new ArrayList<>();
        SENTENCES.forEach((name, sentence) -> {
            if (names.contains(name)) {
                out.add(name + ": " + sentence);
            }
        });
        return out;
    }
}
