package org.saepj.ensemble;

import java.util.List;
import org.saepj.task.Loss;
import org.saepj.task.Task;

/**
 * The complexity-regularised objective of a candidate ensemble (spec §4):
 * {@code F_obj = mean loss(F(x), y) + Σ_j (λ·r(h_j) + β)·|w_j|}, the loss the task's (cross-entropy for
 * classification).
 *
 * @param lambda λ, the weight of each member's complexity
 * @param beta β, a constant per-member penalty
 */
public record Objective(double lambda, double beta) {
    /**
     * @param memberOutputs each member's outputs on the evaluation data
     * @param weights the mixture weights
     * @param complexities each member's r(h)
     * @param task how the members' outputs combine
     * @param loss the task's loss over the evaluation data's targets
     * @return F_obj
     */
    public double value(List<float[]> memberOutputs, double[] weights, double[] complexities, Task task, Loss loss) {
        return loss.mean(task.combine(memberOutputs, weights)) + penalty(weights, complexities);
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
