package org.saepj.ensemble;

/**
 * How well an ensemble's confidence matches its accuracy: the expected calibration error (ECE) of Guo et al.
 * (ICML 2017). Each sample's confidence is its highest softmax probability; the samples are put in
 * {@value #BINS} equal-width bins of confidence ({@code (k/B, (k+1)/B]}, a confidence of 0 in the first), and the
 * ECE is the sample-weighted mean over the bins of |accuracy − mean confidence|. 0 is perfectly calibrated.
 */
public final class Calibration {
    /** The number of equal-width confidence bins, the usual choice (Guo et al. use 15). */
    public static final int BINS = 15;

    private Calibration() {}

    /**
     * @param logits {@code n × classes}, row-major
     * @param labels the true classes
     * @param classes the number of classes
     * @return the expected calibration error in [0, 1]
     * @throws IllegalArgumentException when the sizes do not match or there are no samples
     */
    public static double expectedError(float[] logits, int[] labels, int classes) {
        int n = labels.length;
        if (n == 0 || classes < 1 || logits.length != (long) n * classes) {
            throw new IllegalArgumentException("expected " + n + " samples × " + classes
                    + " classes of logits (at least one sample), got " + logits.length + " values");
        }
        double[] confidence = new double[BINS];
        int[] right = new int[BINS];
        int[] count = new int[BINS];
        float[] row = new float[classes];
        for (int i = 0; i < n; i++) {
            System.arraycopy(logits, i * classes, row, 0, classes);
            double[] p = Logits.softmax(row);
            int best = Logits.argmax(row, classes)[0]; // the prediction, as accuracy counts it
            int bin = Math.min(BINS - 1, Math.max(0, (int) Math.ceil(p[best] * BINS) - 1));
            confidence[bin] += p[best];
            right[bin] += best == labels[i] ? 1 : 0;
            count[bin]++;
        }
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            if (count[b] > 0) {
                ece += Math.abs((double) right[b] / count[b] - confidence[b] / count[b]) * count[b] / n;
            }
        }
        return ece;
    }
}
