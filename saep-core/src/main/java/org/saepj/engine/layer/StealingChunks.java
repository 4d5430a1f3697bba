package org.saepj.engine.layer;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chunks offered to the idle workers of a {@link ForkJoinPool} whose tasks train candidates: the calling worker forks
 * every chunk but the first and runs the first, then takes back whichever no idle worker has stolen, so a worker
 * whose candidates are done computes part of a candidate still training, while with every worker busy the chunks run
 * on their own thread, in a different order only. Outside the pool (or with one worker) they run in order.
 */
public final class StealingChunks implements Chunks {
    private final ForkJoinPool pool;
    /** Chunks run by a worker other than the one whose pass they belong to. */
    private final AtomicLong helped = new AtomicLong();

    /**
     * @param pool the pool whose workers run the passes and help each other
     */
    public StealingChunks(ForkJoinPool pool) {
        this.pool = pool;
    }

    @Override
    public void run(int count, Chunk body) {
        if (count < 2 || !mayShare()) {
            SEQUENTIAL.run(count, body);
            return;
        }
        Thread owner = Thread.currentThread();
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[count];
        for (int c = 0; c < count; c++) {
            int index = c;
            tasks[c] = new RecursiveAction() {
                @Override
                protected void compute() {
                    if (Thread.currentThread() != owner) {
                        helped.incrementAndGet();
                    }
                    body.run(index);
                }
            };
        }
        ForkJoinTask.invokeAll(tasks);
    }

    /** @return true on a worker of the pool when the pool has other workers that may help */
    @Override
    public boolean mayShare() {
        return pool.getParallelism() > 1
                && Thread.currentThread() instanceof ForkJoinWorkerThread worker
                && worker.getPool() == pool;
    }

    /** @return how many chunks so far ran on a worker other than their pass's own: the help the idle ones gave */
    public long helped() {
        return helped.get();
    }
}
