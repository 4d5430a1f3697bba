package org.saepj.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.saepj.engine.kernel.Kernels;

/**
 * Trains candidates on a fixed pool of local threads, one candidate per thread at a time. Each candidate's
 * computation is single-threaded, so the results do not depend on the thread count.
 */
public final class LocalExecutor implements CandidateExecutor {
    private final ExecutorService pool;
    private final CandidateTrainer trainer;
    private final int threads;

    /**
     * @param threads worker threads, at least 1
     * @param kernels the matrix kernels
     */
    public LocalExecutor(int threads, Kernels kernels) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.trainer = new CandidateTrainer(kernels);
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "saep-trainer");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public List<TrainedCandidate> train(List<TrainingTask> tasks, TrainingProgress progress) {
        List<Future<TrainedCandidate>> futures = new ArrayList<>();
        for (TrainingTask task : tasks) {
            futures.add(pool.submit(() -> trainer.train(task, progress)));
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

    @Override
    public String describe() {
        return "local, " + threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
