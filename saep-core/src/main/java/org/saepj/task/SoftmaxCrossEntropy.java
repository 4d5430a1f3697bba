package org.saepj.task;

/**
 * Softmax cross-entropy averaged over the batch, computed stably (the row maximum is subtracted), with its
 * gradient {@code (softmax − onehot) / batch} with respect to the logits.
 */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {}

    /**
     * @param logits {@code batch × classes}
     * @param labels class index of each sample
     * @param batch the number of samples
     * @param classes the number of classes
     * @param grad receives the gradient with respect to the logits, or null
     * @return the mean loss over the batch
     */
    public static float lossAndGradient(float[] logits, int[] labels, int batch, int classes, float[] grad) {
        return lossAndGradient(logits, labels, null, batch, classes, grad);
    }

    /**
     * @param logits {@code batch × classes}
     * @param labels class index of every sample the rows name
     * @param rows the label row of each sample of the batch, or null for the first {@code batch} labels in order
     * @param batch the number of samples
     * @param classes the number of classes
     * @param grad receives the gradient with respect to the logits, or null
     * @return the mean loss over the batch
     */
    public static float lossAndGradient(
            float[] logits, int[] labels, int[] rows, int batch, int classes, float[] grad) {
        double total = 0;
        float invBatch = 1f / batch;
        for (int b = 0; b < batch; b++) {
            int base = b * classes;
            double logSum = logSumExp(logits, base, classes);
            int y = labels[rows == null ? b : rows[b]];
            total += logSum - logits[base + y];
            if (grad != null) {
                for (int j = 0; j < classes; j++) {
                    float p = (float) Math.exp(logits[base + j] - logSum);
                    grad[base + j] = (p - (j == y ? 1f : 0f)) * invBatch;
                }
            }
        }
        return (float) (total / batch);
    }

    /**
     * Cross-entropy against labels smoothed by ε (Szegedy et al. 2016), as PyTorch's
     * {@code CrossEntropyLoss(label_smoothing=ε)}: the target of each sample is {@code q = (1 − ε)·onehot + ε/K}, the
     * loss {@code Σ_j q_j·(ln Σ exp z − z_j)}, its gradient {@code (softmax − q) / batch}. ε = 0 is
     * {@link #lossAndGradient(float[], int[], int[], int, int, float[])} itself, bit for bit.
     *
     * @param logits {@code batch × classes}
     * @param labels class index of every sample the rows name
     * @param rows the label row of each sample of the batch, or null for the first {@code batch} labels in order
     * @param batch the number of samples
     * @param classes the number of classes
     * @param smoothing ε in [0, 1)
     * @param grad receives the gradient with respect to the logits, or null
     * @return the mean loss over the batch
     */
    public static float smoothedLossAndGradient(
            float[] logits, int[] labels, int[] rows, int batch, int classes, double smoothing, float[] grad) {
        if (smoothing == 0) {
            return lossAndGradient(logits, labels, rows, batch, classes, grad);
        }
        double total = 0;
        float invBatch = 1f / batch;
        double spread = smoothing / classes;
        double onTarget = 1 - smoothing;
        for (int b = 0; b < batch; b++) {
            int base = b * classes;
            int y = labels[rows == null ? b : rows[b]];
            total += smoothedLoss(logits, base, classes, y, onTarget, spread);
            if (grad != null) {
                double logSum = logSumExp(logits, base, classes);
                for (int j = 0; j < classes; j++) {
                    double p = Math.exp(logits[base + j] - logSum);
                    double q = spread + (j == y ? onTarget : 0);
                    grad[base + j] = (float) (p - q) * invBatch;
                }
            }
        }
        return (float) (total / batch);
    }

    /**
     * The mean smoothed cross-entropy over a whole partition, in double precision.
     *
     * @param logits {@code n × classes}
     * @param labels class index of each sample
     * @param classes the number of classes
     * @param smoothing ε in [0, 1)
     * @return the mean loss; {@link #meanLoss} when ε = 0
     */
    public static double smoothedMeanLoss(float[] logits, int[] labels, int classes, double smoothing) {
        if (smoothing == 0) {
            return meanLoss(logits, labels, classes);
        }
        double total = 0;
        for (int b = 0; b < labels.length; b++) {
            total += smoothedLoss(logits, b * classes, classes, labels[b], 1 - smoothing, smoothing / classes);
        }
        return total / labels.length;
    }

    /** One sample's {@code Σ_j q_j·(ln Σ exp z − z_j)} with q = onTarget at y plus spread everywhere. */
    private static double smoothedLoss(float[] logits, int base, int classes, int y, double onTarget, double spread) {
        double logSum = logSumExp(logits, base, classes);
        double sumOfLogits = 0;
        for (int j = 0; j < classes; j++) {
            sumOfLogits += logits[base + j];
        }
        return logSum - onTarget * logits[base + y] - spread * sumOfLogits;
    }

    /**
     * Per-sample losses, for the mean loss over a whole partition.
     *
     * @param logits {@code n × classes}
     * @param labels class index of each sample
     * @param classes the number of classes
     * @return the mean cross-entropy over all samples, in double precision
     */
    public static double meanLoss(float[] logits, int[] labels, int classes) {
        double total = 0;
        for (int b = 0; b < labels.length; b++) {
            int base = b * classes;
            total += logSumExp(logits, base, classes) - logits[base + labels[b]];
        }
        return total / labels.length;
    }

    /** ln Σ exp(row), computed stably by subtracting the row's maximum first. */
    private static double logSumExp(float[] logits, int base, int classes) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < classes; j++) {
            max = Math.max(max, logits[base + j]);
        }
        double sum = 0;
        for (int j = 0; j < classes; j++) {
            sum += Math.exp(logits[base + j] - max);
        }
        return Math.log(sum) + max;
    }
}
