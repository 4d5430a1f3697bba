package org.saepj.pruning;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code oo}: orientation ordering (Martínez-Muñoz &amp; Suárez, ICML 2006). With signatures c_m (+1 right, −1 wrong)
 * and their mean c̄, the reference r is the all-ones vector projected onto the hyperplane orthogonal to c̄ (r = 1
 * when c̄ = 0); members are ordered by the angle between c_m and r, ascending. With {@code keep} 0 it decides its
 * own size: the members at an angle below π/2, at least one (all angles count as π/2 when r = 0).
 */
public final class OrientationOrdering extends OrderingCriterion {
    /** The id. */
    public static final String ID = "oo";

    /** Makes {@code oo} known. */
    public static final class Provider extends SimpleCriterionProvider {
        /** The provider. */
        public Provider() {
            super(
                    ID,
                    "orientation ordering: members whose signature points closest to the reference stay",
                    List.of(KEEP),
                    values -> new OrientationOrdering(values.get(KEEP.name())));
        }
    }

    OrientationOrdering(double keep) {
        super(ID, keep);
    }

    /** @return θ_m for every member */
    static double[] angles(Votes v) {
        int n = v.samples();
        int members = v.members();
        double[] mean = new double[n];
        for (int m = 0; m < members; m++) {
            for (int x = 0; x < n; x++) {
                mean[x] += (v.p[m][x] == v.y[x] ? 1.0 : -1.0) / members;
            }
        }
        double oneDotMean = 0;
        double meanDotMean = 0;
        for (int x = 0; x < n; x++) {
            oneDotMean += mean[x];
            meanDotMean += mean[x] * mean[x];
        }
        double[] r = new double[n];
        double rNorm = 0;
        for (int x = 0; x < n; x++) {
            r[x] = meanDotMean == 0 ? 1 : 1 - oneDotMean / meanDotMean * mean[x];
            rNorm += r[x] * r[x];
        }
        rNorm = Math.sqrt(rNorm);
        double[] theta = new double[members];
        for (int m = 0; m < members; m++) {
            double dot = 0;
            for (int x = 0; x < n; x++) {
                dot += (v.p[m][x] == v.y[x] ? 1.0 : -1.0) * r[x];
            }
            double cos = rNorm == 0 ? 0 : dot / (Math.sqrt(n) * rNorm);
            theta[m] = Math.acos(Math.max(-1, Math.min(1, cos)));
        }
        return theta;
    }

    @Override
    int ownSize(Votes votes) {
        double[] theta = angles(votes);
        return (int) Math.max(
                1,
                IntStream.range(0, theta.length)
                        .filter(m -> theta[m] < Math.PI / 2)
                        .count());
    }

    @Override
    List<Integer> order(Votes votes, int k, DecisionDetails.Builder details) {
        double[] theta = angles(votes);
        details.put("angles", theta);
        return IntStream.range(0, votes.members())
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(m -> theta[m]).thenComparingInt(m -> m))
                .limit(k)
                .toList();
    }
}
