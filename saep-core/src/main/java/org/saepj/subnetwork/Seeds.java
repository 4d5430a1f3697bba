package org.saepj.subnetwork;

/**
 * Derives independent seeds from the run seed and indices, never from thread or worker identity, so results
 * do not depend on how work is scheduled.
 */
public final class Seeds {
    /** Purpose: a candidate's initial weights. */
    public static final long CANDIDATE = 1;
    /** Purpose: the training batch stream. */
    public static final long BATCHES = 2;
    /** Purpose: a pruning decision's draws. */
    public static final long PRUNING = 3;
    /** Purpose: the selection holdout and test holdout splits. */
    public static final long SPLITS = 4;
    /** Purpose: the augmentation of an iteration's training batches. */
    public static final long AUGMENTATION = 5;
    /** Purpose: the batch stream a final member is retrained on, on the training and validation rows together. */
    public static final long REFIT = 6;
    /** Purpose: a bagged search's folds of the training data, and each bag's own run seed. */
    public static final long BAGS = 7;

    private Seeds() {}

    /**
     * @param seed the run seed
     * @param purpose a constant naming what the seed is for (distinct streams for distinct purposes)
     * @param indices e.g. iteration and candidate index
     * @return a well-mixed 64-bit seed
     */
    public static long derive(long seed, long purpose, long... indices) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ purpose);
        for (long i : indices) {
            h = mix(h + 0x9E3779B97F4A7C15L + i);
        }
        return h;
    }

    /** The finaliser of SplitMix64. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
