package org.saepj.engine.layer;

/**
 * The error function in double precision, which {@link Math} lacks: the Maclaurin series where it converges quickly
 * (|z| &lt; 2.5, about 40 terms at most), the continued fraction of erfc beyond, and ±1 where erfc is below double's
 * resolution. Accurate to within 1e-14 (the series loses a little to cancellation near 2.5), far beyond the float
 * activations it serves.
 */
final class Erf {
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    private Erf() {}

    /**
     * @param z any number
     * @return erf(z)
     */
    static double erf(double z) {
        double a = Math.abs(z);
        if (a < 2.5) {
            return series(z);
        }
        double r = a >= 6 ? 1 : 1 - erfcFraction(a);
        return z < 0 ? -r : r;
    }

    /** Σ (−1)ⁿ z^(2n+1) / (n! (2n+1)), times 2/√π. */
    private static double series(double z) {
        double z2 = z * z;
        double term = z;
        double sum = z;
        for (int n = 1; n < 100; n++) {
            term *= -z2 / n;
            double add = term / (2 * n + 1);
            sum += add;
            if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * sum;
    }

    /**
     * erfc(z) for z ≥ 2.5: e^(−z²)/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + …)))), evaluated bottom-up from a depth
     * at which it has converged.
     */
    private static double erfcFraction(double z) {
        double f = z;
        for (int k = 80; k >= 1; k--) {
            f = z + (k / 2.0) / f;
        }
        return Math.exp(-z * z) / Math.sqrt(Math.PI) / f;
    }
}
