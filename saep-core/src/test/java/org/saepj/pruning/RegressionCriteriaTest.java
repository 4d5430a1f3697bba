package org.saepj.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.saepj.information.GaussianInformation;
import org.saepj.information.InformationTheory;

/**
 * The regression forms of PAP, PIE, reduce-error, top-k, DREP and ensemble selection against references written here,
 * from other formulas (the error-correlation matrix, the determinant form of the Gaussian information).
 */
class RegressionCriteriaTest {
    /**
     * The Gaussian mutual information from the covariance matrix's determinant, {@code ½·ln(σx²σy² / det Σ)}: the
     * textbook form, computed without a correlation.
     */
    private static double referenceMi(double[] x, double[] y) {
        int n = x.length;
        double mx = java.util.Arrays.stream(x).average().orElseThrow();
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double vx = 0;
        double vy = 0;
        double cxy = 0;
        for (int i = 0; i < n; i++) {
            vx += (x[i] - mx) * (x[i] - mx) / n;
            vy += (y[i] - my) * (y[i] - my) / n;
            cxy += (x[i] - mx) * (y[i] - my) / n;
        }
        return 0.5 * Math.log(vx * vy / (vx * vy - cxy * cxy));
    }

    private static double[] noisy(double[] base, double noise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] out = new double[base.length];
        for (int i = 0; i < base.length; i++) {
            out[i] = base[i] + noise * (rng.nextDouble() - 0.5);
        }
        return out;
    }

    private static double[] truth(int n) {
        SplittableRandom rng = new SplittableRandom(11);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextDouble() * 2 - 1;
        }
        return y;
    }

    @Test
    void theGaussianMutualInformationIsTheDeterminantForm() {
        double[] y = truth(500);
        for (double noise : new double[] {0.05, 0.5, 2, 10}) {
            double[] h = noisy(y, noise, 3);
            assertThat(GaussianInformation.mutualInformation(h, y)).isCloseTo(referenceMi(h, y), offset(1e-9));
            // Linfoot's normalisation of that information is |ρ|
            double r = GaussianInformation.normalizedMutualInformation(h, y);
            assertThat(r).isBetween(0.0, 1.0);
            assertThat(r).isCloseTo(Math.sqrt(1 - Math.exp(-2 * referenceMi(h, y))), offset(1e-9));
        }
        assertThat(GaussianInformation.variationOfInformation(y, y)).isZero();
        assertThat(GaussianInformation.mutualInformation(y, new double[500])).isZero();
    }

    @Test
    void papRemovesTheMemberWhoseLeaveOneOutAverageErrsLess() {
        double[] y = truth(200);
        double[][] h = {noisy(y, 0.1, 1), noisy(y, 0.1, 2), noisy(y, 3, 3), noisy(y, 0.2, 4)};
        double[] w = {0.25, 0.25, 0.25, 0.25};
        PruneDecision d = new AccuracyPerformance().decide(PruningInput.ofValues(h, y, w), new SplittableRandom(1));
        // the reference: the mean squared error of the plain average of the members left
        double all = mseOfAverage(h, y, -1);
        List<Integer> expected = new java.util.ArrayList<>();
        for (int j = 0; j < h.length; j++) {
            if (mseOfAverage(h, y, j) < all) {
                expected.add(j);
            }
        }
        assertThat(expected).containsExactly(2);
        assertThat(d.removed()).isEqualTo(expected);
    }

    @Test
    void pieKeepsTheMembersOfTheGreedyGaussianTdac() {
        double[] y = truth(300);
        double[][] h = {noisy(y, 0.3, 1), noisy(y, 0.3, 1), noisy(y, 1.5, 2), noisy(y, 0.6, 3)};
        double[] w = {0.25, 0.25, 0.25, 0.25};
        for (double alpha : new double[] {0, 0.5, 1}) {
            for (long seed = 0; seed < 4; seed++) {
                PruneDecision d = new InformationEntropy(alpha)
                        .decide(PruningInput.ofValues(h, y, w), new SplittableRandom(seed));
                assertThat(d.removed())
                        .as("alpha %s, seed %s", alpha, seed)
                        .containsExactly(referencePie(h, y, alpha, new SplittableRandom(seed)));
            }
        }
    }

    /** PIE's greedy of spec §6 with TDAC from the determinant form: the one member left out. */
    private static int referencePie(double[][] h, double[] y, double alpha, SplittableRandom rng) {
        int n = h.length;
        boolean[] kept = new boolean[n];
        kept[rng.nextInt(n)] = true;
        for (int step = 1; step < n - 1; step++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < n; p++) {
                if (kept[p]) {
                    continue;
                }
                double s = 0;
                for (int q = 0; q < n; q++) {
                    if (kept[q]) {
                        s += java.util.Arrays.equals(h[p], h[q])
                                ? 0
                                : InformationTheory.tdac(
                                        1 - linfoot(referenceMi(h[p], h[q])),
                                        linfoot(referenceMi(h[p], y)),
                                        linfoot(referenceMi(h[q], y)),
                                        alpha);
                    }
                }
                if (s > bestScore) {
                    bestScore = s;
                    best = p;
                }
            }
            kept[best] = true;
        }
        for (int p = 0; p < n; p++) {
            if (!kept[p]) {
                return p;
            }
        }
        throw new AssertionError("every member kept");
    }

    private static double linfoot(double mi) {
        return Math.sqrt(1 - Math.exp(-2 * mi));
    }

    /**
     * Members whose errors are correlated in known ways: 0 is the most accurate; 1 repeats 0's error (a near copy); 2
     * errs the opposite way with more noise; 3 and 4 are noisier and independent.
     */
    private static double[][] correlatedMembers(double[] y) {
        double[] e = noisy(new double[y.length], 0.6, 21);
        double[][] h = new double[5][y.length];
        double[] n1 = noisy(new double[y.length], 0.1, 22);
        double[] n2 = noisy(new double[y.length], 0.5, 23);
        double[] n3 = noisy(new double[y.length], 1.2, 24);
        double[] n4 = noisy(new double[y.length], 1.4, 25);
        for (int s = 0; s < y.length; s++) {
            h[0][s] = y[s] + e[s];
            h[1][s] = y[s] + e[s] + n1[s];
            h[2][s] = y[s] - e[s] + n2[s];
            h[3][s] = y[s] + n3[s];
            h[4][s] = y[s] + n4[s];
        }
        return h;
    }

    /** C_ij = (1/n) Σ (h_i − y)(h_j − y): the error correlations (Hernández-Lobato et al. 2011). */
    private static double[][] errorCorrelations(double[][] h, double[] y) {
        double[][] c = new double[h.length][h.length];
        for (int i = 0; i < h.length; i++) {
            for (int j = 0; j < h.length; j++) {
                for (int s = 0; s < y.length; s++) {
                    c[i][j] += (h[i][s] - y[s]) * (h[j][s] - y[s]) / y.length;
                }
            }
        }
        return c;
    }

    /** The weighted average's mean squared error from C: Σ_{i,j ∈ S} w_i w_j C_ij / (Σ_{i ∈ S} w_i)². */
    private static double subsetMse(double[][] c, double[] w, List<Integer> subset) {
        double num = 0;
        double total = 0;
        for (int i : subset) {
            total += w[i];
            for (int j : subset) {
                num += w[i] * w[j] * c[i][j];
            }
        }
        return num / (total * total);
    }

    /** The index of the smallest value among the candidates, the lowest index among values within 1e-12. */
    private static int argmin(List<Integer> candidates, java.util.function.IntToDoubleFunction f) {
        int best = -1;
        for (int m : candidates) {
            if (best < 0 || f.applyAsDouble(m) < f.applyAsDouble(best) - 1e-12) {
                best = m;
            }
        }
        return best;
    }

    private static List<Integer> outside(int n, List<Integer> s) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int m = 0; m < n; m++) {
            if (!s.contains(m)) {
                out.add(m);
            }
        }
        return out;
    }

    private static List<Integer> kept(PruneDecision d) {
        return java.util.Arrays.stream((int[]) d.details().values().get("keptOrder"))
                .boxed()
                .toList();
    }

    @Test
    void topKKeepsTheMembersOfLowestMeanSquaredError() {
        double[] y = truth(400);
        double[][] h = correlatedMembers(y);
        double[] w = {0.2, 0.2, 0.2, 0.2, 0.2};
        double[][] c = errorCorrelations(h, y);
        for (int k = 1; k <= 4; k++) {
            PruneDecision d = new TopK(k).decide(PruningInput.ofValues(h, y, w), new SplittableRandom(1));
            // the reference: C's diagonal is each member's mean squared error
            List<Integer> expected = java.util.stream.IntStream.range(0, h.length)
                    .boxed()
                    .sorted(java.util.Comparator.comparingDouble(m -> c[m][m]))
                    .limit(k)
                    .toList();
            assertThat(kept(d)).as("K = %s", k).containsExactlyElementsOf(expected);
            double[] errors = (double[]) d.details().values().get("memberErrors");
            for (int m = 0; m < h.length; m++) {
                assertThat(errors[m]).isCloseTo(c[m][m], offset(1e-12));
            }
        }
    }

    @Test
    void reduceErrorIsOrderedAggregationOnTheErrorCorrelations() {
        double[] y = truth(400);
        double[][] h = correlatedMembers(y);
        double[][] c = errorCorrelations(h, y);
        for (double[] w : new double[][] {{0.2, 0.2, 0.2, 0.2, 0.2}, {0.4, 0.1, 0.2, 0.2, 0.1}}) {
            for (int k = 2; k <= 4; k++) {
                PruneDecision d = new ReduceError(k).decide(PruningInput.ofValues(h, y, w), new SplittableRandom(1));
                List<Integer> s = new java.util.ArrayList<>(List.of(argmin(List.of(0, 1, 2, 3, 4), m -> c[m][m])));
                List<Double> errors = new java.util.ArrayList<>(List.of(c[s.get(0)][s.get(0)]));
                while (s.size() < k) {
                    List<Integer> from = List.copyOf(s);
                    int next = argmin(outside(h.length, s), m -> {
                        List<Integer> with = new java.util.ArrayList<>(from);
                        with.add(m);
                        return subsetMse(c, w, with);
                    });
                    s.add(next);
                    errors.add(subsetMse(c, w, s));
                }
                assertThat(kept(d)).as("K = %s, weights %s", k, w).containsExactlyElementsOf(s);
                double[] recorded = (double[]) d.details().values().get("voteErrors");
                for (int i = 0; i < k; i++) {
                    assertThat(recorded[i]).isCloseTo(errors.get(i), offset(1e-12));
                }
            }
            // the member that errs the other way joins the best one before its near copy does
            PruneDecision two = new ReduceError(2).decide(PruningInput.ofValues(h, y, w), new SplittableRandom(1));
            assertThat(kept(two)).containsExactly(0, 2);
        }
    }

    @Test
    void drepForValuesPrefersTheMembersFarthestFromTheAverageAndIsDrepOnPlusMinusOneOutputs() {
        double[] y = truth(400);
        double[][] h = correlatedMembers(y);
        double[] w = {0.2, 0.2, 0.2, 0.2, 0.2};
        double[][] c = errorCorrelations(h, y);
        for (double rho : new double[] {0.3, 0.5, 1}) {
            PruneDecision d =
                    new DiversityRegularized(4, rho).decide(PruningInput.ofValues(h, y, w), new SplittableRandom(1));
            List<Integer> s = new java.util.ArrayList<>(List.of(argmin(List.of(0, 1, 2, 3, 4), m -> c[m][m])));
            while (s.size() < 4) {
                // the ambiguity of each remaining member against the plain average of S (uniform weights)
                double[] f = new double[y.length];
                for (int x = 0; x < y.length; x++) {
                    for (int m : s) {
                        f[x] += h[m][x] / s.size();
                    }
                }
                List<Integer> rest = outside(h.length, s);
                double[] ambiguity = new double[h.length];
                for (int m : rest) {
                    for (int x = 0; x < y.length; x++) {
                        ambiguity[m] += (h[m][x] - f[x]) * (h[m][x] - f[x]) / y.length;
                    }
                }
                List<Integer> gamma = rest.stream()
                        .sorted(java.util.Comparator.<Integer>comparingDouble(m -> -ambiguity[m]))
                        .limit((long) Math.ceil(rho * rest.size()))
                        .sorted()
                        .toList();
                List<Integer> from = List.copyOf(s);
                s.add(argmin(gamma, m -> {
                    List<Integer> with = new java.util.ArrayList<>(from);
                    with.add(m);
                    return subsetMse(c, w, with);
                }));
            }
            assertThat(kept(d)).as("rho %s", rho).containsExactlyElementsOf(s);
        }
        // outputs in {−1, +1}: 1 − ½·mean (h − H)² is the paper's mean h·H, the classification form's diff
        SplittableRandom rng = new SplittableRandom(5);
        int[][] labels = new int[2][50];
        double[][] signs = new double[2][50];
        for (int j = 0; j < 2; j++) {
            for (int x = 0; x < 50; x++) {
                labels[j][x] = rng.nextInt(2);
                signs[j][x] = labels[j][x] == 1 ? 1 : -1;
            }
        }
        OrderingCriterion.Votes votes =
                new OrderingCriterion.Votes(new PruningInput(labels, new int[50], new double[] {0.5, 0.5}, 2));
        assertThat(DiversityRegularized.diff(signs[1], signs[0]))
                .isCloseTo(DiversityRegularized.diff(votes, labels[0], 1), offset(1e-12));
    }

    @Test
    void ensembleSelectionForValuesPicksByTheCountWeightedAverage() {
        double[] y = truth(300);
        double[][] h = correlatedMembers(y);
        double[] w = {0.2, 0.2, 0.2, 0.2, 0.2};
        double[][] c = errorCorrelations(h, y);
        PruneDecision d = new EnsembleSelection(6).decide(PruningInput.ofValues(h, y, w), new SplittableRandom(1));
        double[] counts = new double[h.length];
        int[] picks = new int[6];
        for (int round = 0; round < 6; round++) {
            int best = argmin(List.of(0, 1, 2, 3, 4), m -> {
                counts[m] += 1;
                double e = subsetMse(c, counts, List.of(0, 1, 2, 3, 4));
                counts[m] -= 1;
                return e;
            });
            counts[best] += 1;
            picks[round] = best;
        }
        assertThat((int[]) d.details().values().get("picks")).containsExactly(picks);
        List<Integer> never = new java.util.ArrayList<>();
        for (int m = 0; m < h.length; m++) {
            if (counts[m] == 0) {
                never.add(m);
            }
        }
        assertThat(d.removed()).isEqualTo(never);
    }

    @Test
    void theCriteriaForValuesAreThoseThatDeclareIt() {
        Criteria criteria = Criteria.discover();
        assertThat(criteria.forValues())
                .containsExactly("adanet", "prs", "pap", "pie", "drep", "es", "re", "rnd", "topk");
        // a plug-in joins the list by declaring it, whatever its name
        CriterionProvider plugIn =
                new SimpleCriterionProvider("zz-values", "test", List.of(), v -> new PruningCriterion() {
                    @Override
                    public String id() {
                        return "zz-values";
                    }

                    @Override
                    public boolean appliesToValues() {
                        return true;
                    }

                    @Override
                    public PruneDecision decide(PruningInput input, SplittableRandom rng) {
                        return PruneDecision.nothing(id());
                    }
                }) {};
        assertThat(criteria.with(plugIn).forValues()).endsWith("zz-values");
        for (String id : List.of("kappa", "cm", "mdm", "oo", "epic")) {
            assertThat(criteria.create(CriterionSpec.of(id)).appliesToValues())
                    .as(id)
                    .isFalse();
        }
    }

    private static double mseOfAverage(double[][] h, double[] y, int leaveOut) {
        double sum = 0;
        for (int s = 0; s < y.length; s++) {
            double f = 0;
            int k = 0;
            for (int j = 0; j < h.length; j++) {
                if (j != leaveOut) {
                    f += h[j][s];
                    k++;
                }
            }
            sum += (f / k - y[s]) * (f / k - y[s]);
        }
        return sum / y.length;
    }
}
