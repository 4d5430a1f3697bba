package org.saepj.pruning;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** {@code topk}: members ordered by their own error, ascending (ties to the lowest index); the first K stay. */
public final class TopK extends OrderingCriterion {
    /** The id. */
    public static final String ID = "topk";

    /** Makes {@code topk} known. */
    public static final class Provider extends SimpleCriterionProvider {
        /** The provider. */
        public Provider() {
            super(
                    ID,
                    "ordering by individual accuracy: the K most accurate members stay",
                    List.of(KEEP),
                    values -> new TopK(values.get(KEEP.name())));
        }
    }

    TopK(double keep) {
        super(ID, keep);
    }

    /** For values, e_m is the member's mean squared error (docs/PRUNING.md). */
    @Override
    public boolean appliesToValues() {
        return true;
    }

    @Override
    List<Integer> order(Votes votes, int k, DecisionDetails.Builder details) {
        double[] e =
                IntStream.range(0, votes.members()).mapToDouble(votes::error).toArray();
        details.put("memberErrors", e);
        return IntStream.range(0, votes.members())
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(m -> e[m]).thenComparingInt(m -> m))
                .limit(k)
                .toList();
    }
}
