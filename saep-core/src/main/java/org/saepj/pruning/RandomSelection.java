package org.saepj.pruning;

import java.util.List;
import java.util.SplittableRandom;

/** PRS: with probability ½ one member chosen uniformly at random leaves; otherwise none. */
public final class RandomSelection implements Pruner {
    @Override
    public PruneDecision decide(PruningInput input, SplittableRandom rng) {
        if (input.members() < MIN_MEMBERS) {
            return new PruneDecision(name(), List.of(), new PruneDecision.None());
        }
        double draw = rng.nextDouble();
        if (draw >= 0.5) {
            return new PruneDecision(name(), List.of(), new PruneDecision.Random(draw, -1));
        }
        int picked = rng.nextInt(input.members());
        return new PruneDecision(name(), List.of(picked), new PruneDecision.Random(draw, picked));
    }

    @Override
    public String name() {
        return "prs";
    }
}
