package org.saepj.pruning;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code epic}: ensemble pruning via individual contribution ordering (Lu, Wu, Zhu &amp; Bongard, KDD 2010). With
 * v_c(x) the number of members voting class c on x, f(x) the plurality class of all members (ties to the lowest
 * class), v_max(x) = v_f(x)(x), v_sec(x) the second largest count (equal to v_max on a tie) and v_y(x) the count of the
 * true class, member m's contribution is IC_m = Σ_x of: 2·v_max − v_P[m][x] where m is right and f wrong; v_sec where
 * both are right; v_y − v_P[m][x] − v_max where m is wrong. Members are ordered by IC descending (ties to the lowest
 * index) and the first K stay.
 */
public final class IndividualContribution extends OrderingCriterion {
    /** The id. */
    public static final String ID = "epic";

    /** Makes {@code epic} known. */
    public static final class Provider extends SimpleCriterionProvider {
        /** The provider. */
        public Provider() {
            super(
                    ID,
                    "EPIC: orders members by their individual contribution to the vote",
                    List.of(KEEP),
                    values -> new IndividualContribution(values.get(KEEP.name())));
        }
    }

    IndividualContribution(double keep) {
        super(ID, keep);
    }

    /** @return IC_m of every member */
    static long[] contributions(Votes v) {
        int members = v.members();
        long[] ic = new long[members];
        int[] count = new int[v.classes];
        for (int x = 0; x < v.samples(); x++) {
            Arrays.fill(count, 0);
            for (int m = 0; m < members; m++) {
                count[v.p[m][x]]++;
            }
            int f = 0;
            for (int c = 1; c < count.length; c++) {
                if (count[c] > count[f]) {
                    f = c;
                }
            }
            int max = count[f];
            int second = 0;
            for (int c = 0; c < count.length; c++) {
                if (c != f) {
                    second = Math.max(second, count[c]);
                }
            }
            int truth = count[v.y[x]];
            for (int m = 0; m < members; m++) {
                int own = count[v.p[m][x]];
                boolean right = v.p[m][x] == v.y[x];
                if (right && f != v.y[x]) {
                    ic[m] += 2L * max - own;
                } else if (right) {
                    ic[m] += second;
                } else {
                    ic[m] += truth - own - max;
                }
            }
        }
        return ic;
    }

    @Override
    List<Integer> order(Votes votes, int k, DecisionDetails.Builder details) {
        long[] ic = contributions(votes);
        details.put(
                "contributions", Arrays.stream(ic).mapToInt(Math::toIntExact).toArray());
        return IntStream.range(0, votes.members())
                .boxed()
                .sorted(Comparator.<Integer>comparingLong(m -> -ic[m]).thenComparingInt(m -> m))
                .limit(k)
                .toList();
    }
}
