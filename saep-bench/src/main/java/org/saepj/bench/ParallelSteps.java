package org.saepj.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.saepj.data.BatchStream;
import org.saepj.data.Dataset;
import org.saepj.engine.Architecture;
import org.saepj.engine.Network;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.optim.Optimizer;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.task.Loss;

/**
 * Our side of the bench's throughput rows: t independent networks trained at once, one thread each (what a search's
 * executor does with its candidates). Each thread builds its network and takes one untimed step (the buffers a step
 * allocates on first use, and their page faults), then all are released together and the clock runs from the release
 * to the last thread's end: the steps alone, as PyTorch's side times its warmed-up steps alone.
 *
 * @param arch the network
 * @param train the batches' source
 * @param learningRate SGD's rate (momentum 0.9)
 */
record ParallelSteps(Architecture arch, Dataset train, float learningRate) {
    /**
     * One timing.
     *
     * @param samplesPerSecond all threads' samples over the wall time from the release to the last end
     * @param samplesPerCpuSecond one thread's samples per CPU second: all samples over the threads' summed CPU time in
     *     the timed steps; t threads scale at most as t times this over one thread's
     */
    record Timing(double samplesPerSecond, double samplesPerCpuSecond) {}

    /**
     * Trains {@code threads} networks (seeds 0 … t−1) for {@code steps} timed steps each.
     *
     * @param steps timed steps per network
     * @param threads networks, one thread each
     * @return the timing
     * @throws Exception when a thread fails
     */
    Timing run(int steps, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ThreadMXBean clock = ManagementFactory.getThreadMXBean();
        AtomicLong start = new AtomicLong();
        // The last thread to arrive starts the clock, before any thread goes on.
        CyclicBarrier release = new CyclicBarrier(threads, () -> start.set(System.nanoTime()));
        try {
            List<Future<long[]>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                jobs.add(pool.submit(() -> {
                    Network net = new Network(arch, KernelsProvider.best()).initialize(seed);
                    Optimizer opt = new OptimizerSpec.SgdMomentum(learningRate, 0.9f, 0).create(net.parameterCount());
                    Loss loss = train.targets().task().loss(train.targets());
                    BatchStream stream = new BatchStream(train.size(), EngineBench.BATCH, seed);
                    int[] idx = new int[EngineBench.BATCH];
                    float[] x = new float[EngineBench.BATCH * train.featureSize()];
                    stream.next(idx);
                    net.trainStep(train, loss, idx, x, opt); // untimed: first-use allocations
                    release.await();
                    long c0 = clock.getCurrentThreadCpuTime();
                    for (int s = 0; s < steps; s++) {
                        stream.next(idx);
                        net.trainStep(train, loss, idx, x, opt);
                    }
                    return new long[] {System.nanoTime(), clock.getCurrentThreadCpuTime() - c0};
                }));
            }
            long end = 0;
            long cpu = 0;
            for (Future<long[]> f : jobs) {
                end = Math.max(end, f.get()[0]);
                cpu += f.get()[1];
            }
            double samples = (double) threads * steps * EngineBench.BATCH;
            return new Timing(samples / ((end - start.get()) / 1e9), samples / (cpu / 1e9));
        } finally {
            pool.shutdown();
        }
    }
}
