package org.saepj.pruning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code drep}: diversity regularized ensemble pruning (Li, Yu &amp; Zhou, ECML PKDD 2012), for any number of classes.
 * S starts as [argmin e_m]. While |S| &lt; K: with diff(m, S) = (1/n) Σ_x (+1 where P[m][x] = vote(S)(x), else −1) —
 * the paper's h(x)·H(x) for labels in {−1, +1} — order the members not in S by diff ascending (most diverse first, ties
 * to the lowest index), take the first ⌈ρ·|U|⌉ of those |U| as Γ, and add the member of Γ whose joining gives the
 * lowest err(S ∪ {m}) (ties to the lowest index). ρ ∈ (0, 1] is the parameter {@code rho}.
 *
 * <p>For values (regression), diff(m, S) = 1 − ½·(1/n) Σ_x (h_m(x) − f_S(x))², f_S the weighted average of S: one
 * minus half the mean ambiguity of m against S (Krogh &amp; Vedelsby's decomposition), equal to the paper's h·H when
 * the outputs are ±1, and err is the mean squared error (docs/PRUNING.md).
 */
public final class DiversityRegularized extends OrderingCriterion {
    /** The id. */
    public static final String ID = "drep";
    /** ρ: the share of the most diverse remaining members the next one is chosen from. */
    public static final CriterionParameter RHO = new CriterionParameter(
            "rho", 0.5, 0.01, 1, "share of the most diverse remaining members each addition is chosen from");

    private final double rho;

    /** Makes {@code drep} known. */
    public static final class Provider extends SimpleCriterionProvider {
        /** The provider. */
        public Provider() {
            super(
                    ID,
                    "DREP: adds the most accurate of the most diverse remaining members",
                    List.of(KEEP, RHO),
                    values -> new DiversityRegularized(values.get(KEEP.name()), values.get(RHO.name())));
        }
    }

    DiversityRegularized(double keep, double rho) {
        super(ID, keep, Map.of(RHO.name(), rho));
        this.rho = rho;
    }

    /** The regression form: diff from the ambiguity, err the mean squared error. */
    @Override
    public boolean appliesToValues() {
        return true;
    }

    /** @return diff(m, S): the mean agreement (+1/−1) of member m with the vote of S */
    static double diff(Votes v, int[] vote, int m) {
        int agree = 0;
        for (int x = 0; x < v.samples(); x++) {
            if (v.p[m][x] == vote[x]) {
                agree++;
            }
        }
        return (2.0 * agree - v.samples()) / v.samples();
    }

    /**
     * @return diff(m, S) for values: 1 − ½ · the mean squared distance of member m's outputs from f_S, which for
     *     outputs in {−1, +1} is the mean of h_m·f_S, the classification form
     */
    static double diff(double[] member, double[] average) {
        double sum = 0;
        for (int x = 0; x < member.length; x++) {
            double a = member[x] - average[x];
            sum += a * a;
        }
        return 1 - 0.5 * sum / member.length;
    }

    @Override
    List<Integer> order(Votes votes, int k, DecisionDetails.Builder details) {
        List<Integer> s = new ArrayList<>(List.of(votes.mostAccurate()));
        double[] errors = new double[k];
        int[] candidates = new int[k];
        errors[0] = votes.error(s.get(0));
        while (s.size() < k) {
            List<Integer> rest = votes.outside(s);
            double[] d = new double[votes.members()];
            if (votes.hasValues()) {
                double[] average = votes.average(s);
                rest.forEach(m -> d[m] = diff(votes.values(m), average));
            } else {
                int[] vote = votes.vote(s);
                rest.forEach(m -> d[m] = diff(votes, vote, m));
            }
            int gamma = (int) Math.ceil(rho * rest.size());
            List<Integer> diverse = rest.stream()
                    .sorted(Comparator.<Integer>comparingDouble(m -> d[m]).thenComparingInt(m -> m))
                    .limit(gamma)
                    .sorted()
                    .toList();
            Votes.Addition next = votes.lowestErrorAddition(s, diverse);
            candidates[s.size()] = gamma;
            errors[s.size()] = next.error();
            s.add(next.member());
        }
        details.put("voteErrors", errors).put("candidates", candidates);
        return s;
    }
}
