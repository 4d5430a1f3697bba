package org.saepj.pruning;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code cm}: the complementarity measure (Martínez-Muñoz &amp; Suárez, 2004): start from the most accurate member,
 * then add the member right on the most samples the current vote gets wrong, until K.
 */
public final class Complementarity extends OrderingCriterion {
    /** The id. */
    public static final String ID = "cm";

    /** Makes {@code cm} known. */
    public static final class Provider extends SimpleCriterionProvider {
        /** The provider. */
        public Provider() {
            super(
                    ID,
                    "complementarity: greedily adds the member right where the vote is wrong",
                    List.of(KEEP),
                    values -> new Complementarity(values.get(KEEP.name())));
        }
    }

    Complementarity(double keep) {
        super(ID, keep);
    }

    @Override
    List<Integer> order(Votes votes, int k, DecisionDetails.Builder details) {
        List<Integer> s = new ArrayList<>(List.of(votes.mostAccurate()));
        int[] gains = new int[k];
        while (s.size() < k) {
            int[] vote = votes.vote(s);
            int best = -1;
            int bestGain = -1;
            for (int m = 0; m < votes.members(); m++) {
                if (!s.contains(m)) {
                    int gain = 0;
                    for (int x = 0; x < votes.samples(); x++) {
                        if (votes.p[m][x] == votes.y[x] && vote[x] != votes.y[x]) {
                            gain++;
                        }
                    }
                    if (gain > bestGain) {
                        best = m;
                        bestGain = gain;
                    }
                }
            }
            gains[s.size()] = bestGain;
            s.add(best);
        }
        details.put("complementarity", gains);
        return s;
    }
}
