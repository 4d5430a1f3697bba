package org.saepj.data;

/**
 * Per-feature standardisation (x − mean) / deviation, fitted on the training partition only so that no
 * test information leaks into training. Constant features get a deviation of 1.
 *
 * @param mean the training mean of each feature
 * @param deviation the training standard deviation of each feature (never 0)
 */
public record Standardizer(float[] mean, float[] deviation) {
    /**
     * Fits the statistics on a training partition.
     *
     * @param train the training partition
     * @return the fitted standardiser
     */
    public static Standardizer fit(Dataset train) {
        int d = train.featureSize();
        int n = train.size();
        double[] sum = new double[d];
        double[] sq = new double[d];
        float[] x = train.features();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = x[i * d + j];
                sum[j] += v;
                sq[j] += v * v;
            }
        }
        float[] mean = new float[d];
        float[] dev = new float[d];
        for (int j = 0; j < d; j++) {
            double m = sum[j] / n;
            double var = Math.max(0, sq[j] / n - m * m);
            mean[j] = (float) m;
            dev[j] = var > 1e-12 ? (float) Math.sqrt(var) : 1f;
        }
        return new Standardizer(mean, dev);
    }

    /**
     * @param data a partition with the fitted feature count
     * @return a new dataset with standardised features
     */
    public Dataset apply(Dataset data) {
        int d = mean.length;
        if (data.featureSize() != d) {
            throw new IllegalArgumentException("standardiser has " + d + " features, data has " + data.featureSize());
        }
        float[] x = data.features().clone();
        for (int i = 0; i < data.size(); i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (x[i * d + j] - mean[j]) / deviation[j];
            }
        }
        return new Dataset(data.name(), x, data.targets(), data.shape());
    }
}
