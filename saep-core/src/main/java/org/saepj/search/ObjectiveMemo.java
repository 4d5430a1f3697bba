package org.saepj.search;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.saepj.ensemble.Member;

/**
 * The objective of the ensemble an iteration chose, kept for the next iteration's "keep" option.
 *
 * <p>Without pruning, an iteration's first option is the ensemble the previous iteration chose, with the same members
 * and, under the uniform mixture, the same weights; its objective is a pure function of those members' stored outputs,
 * their weights and complexities and the run's fixed scoring data, so the value computed one iteration earlier is the
 * value scoring it again would give, to the bit. Scoring it again cost a full pass of the loss over the scoring rows
 * (all training rows in the paper's setting) each iteration. Learned weights are fitted on each iteration's batches
 * and seldom repeat, so under that mixture the memo rarely answers, and is right when it does. Written only between
 * iterations; options read it while they are scored in parallel.
 */
final class ObjectiveMemo {
    private List<Integer> memberIds = List.of();
    private double[] weights = new double[0];
    private double value = Double.NaN;
    private boolean held;

    /**
     * Remembers the chosen option's objective.
     *
     * @param members its members
     * @param optionWeights its mixture weights
     * @param objective its objective
     */
    void remember(List<Member> members, double[] optionWeights, double objective) {
        memberIds = ids(members);
        weights = optionWeights.clone();
        value = objective;
        held = true;
    }

    /**
     * @param members an option's members
     * @param optionWeights its mixture weights
     * @return the remembered objective when the members (by id, in order) and the weights are the remembered ones
     */
    OptionalDouble lookup(List<Member> members, double[] optionWeights) {
        return held && Arrays.equals(weights, optionWeights) && memberIds.equals(ids(members))
                ? OptionalDouble.of(value)
                : OptionalDouble.empty();
    }

    private static List<Integer> ids(List<Member> members) {
        return members.stream().map(Member::id).toList();
    }
}
