package org.saepj.information;

/**
 * Information between real-valued outputs under a Gaussian model (docs/PRUNING.md, "Regression"): for two jointly
 * Gaussian variables with correlation ρ the mutual information is {@code I = −½·ln(1 − ρ²)} nats. PIE's regression form
 * normalises it to [0, 1] with Linfoot's informational coefficient of correlation {@code r = √(1 − e^{−2I})}, and takes
 * {@code 1 − r} as the normalised variation of information: 0 for outputs that determine each other, 1 for independent
 * ones, as the discrete measures of {@link InformationTheory}.
 */
public final class GaussianInformation {
    private GaussianInformation() {}

    /**
     * Pearson's correlation; 0 when either vector is constant (it carries no information).
     *
     * @param x one vector
     * @param y another, of the same length
     * @return ρ in [−1, 1]
     */
    public static double correlation(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("vectors differ in length: " + x.length + " and " + y.length);
        }
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0 || syy == 0) {
            return 0;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    /**
     * @param x one vector
     * @param y another, of the same length
     * @return {@code −½·ln(1 − ρ²)} in nats; infinite when one is an affine function of the other
     */
    public static double mutualInformation(double[] x, double[] y) {
        double r = correlation(x, y);
        return -0.5 * Math.log1p(-r * r);
    }

    /**
     * @param mutualInformation I in nats, ≥ 0
     * @return Linfoot's {@code √(1 − e^{−2I})} in [0, 1]
     */
    public static double normalised(double mutualInformation) {
        return Math.sqrt(-Math.expm1(-2 * mutualInformation));
    }

    /**
     * @param x one vector
     * @param y another, of the same length
     * @return the normalised mutual information in [0, 1]
     */
    public static double normalizedMutualInformation(double[] x, double[] y) {
        return normalised(mutualInformation(x, y));
    }

    /**
     * @param x one vector
     * @param y another, of the same length
     * @return the normalised variation of information {@code 1 − r} in [0, 1]
     */
    public static double variationOfInformation(double[] x, double[] y) {
        return 1 - normalizedMutualInformation(x, y);
    }
}
