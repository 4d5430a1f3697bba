package org.saepj.pruning;

import java.util.SplittableRandom;

/**
 * A pruning criterion. Implementations never prune an ensemble of fewer than three members (spec §6).
 */
public interface Pruner {
    /** Ensembles smaller than this are never pruned. */
    int MIN_MEMBERS = 3;

    /**
     * Decides which members leave.
     *
     * @param input the members' predicted labels, the true labels and the weights
     * @param rng the seeded random source for criteria that draw (PRS, PIE's start)
     * @return the decision
     */
    PruneDecision decide(PruningInput input, SplittableRandom rng);

    /** @return the criterion's short name */
    String name();
}
