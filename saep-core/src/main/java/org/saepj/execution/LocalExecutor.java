package org.saepj.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.saepj.engine.Backend;
import org.saepj.engine.layer.StealingChunks;

/**
 * Trains candidates on a fixed pool of local threads, one candidate per thread at a time. A thread without a
 * candidate (fewer candidates than threads, or its own done first) helps the candidates still training: their
 * layers' passes, early-stopping measurements and outputs offer independent chunks ({@link StealingChunks}) that
 * write disjoint outputs with the calls of the single-threaded loops, so the results do not depend on the thread
 * count nor on who ran what. When there are fewer
 * candidates than threads, the spare threads also help compute the new candidates' outputs, which splits into
 * independent chunks and gives the same numbers.
 */
public final class LocalExecutor implements CandidateExecutor {
    /** Runs the candidates, each a task; a worker without one steals the chunks of the others' passes. */
    private final ForkJoinPool pool;

    private final StealingChunks chunks;
    /** Spare threads for the candidates' outputs; never more busy threads than {@code threads} in all. */
    private final ExecutorService helpers;

    private final CandidateTrainer trainer;
    private final int threads;

    /**
     * @param threads worker threads, at least 1
     * @param backend the matrix backend
     */
    public LocalExecutor(int threads, Backend backend) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.trainer = new CandidateTrainer(backend);
        // At most `threads` workers, never a spare: a worker waiting for a chunk another one took blocks rather than
        // have the pool start a thread that would take the next candidate (saturate: block, do not throw).
        // The workers keep the creating thread's context class loader, as a plain pool's threads do (a Spark task's,
        // the plug-ins'), not the system one that the default worker factory sets.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        AtomicInteger made = new AtomicInteger();
        this.pool = new ForkJoinPool(
                threads,
                p -> trainer(p, "saep-trainer-" + made.getAndIncrement(), loader),
                null,
                false,
                0,
                threads,
                1,
                p -> true,
                30,
                TimeUnit.SECONDS);
        this.chunks = new StealingChunks(pool);
        this.helpers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, daemons("saep-inference"));
    }

    private static ForkJoinWorkerThread trainer(ForkJoinPool pool, String name, ClassLoader loader) {
        ForkJoinWorkerThread t = new ForkJoinWorkerThread(pool) {};
        t.setName(name);
        t.setDaemon(true);
        t.setContextClassLoader(loader);
        return t;
    }

    private static ThreadFactory daemons(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public List<TrainedCandidate> train(List<TrainingTask> tasks, TrainingProgress progress) {
        List<Future<TrainedCandidate>> futures = new ArrayList<>();
        // With one thread this is 1, and the outputs never reach the (absent) helpers.
        int outputThreads = Math.max(1, threads / Math.max(1, tasks.size()));
        for (TrainingTask task : tasks) {
            futures.add(pool.submit(() -> trainer.train(task, progress, outputThreads, helpers, chunks)));
        }
        List<TrainedCandidate> results = new ArrayList<>();
        try {
            for (Future<TrainedCandidate> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("candidate training interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err; // OutOfMemoryError above all: the command line turns it into advice on the heap
            }
            throw new IllegalStateException("candidate training failed", e.getCause());
        }
        return results;
    }

    /**
     * @return how many chunks of the candidates' passes so far ran on a thread other than their candidate's: the
     *     help that threads without a candidate gave
     */
    public long chunksHelped() {
        return chunks.helped();
    }

    @Override
    public String describe() {
        return "local, " + threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public void close() {
        pool.shutdownNow();
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
