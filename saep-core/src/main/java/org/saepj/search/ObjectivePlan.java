package org.saepj.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.saepj.task.RegressionLoss;

/**
 * AdaNet's objective, F(w) = loss + Σ_j (λ·r(h_j) + β)·|w_j|, and how the mixture weights w are made.
 *
 * @param lambda λ, weight of each member's complexity r(h)
 * @param beta β, constant per-member penalty
 * @param mixture uniform (1/N, the paper's ".O") or learned (the paper's ".W") weights
 * @param loss a regression search's loss (squared error, the default, or Huber's); absent in configurations stored
 *     before it existed, which trained on squared error
 * @param growth how the ensemble grows ({@link Growth#ADANET} when absent: stored before it existed)
 */
public record ObjectivePlan(
        double lambda,
        double beta,
        Mixture mixture,
        RegressionLoss loss,

        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Growth.PaperDefault.class)
        Growth growth) {
    /** The paper's: λ = β = 0, uniform mixture. */
    public static final ObjectivePlan DEFAULT = new ObjectivePlan(0, 0, Mixture.UNIFORM);

    /**
     * The objective with the paper's growth and squared error for regression.
     *
     * @param lambda λ, weight of each member's complexity r(h)
     * @param beta β, constant per-member penalty
     * @param mixture uniform or learned weights
     */
    public ObjectivePlan(double lambda, double beta, Mixture mixture) {
        this(lambda, beta, mixture, RegressionLoss.SQUARED, Growth.ADANET);
    }

    /**
     * Validates every setting.
     *
     * @param lambda λ, weight of each member's complexity r(h)
     * @param beta β, constant per-member penalty
     * @param mixture uniform (1/N, the paper's ".O") or learned (the paper's ".W") weights
     * @param loss a regression search's loss; null for squared error
     * @param growth how the ensemble grows; null for the paper's
     */
    public ObjectivePlan {
        growth = growth == null ? Growth.ADANET : growth;
        InvalidSettingException.require(
                lambda >= 0 && Double.isFinite(lambda), "lambda", "must be a finite number ≥ 0, got " + lambda);
        InvalidSettingException.require(
                beta >= 0 && Double.isFinite(beta), "beta", "must be a finite number ≥ 0, got " + beta);
        InvalidSettingException.require(mixture != null, "mixture", "must be set");
        loss = loss == null ? RegressionLoss.SQUARED : loss;
    }
}
