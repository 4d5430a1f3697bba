package org.saepj.pruning;

import java.util.Map;
import java.util.SplittableRandom;

/** Plain AdaNet ({@code adanet}): nothing is ever pruned. */
public final class KeepAll implements PruningCriterion {
    /** The id. */
    public static final String ID = "adanet";

    /** Makes {@code adanet} known. */
    public static final class Provider implements CriterionProvider {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public String summary() {
            return "AdaNet: keep every member";
        }

        @Override
        public PruningCriterion create(Map<String, Double> values) {
            return new KeepAll();
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of();
    }

    @Override
    public boolean prunes() {
        return false;
    }

    @Override
    public PruneDecision decide(PruningInput input, SplittableRandom rng) {
        return PruneDecision.nothing("keep-all");
    }
}
