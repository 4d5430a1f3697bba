package org.saepj.pruning;

import java.util.List;
import java.util.SplittableRandom;

/** PRS: with probability ½ one member chosen uniformly at random leaves; otherwise none. */
public final class RandomSelection implements PruningCriterion {
    /** The id. */
    public static final String ID = "prs";

    /** Makes {@code prs} known. */
    public static final class Provider extends SimpleCriterionProvider {
        /** For ServiceLoader. */
        public Provider() {
            super(
                    ID,
                    "SAEP random: with probability 1/2 a random member leaves",
                    List.of(),
                    values -> new RandomSelection());
        }
    }

    @Override
    public String id() {
        return ID;
    }

    /** PRS draws without looking at the samples. */
    @Override
    public boolean appliesToValues() {
        return true;
    }

    @Override
    public PruneDecision decide(PruningInput input, SplittableRandom rng) {
        if (input.members() < MIN_MEMBERS) {
            return PruneDecision.nothing(ID);
        }
        double draw = rng.nextDouble();
        int picked = draw >= 0.5 ? -1 : rng.nextInt(input.members());
        DecisionDetails details = DecisionDetails.builder()
                .put("draw", draw)
                .put("removedPosition", picked)
                .build();
        return new PruneDecision(ID, picked < 0 ? List.of() : List.of(picked), details);
    }
}
