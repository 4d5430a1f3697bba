package org.saepj.ensemble;

import java.util.Arrays;
import java.util.List;
import org.saepj.engine.optim.Optimizer;
import org.saepj.engine.optim.OptimizerSpec;

/**
 * Mixture weights: uniform (the paper's ".O", w_j = 1/N) or learned (".W", scalar w_j from 1/N, trained on
 * the objective with the subnetworks' optimizer over the iteration's training batches, using the members'
 * stored training logits).
 */
public final class MixtureWeights {
    private MixtureWeights() {
    }

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
     * @param trainLogits each member's logits on the training partition
     * @param labels the training labels
     * @param classes the number of classes
     * @param batches sample indices of each step, {@code steps × batchSize}
     * @param batchSize samples per step
     * @param complexities each member's r(h)
     * @param objective λ and β
     * @param optimizer the optimizer to use
     * @return the fitted weights
     */
    public static double[] fit(List<float[]> trainLogits, int[] labels, int classes, int[] batches, int batchSize,
                               double[] complexities, Objective objective, OptimizerSpec optimizer) {
        int n = trainLogits.size();
        float[][] h = trainLogits.toArray(new float[0][]);
        float[] w = new float[n];
        Arrays.fill(w, 1f / n);
        float[] grad = new float[n];
        Optimizer opt = optimizer.create(n);
        double[] scratch = new double[2 * classes];
        int steps = batches.length / batchSize;
        for (int s = 0; s < steps; s++) {
            gradient(h, labels, classes, batches, s * batchSize, batchSize, w, complexities, objective, scratch, grad);
            opt.step(w, grad);
        }
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            out[j] = w[j];
        }
        return out;
    }

    /**
     * The gradient of the objective on one batch with respect to the weights: the batch's mean cross-entropy
     * of {@code Σ_j w_j·h_j} plus {@code (λ·r_j + β)·sign(w_j)}.
     *
     * @param h each member's logits, {@code samples × classes}
     * @param labels the class of every sample
     * @param classes the number of classes
     * @param rows sample indices; the batch is {@code rows[from … from + count − 1]}
     * @param from where the batch starts in {@code rows}
     * @param count the batch's size
     * @param w the weights
     * @param complexities each member's r(h)
     * @param objective λ and β
     * @param scratch at least {@code 2 × classes} doubles
     * @param grad receives the gradient, one entry per member
     */
    static void gradient(float[][] h, int[] labels, int classes, int[] rows, int from, int count, float[] w,
                         double[] complexities, Objective objective, double[] scratch, float[] grad) {
        int n = h.length;
        double[] g = new double[n];
        for (int r = from; r < from + count; r++) {
            int row = rows[r] * classes;
            // f: the ensemble's logits, then its softmax; delta: softmax minus the one-hot label.
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
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, scratch[c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                scratch[c] = Math.exp(scratch[c] - max);
                sum += scratch[c];
            }
            int y = labels[rows[r]];
            for (int c = 0; c < classes; c++) {
                scratch[classes + c] = scratch[c] / sum - (c == y ? 1 : 0);
            }
            for (int j = 0; j < n; j++) {
                float[] hj = h[j];
                double gj = g[j];
                for (int c = 0; c < classes; c++) {
                    gj += scratch[classes + c] * hj[row + c];
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
