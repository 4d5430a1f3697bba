package org.saepj.engine.layer;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Periodic embeddings of numerical features (Gorishniy, Rubachev and Babenko, "On Embeddings for Numerical Features in
 * Tabular Deep Learning", NeurIPS 2022), the periodic and linear parts of their PLR: each feature x_j of the input
 * becomes {@code v = [cos(2π·c_j·x_j), sin(2π·c_j·x_j)]} for its own k trained frequencies c_j, then its own linear
 * map {@code e_j = v·W_j + b_j} to d values; the output is the F embeddings side by side ({@code F·d} values, feature
 * by feature). A {@code relu} after it makes PLR. As the authors' {@code rtdl_num_embeddings.PeriodicEmbeddings}
 * (cosines first), the frequencies start from a normal distribution of deviation σ truncated at ±3σ and the linear
 * parts from PyTorch's {@code nn.Linear} default, uniform in ±1/√(2k).
 *
 * <p>Parameters, in order: the frequencies {@code F × k}, the weights {@code F × 2k × d} (each feature's {@code in ×
 * out}, as {@link Dense} stores its kernel), the biases {@code F × d}.
 */
public final class PeriodicEmbedding extends Layer {
    /** 2π in float: the engine and the ONNX graph multiply the frequencies by the same value. */
    static final float TWO_PI = (float) (2 * Math.PI);

    private final int features;
    private final int frequencies;
    private final int dims;
    private final double sigma;
    /** One feature's periodic values while a sample is computed: cosines then sines. */
    private final float[] v;
    /** The gradient with respect to them. */
    private final float[] dv;

    /**
     * @param features the input's features F
     * @param frequencies the frequencies k of each feature
     * @param dims the embedding's size d per feature
     * @param sigma the deviation the frequencies are drawn with
     */
    public PeriodicEmbedding(int features, int frequencies, int dims, double sigma) {
        this.features = features;
        this.frequencies = frequencies;
        this.dims = dims;
        this.sigma = sigma;
        this.v = new float[2 * frequencies];
        this.dv = new float[2 * frequencies];
    }

    @Override
    public int inputSize() {
        return features;
    }

    @Override
    public int outputSize() {
        return features * dims;
    }

    @Override
    public int parameterCount() {
        return Math.toIntExact(count(features, frequencies, dims));
    }

    /**
     * @param features the input's features
     * @param frequencies the frequencies of each feature
     * @param dims the embedding's size per feature
     * @return the number of parameters: frequencies, weights and biases
     */
    static long count(long features, long frequencies, long dims) {
        return features * frequencies + features * 2 * frequencies * dims + features * dims;
    }

    private int weightsAt() {
        return offset() + features * frequencies;
    }

    private int biasesAt() {
        return weightsAt() + features * 2 * frequencies * dims;
    }

    @Override
    public void initialize(float[] params, SplittableRandom rng) {
        for (int i = 0; i < features * frequencies; i++) {
            double z;
            do {
                z = Initializers.gaussian(rng);
            } while (Math.abs(z) > 3);
            params[offset() + i] = (float) (z * sigma);
        }
        double bound = 1 / Math.sqrt(2.0 * frequencies);
        for (int i = weightsAt(); i < biasesAt() + features * dims; i++) {
            params[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
    }

    /** Fills {@link #v} with feature j's periodic values for the value x. */
    private void periodic(float[] params, int j, float x) {
        int c = offset() + j * frequencies;
        for (int m = 0; m < frequencies; m++) {
            float angle = TWO_PI * params[c + m] * x;
            v[m] = (float) Math.cos(angle);
            v[frequencies + m] = (float) Math.sin(angle);
        }
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int batch) {
        int width = 2 * frequencies;
        for (int n = 0; n < batch; n++) {
            for (int j = 0; j < features; j++) {
                periodic(params, j, x[n * features + j]);
                int out = (n * features + j) * dims;
                int w = weightsAt() + j * width * dims;
                System.arraycopy(params, biasesAt() + j * dims, y, out, dims);
                for (int i = 0; i < width; i++) {
                    float vi = v[i];
                    int row = w + i * dims;
                    for (int o = 0; o < dims; o++) {
                        y[out + o] += vi * params[row + o];
                    }
                }
            }
        }
    }

    @Override
    public void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch) {
        int width = 2 * frequencies;
        Arrays.fill(grads, offset(), offset() + parameterCount(), 0f);
        for (int n = 0; n < batch; n++) {
            for (int j = 0; j < features; j++) {
                float xj = x[n * features + j];
                periodic(params, j, xj);
                int out = (n * features + j) * dims;
                int w = weightsAt() + j * width * dims;
                int b = biasesAt() + j * dims;
                for (int o = 0; o < dims; o++) {
                    grads[b + o] += dy[out + o];
                }
                for (int i = 0; i < width; i++) {
                    float vi = v[i];
                    int row = w + i * dims;
                    float sum = 0;
                    for (int o = 0; o < dims; o++) {
                        grads[row + o] += vi * dy[out + o];
                        sum += params[row + o] * dy[out + o];
                    }
                    dv[i] = sum;
                }
                // d cos(θ)/dθ = −sin θ, d sin(θ)/dθ = cos θ, and θ = 2π·c·x
                int c = offset() + j * frequencies;
                float dxj = 0;
                for (int m = 0; m < frequencies; m++) {
                    float dAngle = -dv[m] * v[frequencies + m] + dv[frequencies + m] * v[m];
                    grads[c + m] += dAngle * TWO_PI * xj;
                    dxj += dAngle * TWO_PI * params[c + m];
                }
                if (dx != null) {
                    dx[n * features + j] = dxj;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "PeriodicEmbedding(" + features + "×" + frequencies + "→" + features + "×" + dims + ")";
    }
}
