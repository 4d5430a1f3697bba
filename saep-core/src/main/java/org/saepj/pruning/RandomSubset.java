package org.saepj.pruning;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code rnd}: K members drawn uniformly at random stay (a partial Fisher–Yates shuffle of the indices with the
 * decision's seeded draw). Not a method of the literature but the baseline a criterion must beat at the size it keeps:
 * PRS removes at most one member an iteration and so cannot be compared at small sizes. K is {@code keep}; 0 keeps
 * n − 1.
 */
public final class RandomSubset implements PruningCriterion {
    /** The id. */
    public static final String ID = "rnd";

    private final int keep;

    /** Makes {@code rnd} known. */
    public static final class Provider extends SimpleCriterionProvider {
        /** The provider. */
        public Provider() {
            super(
                    ID,
                    "random subset: K members drawn at random stay (the baseline at a target size)",
                    List.of(OrderingCriterion.KEEP),
                    values -> new RandomSubset(OrderingCriterion.wholeKeep(values.get(OrderingCriterion.KEEP.name()))));
        }
    }

    /**
     * @param keep K; 0 keeps n − 1
     */
    public RandomSubset(int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must be at least 0, got " + keep);
        }
        this.keep = keep;
    }

    @Override
    public String id() {
        return ID;
    }

    /** The draw does not look at the samples. */
    @Override
    public boolean appliesToValues() {
        return true;
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of(OrderingCriterion.KEEP.name(), (double) keep);
    }

    @Override
    public PruneDecision decide(PruningInput input, SplittableRandom rng) {
        int n = input.members();
        if (n < MIN_MEMBERS) {
            return PruneDecision.nothing(ID);
        }
        int k = keep == 0 ? n - 1 : Math.min(keep, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] kept = java.util.Arrays.copyOf(order, k);
        // The shuffle's tail, in index order as every criterion lists what it removes.
        List<Integer> removed =
                java.util.Arrays.stream(order, k, n).sorted().boxed().toList();
        return new PruneDecision(
                ID,
                removed,
                DecisionDetails.builder().put("keep", k).put("keptOrder", kept).build());
    }
}
