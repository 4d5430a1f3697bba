package org.saepj.engine.layer;

import java.util.Arrays;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.StemShape;

/**
 * A stem's training run as one call each way: a stride-1 same convolution of the network's input (so nothing needs
 * its input gradient), the batch norm that alone reads it, that norm's ReLU and a 2×2 max pool. The convolution's
 * output, the largest array of a small residual CNN's step (64 × 28 × 28 × 32 floats, 6.4 MB), is never written, read
 * back or differentiated position by position:
 *
 * <ul>
 *   <li><b>Statistics from moments.</b> A filter's output is linear in its patch, {@code x = w·P + b}, so its batch
 *       mean and variance are {@code w·m + b} and {@code wᵀΣw}, with m and Σ the mean and covariance of the batch's
 *       patches over every output position (K²·cin numbers and their products: 9 and 45 for a 3×3 one-channel stem),
 *       summed from the images centred by a value per channel so that the covariance does not come from the
 *       difference of two large numbers.
 *   <li><b>The forward pass</b> computes each pool window's four outputs where it needs them and writes only the
 *       pooled value, and beside it which position of the window holds the maximum first and its convolution output
 *       (a quarter of the convolution's output each).
 *   <li><b>The backward pass</b> needs the batch norm's input gradient {@code dx = a·dy + slope·x + shift} only to take
 *       the convolution's kernel gradient {@code Σ dx·Pₜ}; that splits into {@code a·Σ dy·Pₜ}, where dy is non-zero at
 *       one position of a window at most (the pool's routing, kept by the forward pass), {@code slope·N·(Σw)ₜ} from
 *       the moments, and {@code −a·(Σ dy/N)·Σ Pₜ}. The bias gradient {@code Σ dx} is exactly zero in exact arithmetic
 *       (a batch norm follows); it is written as zero.
 * </ul>
 *
 * <p>So the run computes the layers' functions and gradients with other roundings than the layers one by one (the
 * statistics from the moments, the kernel gradient from the sums): within float rounding of them, checked in the tests
 * against the layers one by one, by finite differences and against PyTorch. Its own sums run in fixed chunks of images,
 * each a float run per image added into double and the chunks added in order, so the bits do not depend on the
 * threads that run the chunks.
 */
final class StemRun {
    /** The chunks of a pass, fixed (not the thread count) so that the sums' order is. */
    private static final int CHUNKS = 4;

    /** The most kernel rows (taps) a run takes: a 3×3 kernel over three channels (its moments grow as the square). */
    static final int MOST_TAPS = 27;

    private final Conv2D conv;
    private final BatchNorm norm;
    private final Kernels kernels;
    private final StemShape shape;
    private final int taps;
    private final int cout;
    /** Per input channel: the batch's mean input, subtracted from every patch value before its products are summed. */
    private final float[] center;
    /** The last training pass's patch covariance, {@code taps × taps}, both triangles. */
    private final double[] covariance;
    /** The last training pass's Σ Pₜ over every output position (zero padding counted as 0), per tap. */
    private final double[] patchSums;
    /**
     * The last training pass's {@code (Σw)ₜ} per tap and filter, {@code taps × cout}: its variances' and its kernel
     * gradient's term, from the moments and the kernel of that pass.
     */
    private final double[] sigmaW;

    private final double[] batchMean;
    private final double[] batchVariance;
    private final double[] sumDy;
    private final double[] sumDyXhat;
    private final double[] tapSums;
    /**
     * Beside each pooled output of the last training pass: its window's first position holding the maximum (0 … 3), and
     * that position's convolution output; the backward pass routes and sums from them instead of convolving again.
     */
    private float[] chosen = new float[0];

    private float[] chosenX = new float[0];
    private Part[] parts = new Part[0];

    /** What one chunk of a pass sums into, and its workspace: each chunk's own, so chunks may run on any thread. */
    private static final class Part {
        private final double[] gram;
        private final double[] sums;
        private final double[] sumDy;
        private final double[] sumDyXc;
        private final double[] tapSums;
        private final float[] work;

        Part(StemShape shape) {
            int taps = shape.taps();
            gram = new double[taps * taps];
            sums = new double[taps];
            sumDy = new double[shape.cout()];
            sumDyXc = new double[shape.cout()];
            tapSums = new double[taps * shape.cout()];
            work = new float[shape.workspace()];
        }
    }

    /**
     * Whether a convolution can start a stem's run (before its batch norm, ReLU and a pool over even sides).
     *
     * @param conv the convolution
     * @return true for a stride-1 same convolution of at most {@link #MOST_TAPS} kernel rows whose kernels run stems
     */
    static boolean takes(Conv2D conv) {
        return conv.stride() == 1
                && conv.padding() == Conv2D.Padding.SAME
                && conv.kernel() * conv.kernel() * conv.inChannels() <= MOST_TAPS
                && conv.height() % 2 == 0
                && conv.width() % 2 == 0
                && conv.kernels().fusesStem();
    }

    /**
     * @param conv the stem's convolution: {@link #takes}
     * @param norm the batch norm that alone reads it, over its filters
     */
    StemRun(Conv2D conv, BatchNorm norm) {
        if (!takes(conv) || norm.channels() != conv.filters()) {
            throw new IllegalArgumentException("not a stem's run: " + conv + " then " + norm);
        }
        this.conv = conv;
        this.norm = norm;
        this.kernels = conv.kernels();
        this.shape = new StemShape(conv.height(), conv.width(), conv.inChannels(), conv.kernel(), conv.filters());
        this.taps = shape.taps();
        this.cout = shape.cout();
        this.center = new float[shape.cin()];
        this.covariance = new double[taps * taps];
        this.patchSums = new double[taps];
        this.sigmaW = new double[taps * cout];
        this.batchMean = new double[cout];
        this.batchVariance = new double[cout];
        this.sumDy = new double[cout];
        this.sumDyXhat = new double[cout];
        this.tapSums = new double[taps * cout];
    }

    /** @return the chunks of a pass over {@code batch} images, their parts made */
    private int chunks(int batch) {
        int count = Math.min(CHUNKS, batch);
        if (parts.length < count) {
            Part[] more = Arrays.copyOf(parts, count);
            for (int c = parts.length; c < count; c++) {
                more[c] = new Part(shape);
            }
            parts = more;
        }
        return count;
    }

    /**
     * The training forward pass: statistics from the moments, the batch norm's constants and running statistics, the
     * pooled outputs.
     *
     * @param params the network's parameters
     * @param x the network's input
     * @param y receives the pool's outputs
     * @param batch the number of samples
     * @param pass a training pass
     */
    void forward(float[] params, float[] x, float[] y, int batch, Pass pass) {
        int count = chunks(batch);
        centers(x, batch);
        pass.chunks().run(count, c -> {
            Part part = parts[c];
            Arrays.fill(part.gram, 0);
            Arrays.fill(part.sums, 0);
            kernels.stemMoments(
                    shape,
                    x,
                    first(c, count, batch),
                    first(c + 1, count, batch),
                    center,
                    part.gram,
                    part.sums,
                    part.work);
        });
        int positions = batch * shape.h() * shape.w();
        moments(count, positions);
        statistics(params, positions);
        norm.trainingConstants(params, pass.state(), positions, batchMean, batchVariance);
        float[] scale = norm.forwardScale();
        float[] shift = norm.forwardShift();
        int pooled = batch * (shape.h() / 2) * (shape.w() / 2) * cout;
        if (chosen.length < pooled) {
            chosen = new float[pooled];
            chosenX = new float[pooled];
        }
        pass.chunks()
                .run(
                        count,
                        c -> kernels.stemForwardPooled(
                                shape,
                                x,
                                y,
                                first(c, count, batch),
                                first(c + 1, count, batch),
                                0,
                                cout,
                                params,
                                conv.offset(),
                                params,
                                conv.biasOffset(),
                                scale,
                                shift,
                                chosen,
                                chosenX,
                                parts[c].work));
    }

    /**
     * The training backward pass: the batch norm's parameter gradients and the convolution's.
     *
     * @param params the network's parameters
     * @param x the network's input of the forward pass
     * @param y the pool's outputs of the forward pass
     * @param dy the gradient with respect to them
     * @param grads the network's gradient array
     * @param batch the number of samples
     * @param pass the training pass of the forward pass
     */
    void backward(float[] params, float[] x, float[] y, float[] dy, float[] grads, int batch, Pass pass) {
        int count = chunks(batch);
        float[] mean = norm.batchMean();
        pass.chunks().run(count, c -> {
            Part part = parts[c];
            Arrays.fill(part.sumDy, 0);
            Arrays.fill(part.sumDyXc, 0);
            Arrays.fill(part.tapSums, 0);
            kernels.stemGradientSums(
                    shape,
                    x,
                    y,
                    dy,
                    chosen,
                    chosenX,
                    first(c, count, batch),
                    first(c + 1, count, batch),
                    0,
                    cout,
                    mean,
                    part.sumDy,
                    part.sumDyXc,
                    part.tapSums,
                    part.work);
        });
        Arrays.fill(sumDy, 0);
        Arrays.fill(sumDyXhat, 0);
        Arrays.fill(tapSums, 0);
        for (int c = 0; c < count; c++) {
            Part part = parts[c];
            for (int f = 0; f < cout; f++) {
                sumDy[f] += part.sumDy[f];
                sumDyXhat[f] += part.sumDyXc[f];
            }
            for (int i = 0; i < tapSums.length; i++) {
                tapSums[i] += part.tapSums[i];
            }
        }
        float[] invStd = norm.batchInvStd();
        for (int f = 0; f < cout; f++) {
            sumDyXhat[f] *= invStd[f];
        }
        norm.parameterGradients(grads, sumDy, sumDyXhat);
        kernelGradient(params, grads, batch * shape.h() * shape.w());
    }

    /**
     * {@code Σ dx·Pₜ} with the batch norm's input gradient {@code dx = a·dy + slope·(x − μ) − a·Σdy/N} (its {@code
     * inputGradientConstants}): {@code a·Σ dy·Pₜ + slope·N·(Σw)ₜ − a·(Σdy/N)·Σ Pₜ}, with the forward pass's {@link
     * #sigmaW} (the same kernel); the bias's {@code Σ dx} is zero.
     */
    private void kernelGradient(float[] params, float[] grads, int positions) {
        float[] invStd = norm.batchInvStd();
        int w0 = conv.offset();
        int gamma = norm.offset();
        for (int f = 0; f < cout; f++) {
            double a = (double) params[gamma + f] * invStd[f];
            double slope = -a * invStd[f] * sumDyXhat[f] / positions;
            double meanDy = sumDy[f] / positions;
            for (int t = 0; t < taps; t++) {
                double g = a * tapSums[t * cout + f]
                        + slope * positions * sigmaW[t * cout + f]
                        - a * meanDy * patchSums[t];
                grads[w0 + t * cout + f] = (float) g;
            }
            grads[conv.biasOffset() + f] = 0f;
        }
    }

    /** The batch's mean value of each input channel, added in double in order: the moments' centre. */
    private void centers(float[] x, int batch) {
        int cin = shape.cin();
        int values = batch * shape.h() * shape.w();
        for (int ci = 0; ci < cin; ci++) {
            double s = 0;
            for (int i = ci, n = values * cin; i < n; i += cin) {
                s += x[i];
            }
            center[ci] = (float) (s / values);
        }
    }

    /** The chunks' moments added in order, as the patches' covariance and (uncentred) sums. */
    private void moments(int count, int positions) {
        double[] gram = parts[0].gram;
        double[] sums = parts[0].sums;
        for (int c = 1; c < count; c++) {
            for (int i = 0; i < gram.length; i++) {
                gram[i] += parts[c].gram[i];
            }
            for (int t = 0; t < taps; t++) {
                sums[t] += parts[c].sums[t];
            }
        }
        for (int t = 0; t < taps; t++) {
            double mt = sums[t] / positions;
            for (int u = t; u < taps; u++) {
                double cov = gram[t * taps + u] / positions - mt * (sums[u] / positions);
                covariance[t * taps + u] = cov;
                covariance[u * taps + t] = cov;
            }
            patchSums[t] = sums[t] + (double) positions * center[t % shape.cin()];
        }
    }

    /** {@link #sigmaW}, then each filter's batch mean {@code w·m + b} and variance {@code wᵀΣw} (at least 0). */
    private void statistics(float[] params, int positions) {
        int w0 = conv.offset();
        int b0 = conv.biasOffset();
        for (int f = 0; f < cout; f++) {
            double mean = params[b0 + f];
            double variance = 0;
            for (int t = 0; t < taps; t++) {
                double wt = params[w0 + t * cout + f];
                mean += wt * (patchSums[t] / positions);
                double row = 0;
                for (int u = 0; u < taps; u++) {
                    row += covariance[t * taps + u] * params[w0 + u * cout + f];
                }
                sigmaW[t * cout + f] = row;
                variance += wt * row;
            }
            batchMean[f] = mean;
            batchVariance[f] = Math.max(0, variance);
        }
    }

    /** @return the first image of chunk {@code c} of {@code count} */
    private static int first(int c, int count, int batch) {
        return batch * c / count;
    }
}
