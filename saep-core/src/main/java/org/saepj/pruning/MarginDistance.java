package org.saepj.pruning;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code mdm}: margin distance minimisation (Martínez-Muñoz &amp; Suárez, 2004). Each member's signature c_m has
 * +1 where it is right and −1 where wrong; starting from none, K times add the member that brings the mean
 * signature of the kept set closest (Euclidean) to the point o = (0.075, …, 0.075).
 */
public final class MarginDistance extends OrderingCriterion {
    /** The id. */
    public static final String ID = "mdm";
    /** The coordinate of the target point o, as in the original. */
    static final double TARGET = 0.075;

    /** Makes {@code mdm} known. */
    public static final class Provider extends SimpleCriterionProvider {
        /** The provider. */
        public Provider() {
            super(
                    ID,
                    "margin distance minimisation: the kept set's margins closest to a small positive target",
                    List.of(KEEP),
                    values -> new MarginDistance(values.get(KEEP.name())));
        }
    }

    MarginDistance(double keep) {
        super(ID, keep);
    }

    @Override
    List<Integer> order(Votes votes, int k, DecisionDetails.Builder details) {
        int n = votes.samples();
        double[] s = new double[n];
        List<Integer> kept = new ArrayList<>();
        double[] distances = new double[k];
        while (kept.size() < k) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int m = 0; m < votes.members(); m++) {
                if (!kept.contains(m)) {
                    double d = 0;
                    for (int x = 0; x < n; x++) {
                        double mean = (s[x] + (votes.p[m][x] == votes.y[x] ? 1 : -1)) / (kept.size() + 1);
                        d += (TARGET - mean) * (TARGET - mean);
                    }
                    d = Math.sqrt(d);
                    if (d < bestDistance) {
                        best = m;
                        bestDistance = d;
                    }
                }
            }
            distances[kept.size()] = bestDistance;
            kept.add(best);
            for (int x = 0; x < n; x++) {
                s[x] += votes.p[best][x] == votes.y[x] ? 1 : -1;
            }
        }
        details.put("distances", distances);
        return kept;
    }
}
