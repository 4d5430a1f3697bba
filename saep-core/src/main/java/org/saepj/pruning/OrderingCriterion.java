package org.saepj.pruning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A criterion that orders (or greedily picks) members and keeps the first K: the ensemble-pruning literature's
 * standard methods, defined exactly in docs/PRUNING.md. K is the parameter {@code keep}; 0, the default, keeps
 * n − 1 of n members as PIE does in the search (or the size a method decides itself). Decides on three or more
 * members (spec §6). Ties between members go to the lowest index everywhere.
 */
abstract class OrderingCriterion implements PruningCriterion {
    /** K: the members to keep; 0 keeps n − 1. */
    static final CriterionParameter KEEP =
            new CriterionParameter("keep", 0, 0, 1_000_000, "members to keep (0: one fewer than the ensemble has)");

    private final String id;
    private final int keep;
    private final Map<String, Double> others;

    OrderingCriterion(String id, double keep) {
        this(id, keep, Map.of());
    }

    /**
     * @param id the criterion's id
     * @param keep K, a whole number; 0 keeps n − 1
     * @param others the method's own parameters, for {@link #parameters()}
     */
    OrderingCriterion(String id, double keep, Map<String, Double> others) {
        this.id = id;
        this.keep = wholeKeep(keep);
        this.others = Map.copyOf(others);
    }

    /** @return K as a whole number; a fraction is refused, naming the parameter */
    static int wholeKeep(double keep) {
        if (keep != Math.rint(keep)) {
            throw new IllegalArgumentException("keep must be a whole number, got " + keep);
        }
        return (int) keep;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Map<String, Double> parameters() {
        Map<String, Double> all = new java.util.TreeMap<>(others);
        all.put(KEEP.name(), (double) keep);
        return Map.copyOf(all);
    }

    @Override
    public final PruneDecision decide(PruningInput input, SplittableRandom rng) {
        int n = input.members();
        if (n < MIN_MEMBERS) {
            return PruneDecision.nothing(id);
        }
        Votes votes = new Votes(input);
        int k = keep == 0 ? ownSize(votes) : Math.min(keep, n);
        DecisionDetails.Builder details = DecisionDetails.builder().put("keep", k);
        List<Integer> order = order(votes, k, details);
        List<Integer> removed = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            if (!order.contains(m)) {
                removed.add(m);
            }
        }
        return new PruneDecision(
                id,
                List.copyOf(removed),
                details.put(
                                "keptOrder",
                                order.stream().mapToInt(Integer::intValue).toArray())
                        .build());
    }

    /**
     * @param votes the decision data
     * @return how many members to keep when {@code keep} is 0: n − 1, unless the method decides its own size
     */
    int ownSize(Votes votes) {
        return votes.members() - 1;
    }

    /**
     * @param votes the members' predictions and the vote over any subset
     * @param k how many to keep, 1 ≤ k ≤ n
     * @param details where the method records its numbers
     * @return the k kept members, in the order the method chose them
     */
    abstract List<Integer> order(Votes votes, int k, DecisionDetails.Builder details);

    /**
     * The decision data as every method needs it: predictions, labels, weights and the weighted plurality vote; for a
     * regression input the errors are mean squared errors of the members' values and of their weighted average.
     */
    static final class Votes {
        private final PruningInput input;
        final int[][] p;
        final int[] y;
        final int classes;

        Votes(PruningInput input) {
            this.input = input;
            this.p = input.predictions();
            this.y = input.labels();
            this.classes = input.classes();
        }

        int members() {
            return p.length;
        }

        int samples() {
            return y.length;
        }

        /** @return whether the members predict values (regression): errors are then mean squared errors */
        boolean hasValues() {
            return input.hasValues();
        }

        /** @return e_m, the member's error (its mean squared error for values) */
        double error(int m) {
            return input.memberError(m);
        }

        /**
         * @return vote(S)(x) for every x ({@link PruningInput#vote}: members added in index order, whatever S's order)
         */
        int[] vote(List<Integer> members) {
            return input.vote(members::contains);
        }

        /** @return err(S): of the vote, or for values of the weighted average ({@link PruningInput#subsetError}) */
        double error(List<Integer> members) {
            return input.subsetError(members::contains);
        }

        /** @return f_S(x) for every x: the weighted average of the values of S (a regression input only) */
        double[] average(List<Integer> members) {
            double[] w = new double[members()];
            for (int m : members) {
                w[m] = input.weights()[m];
            }
            return input.average(w);
        }

        /** @return member m's output on every sample (a regression input only) */
        double[] values(int m) {
            return input.values()[m];
        }

        /** A member to add and the vote error with it. */
        record Addition(int member, double error) {}

        /**
         * @param s the members kept so far
         * @param candidates members not in s, in ascending index order
         * @return the candidate whose joining gives the lowest err(S ∪ {m}), the lowest index among equals
         */
        Addition lowestErrorAddition(List<Integer> s, List<Integer> candidates) {
            int best = -1;
            double bestError = Double.POSITIVE_INFINITY;
            for (int m : candidates) {
                List<Integer> with = new ArrayList<>(s);
                with.add(m);
                double e = error(with);
                if (e < bestError) {
                    best = m;
                    bestError = e;
                }
            }
            return new Addition(best, bestError);
        }

        /** @return the members not in s, ascending */
        List<Integer> outside(List<Integer> s) {
            List<Integer> out = new ArrayList<>();
            for (int m = 0; m < members(); m++) {
                if (!s.contains(m)) {
                    out.add(m);
                }
            }
            return out;
        }

        /** @return the member of lowest error, the lowest index among equals */
        int mostAccurate() {
            int best = 0;
            double bestError = error(0);
            for (int m = 1; m < members(); m++) {
                double e = error(m);
                if (e < bestError) {
                    best = m;
                    bestError = e;
                }
            }
            return best;
        }
    }
}
