package org.saepj.ensemble;

import java.util.List;
import org.saepj.task.SoftmaxCrossEntropy;

/** Operations on row-major logit matrices ({@code samples × classes}). */
public final class Logits {
    private Logits() {}

    /**
     * The ensemble's logits F = Σ w_j·h_j, summed in member order (so the result is reproducible).
     *
     * @param members each member's logits
     * @param weights each member's weight
     * @return the combined logits
     */
    public static float[] combine(List<float[]> members, double[] weights) {
        float[] f = new float[members.get(0).length];
        for (int j = 0; j < members.size(); j++) {
            float w = (float) weights[j];
            float[] h = members.get(j);
            for (int i = 0; i < f.length; i++) {
                f[i] += w * h[i];
            }
        }
        return f;
    }

    /**
     * @param logits {@code n × classes}
     * @param classes the number of classes
     * @return the predicted class of each row (ties to the lowest index)
     */
    public static int[] argmax(float[] logits, int classes) {
        int n = logits.length / classes;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logits[i * classes + c] > logits[i * classes + best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /**
     * @param logits {@code n × classes}
     * @param labels the true classes
     * @param classes the number of classes
     * @return the fraction of rows whose argmax is the label
     */
    public static double accuracy(float[] logits, int[] labels, int classes) {
        int[] predicted = argmax(logits, classes);
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                right++;
            }
        }
        return (double) right / labels.length;
    }

    /**
     * @param logits {@code n × classes}
     * @param labels the true classes
     * @param classes the number of classes
     * @return the mean softmax cross-entropy
     */
    public static double meanLoss(float[] logits, int[] labels, int classes) {
        return SoftmaxCrossEntropy.meanLoss(logits, labels, classes);
    }

    /**
     * @param logits one sample's logits
     * @return their softmax, computed in double with the maximum subtracted
     */
    public static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float z : logits) {
            max = Math.max(max, z);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            p[k] = Math.exp(logits[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }
}
