package org.saepj.data;

import java.util.SplittableRandom;

/**
 * An endless stream of mini-batches over a partition: the whole partition is reshuffled (seeded) at every
 * epoch and a batch that reaches the end of an epoch continues into the next, so every batch is full and
 * every sample is seen once per epoch (spec §2 and §10.7).
 *
 * <p>Each epoch's order is a shuffle of the identity drawn from a seed derived from (seed, epoch), so the
 * stream's whole state is its position ({@link #epoch()}, {@link #position()}) and a resumed search can
 * continue it exactly ({@link #resume}).
 */
public final class BatchStream {
    private final int size;
    private final int batchSize;
    private final long seed;
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
        this.seed = seed;
        this.order = new int[size];
        reshuffle();
    }

    /**
     * A stream positioned where another one stood (see {@link #epoch()} and {@link #position()}).
     *
     * @param size the number of samples
     * @param batchSize samples per batch
     * @param seed the shuffling seed
     * @param epoch the epoch reached (1 for the first)
     * @param position the position within that epoch
     * @return the stream, continuing exactly as the original would
     */
    public static BatchStream resume(int size, int batchSize, long seed, long epoch, int position) {
        BatchStream s = new BatchStream(size, batchSize, seed);
        if (epoch < 1 || position < 0 || position > size) {
            throw new IllegalArgumentException("invalid stream position: epoch " + epoch + ", position " + position);
        }
        s.epoch = epoch - 1;
        s.reshuffle();
        s.position = position;
        return s;
    }

    /**
     * Fills the next batch of sample indices.
     *
     * @param into an array of at least {@code batchSize} entries; the first {@code batchSize} are written
     */
    public void next(int[] into) {
        fill(into, 0);
    }

    /**
     * The next {@code steps} batches, one after the other: what {@code steps} calls of {@link #next} give, in one
     * array, as a candidate's training takes them.
     *
     * @param steps how many batches
     * @return {@code steps × batchSize} sample indices
     */
    public int[] next(int steps) {
        int[] batches = new int[Math.multiplyExact(steps, batchSize)];
        for (int s = 0; s < steps; s++) {
            fill(batches, s * batchSize);
        }
        return batches;
    }

    private void fill(int[] into, int offset) {
        for (int i = 0; i < batchSize; i++) {
            if (position == size) {
                reshuffle();
            }
            into[offset + i] = order[position++];
        }
    }

    /** @return the number of epochs started (1 during the first) */
    public long epoch() {
        return epoch;
    }

    /** @return the position within the current epoch */
    public int position() {
        return position;
    }

    /** @return samples per batch */
    public int batchSize() {
        return batchSize;
    }

    private void reshuffle() {
        epoch++;
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        position = 0;
    }
}
