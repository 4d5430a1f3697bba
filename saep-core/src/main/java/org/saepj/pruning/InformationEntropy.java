package org.saepj.pruning;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.saepj.information.GaussianInformation;
import org.saepj.information.InformationTheory;

/**
 * PIE: keeps n − 1 members greedily by the TDAC score (spec §6): start from a member drawn at random, then
 * repeatedly add the member that maximises the summed TDAC against those already kept (ties to the lowest
 * index). The one member left out is pruned. α = 1 is pure diversity, α = 0 pure relevance. With a target size
 * K ({@code keep}) the greedy stops at K members instead: COMEP (Bian et al., arXiv 1806.04899).
 */
public final class InformationEntropy implements PruningCriterion {
    /** The id. */
    public static final String ID = "pie";
    /** PIE's trade-off between diversity (α → 1) and relevance to the labels (α → 0). */
    public static final CriterionParameter ALPHA =
            new CriterionParameter("alpha", 0.5, 0, 1, "diversity (1) against relevance to the labels (0)");

    private final double alpha;
    private final int keep;

    /** Makes {@code pie} known. */
    public static final class Provider extends SimpleCriterionProvider {
        /** For ServiceLoader. */
        public Provider() {
            super(
                    ID,
                    "SAEP information entropy: keeps diverse, relevant members",
                    List.of(ALPHA, OrderingCriterion.KEEP),
                    values -> new InformationEntropy(
                            values.get(ALPHA.name()), OrderingCriterion.wholeKeep(values.get("keep"))));
        }
    }

    /**
     * @param alpha the diversity–relevance trade-off in [0, 1]
     */
    public InformationEntropy(double alpha) {
        this(alpha, 0);
    }

    /**
     * @param alpha the diversity–relevance trade-off in [0, 1]
     * @param keep K, the members to keep; 0 keeps n − 1 (SAEP's PIE)
     */
    public InformationEntropy(double alpha, int keep) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }
        if (keep < 0) {
            throw new IllegalArgumentException("keep must be at least 0, got " + keep);
        }
        this.alpha = alpha;
        this.keep = keep;
    }

    /** For values, the information is the Gaussian estimate from correlations ({@link GaussianInformation}). */
    @Override
    public boolean appliesToValues() {
        return true;
    }

    @Override
    public PruneDecision decide(PruningInput input, SplittableRandom rng) {
        int n = input.members();
        if (n < MIN_MEMBERS) {
            return PruneDecision.nothing(ID);
        }
        int start = rng.nextInt(n);
        int k = keep == 0 ? n - 1 : Math.min(keep, n);
        double[][] score = pairScores(input);
        boolean[] kept = new boolean[n];
        int[] order = new int[k];
        double[] scores = new double[k];
        kept[start] = true;
        order[0] = start;
        scores[0] = Double.NaN;
        for (int step = 1; step < k; step++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < n; p++) {
                if (kept[p]) {
                    continue;
                }
                double s = 0;
                for (int q = 0; q < n; q++) {
                    if (kept[q]) {
                        s += score[p][q];
                    }
                }
                if (s > bestScore) {
                    bestScore = s;
                    best = p;
                }
            }
            kept[best] = true;
            order[step] = best;
            scores[step] = bestScore;
        }
        List<Integer> left = new java.util.ArrayList<>();
        for (int p = 0; p < n; p++) {
            if (!kept[p]) {
                left.add(p);
            }
        }
        DecisionDetails.Builder details = DecisionDetails.builder().put("alpha", alpha);
        if (keep > 0) {
            details.put("keep", k); // only with a target size, so SAEP's PIE records what it always did
        }
        return new PruneDecision(
                ID,
                List.copyOf(left),
                details.put("startPosition", start)
                        .put("keptOrder", order)
                        .put("greedyScores", scores)
                        .build());
    }

    private double[][] pairScores(PruningInput input) {
        if (input.hasValues()) {
            return valuePairScores(input);
        }
        int n = input.members();
        double[] mi = new double[n];
        for (int j = 0; j < n; j++) {
            mi[j] = InformationTheory.normalizedMutualInformation(input.predictions()[j], input.labels());
        }
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = Arrays.equals(input.predictions()[i], input.predictions()[j])
                        ? 0
                        : InformationTheory.tdac(
                                InformationTheory.variationOfInformation(
                                        input.predictions()[i], input.predictions()[j]),
                                mi[i],
                                mi[j],
                                alpha);
                s[i][j] = v;
                s[j][i] = v;
            }
        }
        return s;
    }

    /** TDAC with the Gaussian measures: identical outputs score 0, as identical predictions do. */
    private double[][] valuePairScores(PruningInput input) {
        int n = input.members();
        double[][] h = input.values();
        double[] mi = new double[n];
        for (int j = 0; j < n; j++) {
            mi[j] = GaussianInformation.normalizedMutualInformation(h[j], input.targets());
        }
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double vi = GaussianInformation.variationOfInformation(h[i], h[j]);
                double v = Arrays.equals(h[i], h[j]) ? 0 : InformationTheory.tdac(vi, mi[i], mi[j], alpha);
                s[i][j] = v;
                s[j][i] = v;
            }
        }
        return s;
    }

    /** @return K, or 0 for n − 1 */
    public int keep() {
        return keep;
    }

    /** @return α */
    public double alpha() {
        return alpha;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of(ALPHA.name(), alpha, OrderingCriterion.KEEP.name(), (double) keep);
    }
}
