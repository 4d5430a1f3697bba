package org.saepj.data;

import java.util.SplittableRandom;

/**
 * An endless stream of mini-batches over a partition: the whole partition is reshuffled (seeded) at every
 * epoch and a batch that reaches the end of an epoch continues into the next, so every batch is full and
 * every sample is seen once per epoch (spec §2 and §10.7).
 */
public final class BatchStream {
    private final int size;
    private final int batchSize;
    private final SplittableRandom rng;
    private final int[] order;
    private int position;
    private long epoch;

    /**
     * @param size the number of samples in the partition
     * @param batchSize samples per batch, positive
     * @param seed the shuffling seed
     */
    public BatchStream(int size, int batchSize, long seed) {
        if (size <= 0 || batchSize <= 0) {
            throw new IllegalArgumentException("size and batch size must be positive: " + size + ", " + batchSize);
        }
        this.size = size;
        this.batchSize = batchSize;
        this.rng = new SplittableRandom(seed);
        this.order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        reshuffle();
    }

    /**
     * Fills the next batch of sample indices.
     *
     * @param into an array of at least {@code batchSize} entries; the first {@code batchSize} are written
     */
    public void next(int[] into) {
        for (int i = 0; i < batchSize; i++) {
            if (position == size) {
                reshuffle();
            }
            into[i] = order[position++];
        }
    }

    /** @return the number of completed reshuffles (epochs started) */
    public long epoch() {
        return epoch;
    }

    /** @return samples per batch */
    public int batchSize() {
        return batchSize;
    }

    private void reshuffle() {
        for (int i = size - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        position = 0;
        epoch++;
    }
}
