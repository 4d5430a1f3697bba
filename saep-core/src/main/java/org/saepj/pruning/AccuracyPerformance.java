package org.saepj.pruning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * PAP: member j is harmful when the ensemble without it errs less ({@code e₋ⱼ < e}). Harmful members leave,
 * most harmful first (largest {@code e − e₋ⱼ}, ties to the lowest index), never below two members. This
 * follows the paper's stated intent; the released code kept the harmful ones (spec §10.2).
 */
public final class AccuracyPerformance implements PruningCriterion {
    /** The id. */
    public static final String ID = "pap";

    /** Makes {@code pap} known. */
    public static final class Provider extends SimpleCriterionProvider {
        /** For ServiceLoader. */
        public Provider() {
            super(
                    ID,
                    "SAEP accuracy: members whose removal lowers the error leave",
                    List.of(),
                    values -> new AccuracyPerformance());
        }
    }

    @Override
    public String id() {
        return ID;
    }

    /** For values, the error is the squared error of the members' weighted average (docs/PRUNING.md). */
    @Override
    public boolean appliesToValues() {
        return true;
    }

    @Override
    public PruneDecision decide(PruningInput input, SplittableRandom rng) {
        int n = input.members();
        if (n < MIN_MEMBERS) {
            return PruneDecision.nothing(ID);
        }
        double error = input.ensembleError(-1);
        double[] without = new double[n];
        List<Integer> harmful = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            without[j] = input.ensembleError(j);
            if (without[j] < error) {
                harmful.add(j);
            }
        }
        harmful.sort(Comparator.<Integer>comparingDouble(j -> without[j]).thenComparingInt(j -> j));
        List<Integer> removed = harmful.subList(0, Math.min(harmful.size(), n - 2));
        return new PruneDecision(
                ID,
                List.copyOf(removed),
                DecisionDetails.builder()
                        .put("ensembleError", error)
                        .put("leaveOneOutErrors", without)
                        .build());
    }
}
