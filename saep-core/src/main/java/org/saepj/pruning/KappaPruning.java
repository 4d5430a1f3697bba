package org.saepj.pruning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code kappa}: Kappa pruning (Margineantu &amp; Dietterich, ICML 1997). Pairs of members are ordered by Cohen's
 * kappa of their predictions, the least agreeing first (ties by the first member, then the second); walking them,
 * both members of a pair join, each if not yet kept, until K.
 */
public final class KappaPruning extends OrderingCriterion {
    /** The id. */
    public static final String ID = "kappa";

    /** Makes {@code kappa} known. */
    public static final class Provider extends SimpleCriterionProvider {
        /** The provider. */
        public Provider() {
            super(
                    ID,
                    "Kappa pruning: the least agreeing pairs of members stay",
                    List.of(KEEP),
                    values -> new KappaPruning(values.get(KEEP.name())));
        }
    }

    KappaPruning(double keep) {
        super(ID, keep);
    }

    /** @return κ(i, j) over the classes, 1 when the chance agreement θ₂ is 1 */
    static double kappa(Votes v, int i, int j) {
        int n = v.samples();
        double[] pi = new double[v.classes];
        double[] pj = new double[v.classes];
        int agree = 0;
        for (int x = 0; x < n; x++) {
            pi[v.p[i][x]] += 1.0 / n;
            pj[v.p[j][x]] += 1.0 / n;
            if (v.p[i][x] == v.p[j][x]) {
                agree++;
            }
        }
        double theta1 = (double) agree / n;
        double theta2 = 0;
        for (int c = 0; c < v.classes; c++) {
            theta2 += pi[c] * pj[c];
        }
        return theta2 == 1 ? 1 : (theta1 - theta2) / (1 - theta2);
    }

    @Override
    List<Integer> order(Votes votes, int k, DecisionDetails.Builder details) {
        int m = votes.members();
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                pairs.add(new int[] {i, j});
            }
        }
        double[] kappas = new double[pairs.size()];
        for (int q = 0; q < pairs.size(); q++) {
            kappas[q] = kappa(votes, pairs.get(q)[0], pairs.get(q)[1]);
        }
        List<Integer> byKappa = new ArrayList<>();
        for (int q = 0; q < pairs.size(); q++) {
            byKappa.add(q);
        }
        byKappa.sort(Comparator.<Integer>comparingDouble(q -> kappas[q])
                .thenComparingInt(q -> pairs.get(q)[0])
                .thenComparingInt(q -> pairs.get(q)[1]));
        List<Integer> kept = new ArrayList<>();
        for (int q : byKappa) {
            for (int member : pairs.get(q)) {
                if (kept.size() < k && !kept.contains(member)) {
                    kept.add(member);
                }
            }
            if (kept.size() == k) {
                break;
            }
        }
        details.put("pairKappas", kappas);
        return kept;
    }
}
