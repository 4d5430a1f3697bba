package org.saepj.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.saepj.information.GaussianInformation;
import org.saepj.information.InformationTheory;

/** PAP's and PIE's regression forms against references written here, from other formulas. */
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
