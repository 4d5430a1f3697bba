package org.saepj.engine.layer;

import java.util.SplittableRandom;

/** Seeded weight initialisers of spec §3. */
public final class Initializers {
    /** σ of a standard normal truncated at ±2σ is 0.87962566 of the untruncated σ. */
    static final double TRUNCATION_STD = 0.8796256610342398;

    private Initializers() {}

    /**
     * Glorot-uniform: U(−l, l) with l = √(6 / (fanIn + fanOut)).
     *
     * @param params the array to fill
     * @param offset where to start
     * @param count how many values
     * @param fanIn inputs of each unit
     * @param fanOut outputs of each input
     * @param rng the random source
     */
    public static void glorotUniform(
            float[] params, int offset, int count, int fanIn, int fanOut, SplittableRandom rng) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < count; i++) {
            params[offset + i] = (float) ((rng.nextDouble() * 2 - 1) * limit);
        }
    }

    /**
     * He-normal truncated at ±2σ as TensorFlow's variance scaling does it: σ = √(2 / fanIn) / 0.8796, and
     * draws beyond 2σ are redrawn.
     *
     * @param params the array to fill
     * @param offset where to start
     * @param count how many values
     * @param fanIn inputs of each unit
     * @param rng the random source
     */
    public static void truncatedHeNormal(float[] params, int offset, int count, int fanIn, SplittableRandom rng) {
        double sigma = Math.sqrt(2.0 / fanIn) / TRUNCATION_STD;
        for (int i = 0; i < count; i++) {
            double z;
            do {
                z = gaussian(rng);
            } while (Math.abs(z) > 2);
            params[offset + i] = (float) (z * sigma);
        }
    }

    /** Marsaglia's polar method: reproducible from the SplittableRandom stream alone. */
    static double gaussian(SplittableRandom rng) {
        double u;
        double v;
        double s;
        do {
            u = rng.nextDouble() * 2 - 1;
            v = rng.nextDouble() * 2 - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
