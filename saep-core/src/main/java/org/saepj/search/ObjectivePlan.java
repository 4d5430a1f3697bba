package org.saepj.search;

import org.saepj.task.RegressionLoss;

/**
 * AdaNet's objective, F(w) = loss + Σ_j (λ·r(h_j) + β)·|w_j|, and how the mixture weights w are made.
 *
 * @param lambda λ, weight of each member's complexity r(h)
 * @param beta β, constant per-member penalty
 * @param mixture uniform (1/N, the paper's ".O") or learned (the paper's ".W") weights
 * @param loss a regression search's loss (squared error, the default, or Huber's); absent in configurations stored
 *     before it existed, which trained on squared error
 */
public record ObjectivePlan(double lambda, double beta, Mixture mixture, RegressionLoss loss) {
    /** The paper's: λ = β = 0, uniform mixture. */
    public static final ObjectivePlan DEFAULT = new ObjectivePlan(0, 0, Mixture.UNIFORM);

    /**
     * Validates every setting.
     *
     * @param lambda λ, weight of each member's complexity r(h)
     * @param beta β, constant per-member penalty
     * @param mixture uniform (1/N, the paper's ".O") or learned (the paper's ".W") weights
     * @param loss a regression search's loss; null for squared error
     */
    public ObjectivePlan {
        InvalidSettingException.require(
                lambda >= 0 && Double.isFinite(lambda), "lambda", "must be a finite number ≥ 0, got " + lambda);
        InvalidSettingException.require(
                beta >= 0 && Double.isFinite(beta), "beta", "must be a finite number ≥ 0, got " + beta);
        InvalidSettingException.require(mixture != null, "mixture", "must be set");
        loss = loss == null ? RegressionLoss.SQUARED : loss;
    }

    /**
     * The objective with squared error for regression.
     *
     * @param lambda λ, weight of each member's complexity r(h)
     * @param beta β, constant per-member penalty
     * @param mixture uniform or learned weights
     */
    public ObjectivePlan(double lambda, double beta, Mixture mixture) {
        this(lambda, beta, mixture, RegressionLoss.SQUARED);
    }
}
