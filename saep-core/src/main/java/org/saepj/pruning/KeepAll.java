package org.saepj.pruning;

import java.util.SplittableRandom;

/** Plain AdaNet ({@code adanet}): nothing is ever pruned. */
public final class KeepAll implements PruningCriterion {
    /** The id. */
    public static final String ID = "adanet";

    /** Makes {@code adanet} known. */
    public static final class Provider extends SimpleCriterionProvider {
        /** For ServiceLoader. */
        public Provider() {
            super(ID, "AdaNet: keep every member", java.util.List.of(), values -> new KeepAll());
        }
    }

    @Override
    public String id() {
        return ID;
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
