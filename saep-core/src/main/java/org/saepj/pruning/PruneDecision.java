package org.saepj.pruning;

import java.util.List;

/**
 * A pruning decision: which members leave (indices into the {@link PruningInput}) and the criterion's numbers
 * behind it (spec §9).
 *
 * @param criterion the deciding criterion's name ("keep-all" for plain AdaNet, else its id)
 * @param removed the indices removed, in the order they were chosen
 * @param details the numbers behind the decision
 */
public record PruneDecision(String criterion, List<Integer> removed, DecisionDetails details) {
    /**
     * @param criterion the criterion's name
     * @return a decision that removes nothing and considered nothing
     */
    public static PruneDecision nothing(String criterion) {
        return new PruneDecision(criterion, List.of(), DecisionDetails.none());
    }
}
