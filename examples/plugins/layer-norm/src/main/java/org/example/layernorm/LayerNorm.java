package org.example.layernorm;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.saepj.engine.layer.Layer;

/**
 * Layer normalisation of each sample over its features: {@code y = γ·(x − μ)/√(σ² + ε) + β}, with μ and σ² (biased)
 * the mean and variance of the sample's own features, so training and inference compute the same thing and no
 * running statistics are kept. Parameters {@code [γ (n)][β (n)]}, γ = 1 and β = 0 initially, with no random draw.
 *
 * <p>The backward pass recomputes each sample's statistics from its input rather than keeping them from the forward
 * pass: two cheap passes over a row, and no scratch buffers that would tie the layer to one batch size.
 */
public final class LayerNorm extends Layer {
    private final int features;
    private final double epsilon;

    /**
     * @param features the features of a sample, n
     * @param epsilon ε, added to the variance
     */
    public LayerNorm(int features, double epsilon) {
        this.features = features;
        this.epsilon = epsilon;
    }

    @Override
    public int inputSize() {
        return features;
    }

    @Override
    public int outputSize() {
        return features;
    }

    @Override
    public int parameterCount() {
        return 2 * features;
    }

    @Override
    public void initialize(float[] params, SplittableRandom rng) {
        Arrays.fill(params, offset(), offset() + features, 1f);
        Arrays.fill(params, offset() + features, offset() + 2 * features, 0f);
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int batch) {
        int g = offset();
        int b = offset() + features;
        for (int s = 0; s < batch; s++) {
            int row = s * features;
            double mean = mean(x, row);
            double invStd = invStd(x, row, mean);
            for (int j = 0; j < features; j++) {
                y[row + j] = (float) ((x[row + j] - mean) * invStd * params[g + j] + params[b + j]);
            }
        }
    }

    @Override
    public void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch) {
        int g = offset();
        int b = offset() + features;
        Arrays.fill(grads, g, g + 2 * features, 0f);
        for (int s = 0; s < batch; s++) {
            int row = s * features;
            double mean = mean(x, row);
            double invStd = invStd(x, row, mean);
            // dx = (1/σ)·(ĝ − mean(ĝ) − x̂·mean(ĝ·x̂)) with ĝ = γ·dy: the two means couple a sample's features.
            double sumG = 0;
            double sumGx = 0;
            for (int j = 0; j < features; j++) {
                int i = row + j;
                double xhat = (x[i] - mean) * invStd;
                grads[g + j] += (float) (dy[i] * xhat);
                grads[b + j] += dy[i];
                double gj = dy[i] * params[g + j];
                sumG += gj;
                sumGx += gj * xhat;
            }
            if (dx != null) {
                for (int j = 0; j < features; j++) {
                    int i = row + j;
                    double xhat = (x[i] - mean) * invStd;
                    double gj = dy[i] * params[g + j];
                    dx[i] = (float) (invStd * (gj - sumG / features - xhat * sumGx / features));
                }
            }
        }
    }

    private double mean(float[] x, int row) {
        double sum = 0;
        for (int j = 0; j < features; j++) {
            sum += x[row + j];
        }
        return sum / features;
    }

    /** 1/√(σ² + ε), the variance computed around the mean (two passes: no cancellation for large offsets). */
    private double invStd(float[] x, int row, double mean) {
        double sum2 = 0;
        for (int j = 0; j < features; j++) {
            double d = x[row + j] - mean;
            sum2 += d * d;
        }
        return 1 / Math.sqrt(sum2 / features + epsilon);
    }

    @Override
    public String toString() {
        return "LayerNorm(" + features + ")";
    }
}
