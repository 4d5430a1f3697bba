package org.saepj.pruning;

import java.util.List;
import java.util.SplittableRandom;

/** Plain AdaNet: nothing is ever pruned. */
public final class KeepAll implements Pruner {
    @Override
    public PruneDecision decide(PruningInput input, SplittableRandom rng) {
        return new PruneDecision(name(), List.of(), new PruneDecision.None());
    }

    @Override
    public String name() {
        return "keep-all";
    }
}
