package org.saepj.ensemble;

import java.util.Arrays;
import java.util.List;
import org.saepj.engine.optim.Optimizer;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.task.Loss;

/**
 * Mixture weights: uniform (the paper's ".O", w_j = 1/N) or learned (".W", scalar w_j from 1/N, trained on
 * the objective with the subnetworks' optimizer over the iteration's training batches, using the members'
 * stored training outputs and the task's loss).
 */
public final class MixtureWeights {
    private MixtureWeights() {}

    /**
     * @param n the number of members
     * @return n weights of 1/n
     */
    public static double[] uniform(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0 / n);
        return w;
    }

    /**
     * Fits scalar weights by mini-batch descent on the objective, over an iteration's batches.
     *
     * @param trainLogits each member's outputs on the training partition
     * @param loss the task's loss over the training targets
     * @param width the number of outputs per sample
     * @param batches sample indices of each step, {@code steps × batchSize}
     * @param batchSize samples per step
     * @param complexities each member's r(h)
     * @param objective λ and β
     * @param optimizer the optimizer to use
     * @return the fitted weights
     */
    public static double[] fit(
            List<float[]> trainLogits,
            Loss loss,
            int width,
            int[] batches,
            int batchSize,
            double[] complexities,
            Objective objective,
            OptimizerSpec optimizer) {
        int n = trainLogits.size();
        float[][] h = trainLogits.toArray(new float[0][]);
        float[] w = new float[n];
        Arrays.fill(w, 1f / n);
        float[] grad = new float[n];
        Optimizer opt = optimizer.create(n);
        double[] scratch = new double[width];
        int steps = batches.length / batchSize;
        for (int s = 0; s < steps; s++) {
            gradient(h, loss, width, batches, s * batchSize, batchSize, w, complexities, objective, scratch, grad);
            opt.step(w, grad);
        }
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            out[j] = w[j];
        }
        return out;
    }

    /**
     * The gradient of the objective on one batch with respect to the weights: the batch's mean loss
     * of {@code Σ_j w_j·h_j} plus {@code (λ·r_j + β)·sign(w_j)}.
     *
     * @param h each member's outputs, {@code samples × width}
     * @param loss the task's loss over the targets the rows name
     * @param classes the number of outputs per sample
     * @param rows sample indices; the batch is {@code rows[from … from + count − 1]}
     * @param from where the batch starts in {@code rows}
     * @param count the batch's size
     * @param w the weights
     * @param complexities each member's r(h)
     * @param objective λ and β
     * @param scratch at least {@code classes} doubles
     * @param grad receives the gradient, one entry per member
     */
    static void gradient(
            float[][] h,
            Loss loss,
            int classes,
            int[] rows,
            int from,
            int count,
            float[] w,
            double[] complexities,
            Objective objective,
            double[] scratch,
            float[] grad) {
        int n = h.length;
        double[] g = new double[n];
        double[] delta = new double[classes];
        for (int r = from; r < from + count; r++) {
            int row = rows[r] * classes;
            // f: the ensemble's outputs; delta: the loss's gradient with respect to them.
            for (int c = 0; c < classes; c++) {
                scratch[c] = 0;
            }
            for (int j = 0; j < n; j++) {
                float[] hj = h[j];
                float wj = w[j];
                for (int c = 0; c < classes; c++) {
                    scratch[c] += wj * hj[row + c];
                }
            }
            loss.sampleGradient(scratch, rows[r], delta);
            for (int j = 0; j < n; j++) {
                float[] hj = h[j];
                double gj = g[j];
                for (int c = 0; c < classes; c++) {
                    gj += delta[c] * hj[row + c];
                }
                g[j] = gj;
            }
        }
        for (int j = 0; j < n; j++) {
            double penalty = (objective.lambda() * complexities[j] + objective.beta()) * Math.signum(w[j]);
            grad[j] = (float) (g[j] / count + penalty);
        }
    }
}
