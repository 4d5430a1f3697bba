package org.saepj.data;

/**
 * Per-feature standardisation (x − mean) / deviation, fitted on the training partition only so that no
 * test information leaks into training. Constant features get a deviation of 1. An indicator — a feature whose training
 * values are 0 and 1 and nothing else (a one-hot level, a missing-value indicator, a yes/no column) — is kept as it is
 * (mean 0, deviation 1): standardising it would divide by √(p(1 − p)), so that a level held by 2% of the rows became
 * 7 standard units and the members leaned on the rarest levels hardest (confident errors on a small table's rare
 * categories; measured on the nested folds of docs/RESULTS.md, issue 30). Left 0/1, as scikit-learn's one-hot
 * encoder leaves them, every indicator is on the scale of a standardised number.
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
        // Which values each feature takes, in the same pass: an indicator has both 0 and 1 and nothing else (a
        // constant column is not one: it is centred as before).
        boolean[] zero = new boolean[d];
        boolean[] one = new boolean[d];
        boolean[] other = new boolean[d];
        float[] x = train.features();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                float f = x[i * d + j];
                double v = f;
                sum[j] += v;
                sq[j] += v * v;
                if (f == 0f) {
                    zero[j] = true;
                } else if (f == 1f) {
                    one[j] = true;
                } else {
                    other[j] = true;
                }
            }
        }
        float[] mean = new float[d];
        float[] dev = new float[d];
        for (int j = 0; j < d; j++) {
            if (zero[j] && one[j] && !other[j]) {
                dev[j] = 1f;
                continue;
            }
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
