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
        return reliability(logits, labels, classes).expectedError();
    }

    /**
     * @param logits {@code n × classes}, row-major
     * @param labels the true classes
     * @param classes the number of classes
     * @return the samples' confidence bins: what the ECE and a reliability diagram are made of
     * @throws IllegalArgumentException when the sizes do not match or there are no samples
     */
    public static Bins reliability(float[] logits, int[] labels, int classes) {
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
        return new Bins(count, right, confidence);
    }

    /**
     * @param logits {@code n × classes}, row-major
     * @param labels the true classes
     * @param classes the number of classes
     * @return the Brier score: the mean over samples of Σ_c (p_c − [c = label])², in [0, 2]
     */
    public static double brier(float[] logits, int[] labels, int classes) {
        double sum = 0;
        float[] row = new float[classes];
        for (int i = 0; i < labels.length; i++) {
            System.arraycopy(logits, i * classes, row, 0, classes);
            double[] p = Logits.softmax(row);
            for (int c = 0; c < classes; c++) {
                double d = p[c] - (c == labels[i] ? 1 : 0);
                sum += d * d;
            }
        }
        return sum / labels.length;
    }

    /**
     * The samples sorted into {@value #BINS} equal-width bins by their confidence.
     *
     * @param count samples per bin
     * @param right of which correctly predicted
     * @param confidenceSum the sum of their confidences
     */
    public record Bins(int[] count, int[] right, double[] confidenceSum) {
        /** @return the samples in all bins */
        public int samples() {
            return java.util.Arrays.stream(count).sum();
        }

        /**
         * @param b a bin
         * @return its accuracy, NaN when it is empty
         */
        public double accuracy(int b) {
            return count[b] == 0 ? Double.NaN : (double) right[b] / count[b];
        }

        /**
         * @param b a bin
         * @return its mean confidence, NaN when it is empty
         */
        public double confidence(int b) {
            return count[b] == 0 ? Double.NaN : confidenceSum[b] / count[b];
        }

        /** @return the sample-weighted mean over the bins of |accuracy − mean confidence| */
        public double expectedError() {
            int n = samples();
            double ece = 0;
            for (int b = 0; b < count.length; b++) {
                if (count[b] > 0) {
                    ece += Math.abs((double) right[b] / count[b] - confidenceSum[b] / count[b]) * count[b] / n;
                }
            }
            return ece;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bins x
                    && java.util.Arrays.equals(x.count, count)
                    && java.util.Arrays.equals(x.right, right)
                    && java.util.Arrays.equals(x.confidenceSum, confidenceSum);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(count);
        }

        @Override
        public String toString() {
            return "Bins" + java.util.Arrays.toString(count);
        }
    }
}
