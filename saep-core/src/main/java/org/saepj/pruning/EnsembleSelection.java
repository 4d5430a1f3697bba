package org.saepj.pruning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code es}: forward selection with replacement (Caruana, Niculescu-Mizil, Crew &amp; Ksikes, ICML 2004, "Ensemble
 * selection from libraries of models"). Counts w start at 0; each of R rounds adds one to the member m* that
 * minimises the error of the vote weighted by w + 1_m (ties to the lowest index). The members with w &gt; 0 stay,
 * weighted w/Σw (recorded in the details; the search's mixture setting still weighs the kept members); its size is
 * not fixed. R is the parameter {@code rounds}; 0, the default, runs as many rounds as the ensemble has members.
 */
public final class EnsembleSelection implements PruningCriterion {
    /** The id. */
    public static final String ID = "es";
    /** R: the rounds of selection. */
    public static final CriterionParameter ROUNDS = new CriterionParameter(
            "rounds", 0, 0, 100_000, "selection rounds (0: as many as the ensemble has members)");

    private final int rounds;

    /** Makes {@code es} known. */
    public static final class Provider extends SimpleCriterionProvider {
        /** The provider. */
        public Provider() {
            super(
                    ID,
                    "Caruana's ensemble selection: forward selection with replacement; members never picked leave",
                    List.of(ROUNDS),
                    values -> new EnsembleSelection(values.get(ROUNDS.name())));
        }
    }

    /**
     * @param rounds R, a whole number; 0 runs one round per member
     */
    public EnsembleSelection(double rounds) {
        if (rounds != Math.rint(rounds) || rounds < 0) {
            throw new IllegalArgumentException("rounds must be a whole number ≥ 0, got " + rounds);
        }
        this.rounds = (int) rounds;
    }

    @Override
    public String id() {
        return ID;
    }

    /** For values, the error is the mean squared error of the average weighted by w (Caruana's RMSE form). */
    @Override
    public boolean appliesToValues() {
        return true;
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of(ROUNDS.name(), (double) rounds);
    }

    @Override
    public PruneDecision decide(PruningInput input, SplittableRandom rng) {
        int n = input.members();
        if (n < MIN_MEMBERS) {
            return PruneDecision.nothing(ID);
        }
        int r = rounds == 0 ? n : rounds;
        double[] w = new double[n];
        int[] picks = new int[r];
        double[] errors = new double[r];
        for (int round = 0; round < r; round++) {
            int best = -1;
            double bestError = Double.POSITIVE_INFINITY;
            for (int m = 0; m < n; m++) {
                w[m] += 1;
                double e = input.errorWith(w);
                w[m] -= 1; // whole counts: exactly undone
                if (e < bestError) {
                    best = m;
                    bestError = e;
                }
            }
            w[best] += 1;
            picks[round] = best;
            errors[round] = bestError;
        }
        List<Integer> removed = new ArrayList<>();
        double[] weights = new double[n];
        for (int m = 0; m < n; m++) {
            weights[m] = w[m] / r;
            if (w[m] == 0) {
                removed.add(m);
            }
        }
        return new PruneDecision(
                ID,
                List.copyOf(removed),
                DecisionDetails.builder()
                        .put("rounds", r)
                        .put("picks", picks)
                        .put("voteErrors", errors)
                        .put("selectionWeights", weights)
                        .build());
    }
}
