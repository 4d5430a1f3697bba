package org.saepj.ensemble;

import java.util.List;

/**
 * The complexity-regularised objective of a candidate ensemble (spec §4):
 * {@code F_obj = mean CE(F(x), y) + Σ_j (λ·r(h_j) + β)·|w_j|}.
 *
 * @param lambda λ, the weight of each member's complexity
 * @param beta β, a constant per-member penalty
 */
public record Objective(double lambda, double beta) {
    /**
     * @param memberLogits each member's logits on the evaluation data
     * @param weights the mixture weights
     * @param complexities each member's r(h)
     * @param labels the true classes
     * @param classes the number of classes
     * @return F_obj
     */
    public double value(List<float[]> memberLogits, double[] weights, double[] complexities, int[] labels, int classes) {
        double loss = Logits.meanLoss(Logits.combine(memberLogits, weights), labels, classes);
        return loss + penalty(weights, complexities);
    }

    /**
     * @param weights the mixture weights
     * @param complexities each member's r(h)
     * @return Σ (λ·r_j + β)·|w_j|
     */
    public double penalty(double[] weights, double[] complexities) {
        double p = 0;
        for (int j = 0; j < weights.length; j++) {
            p += (lambda * complexities[j] + beta) * Math.abs(weights[j]);
        }
        return p;
    }
}
