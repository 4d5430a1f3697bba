package org.saepj.pruning;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A pruning decision: which members leave (indices into the {@link PruningInput}) and the criterion's numbers
 * behind it (spec §9).
 *
 * @param criterion "keep-all", "prs", "pap" or "pie"
 * @param removed the indices removed, in the order they were chosen
 * @param details the numbers behind the decision
 */
public record PruneDecision(String criterion, List<Integer> removed, Details details) {
    /** The numbers behind a decision, one record type per criterion (typed in JSON so checkpoints restore them). */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = None.class, name = "none"), @JsonSubTypes.Type(value = Random.class, name = "random"),
        @JsonSubTypes.Type(value = Accuracy.class, name = "accuracy"), @JsonSubTypes.Type(value = Entropy.class, name = "entropy")})
    public sealed interface Details permits None, Random, Accuracy, Entropy {
    }

    /** Nothing was considered (keep-all, or fewer than three members). */
    public record None() implements Details {
    }

    /**
     * PRS: the draw in [0, 1) that decided whether to remove (below ½ removes) and the member picked.
     *
     * @param draw the uniform draw
     * @param picked the member removed, or -1
     */
    public record Random(double draw, int picked) implements Details {
    }

    /**
     * PAP: the ensemble error and each leave-one-out error on the decision data.
     *
     * @param error e
     * @param leaveOneOutErrors e₋ⱼ for each member j
     */
    public record Accuracy(double error, double[] leaveOneOutErrors) implements Details {
    }

    /**
     * PIE: the start member, α, the members in the order they were kept and the greedy score of each
     * addition (the first, the start, has no score: NaN).
     *
     * @param start the randomly drawn first member
     * @param alpha the trade-off
     * @param keptOrder the kept members in order of selection
     * @param scores Σ TDAC of each added member against those kept before it
     */
    public record Entropy(int start, double alpha, int[] keptOrder, double[] scores) implements Details {
    }
}
