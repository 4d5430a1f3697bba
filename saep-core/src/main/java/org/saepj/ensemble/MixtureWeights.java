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
     * Fits scalar weights by mini-batch descent on the objective.
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
        double[] f = new double[classes];
        double[] delta = new double[classes];
        double[] g = new double[n];
        int steps = batches.length / batchSize;
        for (int s = 0; s < steps; s++) {
            Arrays.fill(g, 0);
            for (int b = 0; b < batchSize; b++) {
                int row = batches[s * batchSize + b] * classes;
                Arrays.fill(f, 0);
                for (int j = 0; j < n; j++) {
                    float[] hj = h[j];
                    float wj = w[j];
                    for (int c = 0; c < classes; c++) {
                        f[c] += wj * hj[row + c];
                    }
                }
                double max = Double.NEGATIVE_INFINITY;
                for (double v : f) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    f[c] = Math.exp(f[c] - max);
                    sum += f[c];
                }
                int y = labels[row / classes];
                for (int c = 0; c < classes; c++) {
                    delta[c] = f[c] / sum - (c == y ? 1 : 0);
                }
                // Member by member, one contiguous row each; every g[j] sums its terms in the same order as before.
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
                grad[j] = (float) (g[j] / batchSize + penalty);
            }
            opt.step(w, grad);
        }
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            out[j] = w[j];
        }
        return out;
    }
}
