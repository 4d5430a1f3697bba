package org.saepj.pruning;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code re}: reduce-error pruning without back-fitting (Margineantu &amp; Dietterich, ICML 1997): start from the
 * most accurate member, then add the member whose joining gives the lowest vote error, until K.
 */
public final class ReduceError extends OrderingCriterion {
    /** The id. */
    public static final String ID = "re";

    /** Makes {@code re} known. */
    public static final class Provider extends SimpleCriterionProvider {
        /** The provider. */
        public Provider() {
            super(
                    ID,
                    "reduce-error pruning: greedily adds the member that most lowers the vote's error",
                    List.of(KEEP),
                    values -> new ReduceError(values.get(KEEP.name())));
        }
    }

    ReduceError(double keep) {
        super(ID, keep);
    }

    /**
     * For values, err(S) is the mean squared error of the members' weighted average: ordered aggregation for
     * regression (Hernández-Lobato, Martínez-Muñoz &amp; Suárez 2011; docs/PRUNING.md).
     */
    @Override
    public boolean appliesToValues() {
        return true;
    }

    @Override
    List<Integer> order(Votes votes, int k, DecisionDetails.Builder details) {
        List<Integer> s = new ArrayList<>(List.of(votes.mostAccurate()));
        double[] errors = new double[k];
        errors[0] = votes.error(s.get(0));
        while (s.size() < k) {
            Votes.Addition next = votes.lowestErrorAddition(s, votes.outside(s));
            errors[s.size()] = next.error();
            s.add(next.member());
        }
        details.put("voteErrors", errors);
        return s;
    }
}
