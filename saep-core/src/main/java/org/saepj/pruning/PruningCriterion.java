package org.saepj.pruning;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * A pruning criterion, with its parameters fixed: decides which members leave an ensemble. A criterion is a
 * plug-in: its {@link CriterionProvider} makes it known by id to the search, the command line, the reports
 * and {@code saep prune}. Implementations never prune an ensemble of fewer than {@link #MIN_MEMBERS} members
 * (spec §6).
 */
public interface PruningCriterion {
    /** Ensembles smaller than this are never pruned. */
    int MIN_MEMBERS = 3;

    /** @return the id it was created under ("pie") */
    String id();

    /** @return the parameters it was created with, by name (PIE: {@code alpha}); none by default */
    default Map<String, Double> parameters() {
        return Map.of();
    }

    /** @return false for a criterion that never removes anything (plain AdaNet), so the search skips the decision */
    default boolean prunes() {
        return true;
    }

    /**
     * @return whether the criterion also decides on members that predict values ({@link PruningInput#hasValues()}, a
     *     regression search); one that reads only predicted classes is refused by a regression search
     */
    default boolean appliesToValues() {
        return false;
    }

    /**
     * Decides which members leave.
     *
     * @param input the members' predicted labels, the true labels and the weights
     * @param rng the seeded random source for criteria that draw (PRS, PIE's start)
     * @return the decision, with the numbers behind it
     */
    PruneDecision decide(PruningInput input, SplittableRandom rng);
}
