package org.saepj.ensemble;

import java.util.OptionalDouble;

/**
 * Temperature scaling (Guo et al., ICML 2017): one number T &gt; 0 that divides a classifier's logits before the
 * softmax, fitted to minimise the negative log-likelihood on held-out data. It leaves every prediction as it was
 * (the largest logit stays the largest) and only makes the probabilities more or less confident.
 *
 * <p>The mean NLL of {@code z / T} is convex in the inverse temperature {@code b = 1 / T}: its derivative
 * {@code mean(E_p[z] − z_y)} is increasing, so the fit bisects it on a log scale of b between
 * {@value #LOWEST} and {@value #HIGHEST}, a fixed number of times. Deterministic: the same logits give the same T.
 *
 * <p>When the held-out logits rank every sample's class first by a margin (typically a small validation part with
 * no error), the NLL keeps falling as T goes to 0: such data cannot bound the temperature, and the "optimum" at the
 * lower bound would make the model certain of every prediction, wrong ones included. Then no temperature is fitted.
 */
public final class TemperatureScaling {
    /** The smallest temperature considered. */
    public static final double LOWEST = 0.01;
    /** The largest temperature considered. */
    public static final double HIGHEST = 100;
    /** Bisections of the log inverse temperature: far below float precision of T. */
    private static final int STEPS = 80;

    private TemperatureScaling() {}

    /**
     * @param logits {@code n × classes}, row-major, held-out samples (never the test data)
     * @param labels their true classes
     * @param classes the number of classes
     * @return the temperature minimising the mean NLL of {@code logits / T}, in ({@value #LOWEST}, {@value #HIGHEST}];
     *     empty when the NLL still falls at {@value #LOWEST}: the data cannot bound it from below
     * @throws IllegalArgumentException when the sizes do not match or there are no samples
     */
    public static OptionalDouble fit(float[] logits, int[] labels, int classes) {
        int n = labels.length;
        if (n == 0 || classes < 2 || logits.length != (long) n * classes) {
            throw new IllegalArgumentException("expected " + n + " samples × " + classes
                    + " classes of logits (at least one sample, two classes), got " + logits.length + " values");
        }
        double lo = Math.log(1 / HIGHEST);
        double hi = Math.log(1 / LOWEST);
        if (slope(logits, labels, classes, Math.exp(lo)) >= 0) {
            return OptionalDouble.of(HIGHEST);
        }
        if (slope(logits, labels, classes, Math.exp(hi)) <= 0) {
            return OptionalDouble.empty();
        }
        for (int s = 0; s < STEPS; s++) {
            double mid = (lo + hi) / 2;
            if (slope(logits, labels, classes, Math.exp(mid)) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return OptionalDouble.of(1 / Math.exp((lo + hi) / 2));
    }

    /**
     * @param logits {@code n × classes}
     * @param temperature T &gt; 0
     * @return {@code logits / T}, a new array; divided in float by T rounded to float, as ONNX's Div does
     */
    public static float[] apply(float[] logits, double temperature) {
        float t = (float) temperature;
        float[] out = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = logits[i] / t;
        }
        return out;
    }

    /**
     * @param logits {@code n × classes}
     * @param labels the true classes
     * @param classes the number of classes
     * @param temperature T &gt; 0
     * @return the mean negative log-likelihood of the softmax of {@code logits / T}, in double precision
     */
    public static double nll(float[] logits, int[] labels, int classes, double temperature) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            int o = i * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[o + c] / temperature);
            }
            double z = 0;
            for (int c = 0; c < classes; c++) {
                z += Math.exp(logits[o + c] / temperature - max);
            }
            sum += max + Math.log(z) - logits[o + labels[i]] / temperature;
        }
        return sum / labels.length;
    }

    /** d/db of the mean NLL of {@code b · z}: the mean over samples of the softmax-expected logit less the true one. */
    private static double slope(float[] logits, int[] labels, int classes, double b) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            int o = i * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, b * logits[o + c]);
            }
            double z = 0;
            double expected = 0;
            for (int c = 0; c < classes; c++) {
                double e = Math.exp(b * logits[o + c] - max);
                z += e;
                expected += e * logits[o + c];
            }
            sum += expected / z - logits[o + labels[i]];
        }
        return sum / labels.length;
    }
}
