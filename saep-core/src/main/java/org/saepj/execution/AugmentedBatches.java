package org.saepj.execution;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.saepj.data.Augmentation;
import org.saepj.data.Dataset;

/**
 * The augmented batches of one training run, each prepared on a helper thread while the step before it trains (issue
 * 31: augmentation on the fly without slowing training). Two buffers alternate: while step s trains on one, the
 * helper gathers and augments step s + 1's samples into the other. A batch's draws depend on the seed and the step
 * alone, so the batches are the same values as prepared on the training thread, whichever thread prepares them.
 */
final class AugmentedBatches implements AutoCloseable {
    private final Dataset train;
    private final int[] batches;
    private final int batchSize;
    private final int steps;
    private final Augmentation augmentation;
    private final long seed;
    private final float[][] buffers;
    /** Used by the helper thread alone, one batch at a time. */
    private final float[] scratch;

    private final ExecutorService helper;
    private Future<?> pending;

    /**
     * Starts preparing the first batch.
     *
     * @param train the training data
     * @param batches the sample indices of every step, {@code steps × batchSize}
     * @param batchSize samples per step
     * @param augmentation what is done to each image (not none)
     * @param seed the stream of the run's draws
     */
    AugmentedBatches(Dataset train, int[] batches, int batchSize, Augmentation augmentation, long seed) {
        this.train = train;
        this.batches = batches;
        this.batchSize = batchSize;
        this.steps = batches.length / batchSize;
        this.augmentation = augmentation;
        this.seed = seed;
        int size = batchSize * train.featureSize();
        this.buffers = new float[][] {new float[size], new float[size]};
        this.scratch = new float[train.featureSize()];
        this.helper = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "saep-augment");
            t.setDaemon(true); // never keeps the JVM alive; close() ends it
            return t;
        });
        if (steps > 0) {
            pending = helper.submit(() -> prepare(0));
        }
    }

    /**
     * Waits for step {@code s}'s batch and starts preparing the next one. Call with s = 0, 1, 2, … in turn, and train
     * on the batch before the next call: the buffer is written again two steps later.
     *
     * @param s the step
     * @return the augmented inputs of step s, {@code batchSize × featureSize}
     */
    float[] take(int s) {
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("candidate training interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("augmenting step " + s + " failed: " + e.getCause(), e.getCause());
        }
        if (s + 1 < steps) {
            pending = helper.submit(() -> prepare(s + 1));
        }
        return buffers[s % 2];
    }

    /** Gathers and augments step s's samples into its buffer: on the helper thread. */
    private void prepare(int s) {
        float[] x = buffers[s % 2];
        int d = train.featureSize();
        for (int i = 0; i < batchSize; i++) {
            System.arraycopy(train.features(), batches[s * batchSize + i] * d, x, i * d, d);
        }
        augmentation.apply(x, batchSize, train.shape(), seed, s, scratch);
    }

    /**
     * Ends the helper thread once it has finished the batch it may be preparing, which no step will take (a run that
     * stopped early or diverged); the training thread does not wait for it.
     */
    @Override
    public void close() {
        if (pending != null) {
            pending.cancel(false);
        }
        helper.shutdown();
    }
}
