package org.saepj.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * executor does with its candidates). Each network is built and takes one untimed step first (the buffers a step
 * allocates on first use, and their page faults); once all are ready they are released together and the clock runs
 * from the release to the last thread's end: the steps alone, as PyTorch's side times its warmed-up steps alone.
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
     * @throws Exception when building or training a network fails (then nothing is timed)
     */
    Timing run(int steps, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ThreadMXBean clock = ManagementFactory.getThreadMXBean();
        try {
            List<Future<Trainee>> building = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                building.add(pool.submit(() -> new Trainee(seed)));
            }
            List<Trainee> trainees = new ArrayList<>();
            for (Future<Trainee> f : building) {
                trainees.add(f.get()); // a failure ends the run here, before any thread waits for the others
            }
            CountDownLatch release = new CountDownLatch(1);
            List<Future<long[]>> jobs = new ArrayList<>();
            for (Trainee trainee : trainees) {
                jobs.add(pool.submit(() -> {
                    release.await();
                    long c0 = clock.getCurrentThreadCpuTime();
                    for (int s = 0; s < steps; s++) {
                        trainee.step();
                    }
                    return new long[] {System.nanoTime(), clock.getCurrentThreadCpuTime() - c0};
                }));
            }
            long start = System.nanoTime();
            release.countDown();
            long end = 0;
            long cpu = 0;
            for (Future<long[]> f : jobs) {
                end = Math.max(end, f.get()[0]);
                cpu += f.get()[1];
            }
            double samples = (double) threads * steps * EngineBench.BATCH;
            return new Timing(samples / ((end - start) / 1e9), samples / (cpu / 1e9));
        } finally {
            pool.shutdown();
        }
    }

    /** One thread's network, optimizer and batches, built and taken through its first step. */
    private final class Trainee {
        private final Network net;
        private final Optimizer opt;
        private final Loss loss = train.targets().task().loss(train.targets());
        private final BatchStream stream;
        private final int[] idx = new int[EngineBench.BATCH];
        private final float[] x = new float[EngineBench.BATCH * train.featureSize()];

        Trainee(int seed) {
            net = new Network(arch, KernelsProvider.best()).initialize(seed);
            opt = new OptimizerSpec.SgdMomentum(learningRate, 0.9f, 0).create(net.parameterCount());
            stream = new BatchStream(train.size(), EngineBench.BATCH, seed);
            step(); // untimed: first-use allocations
        }

        void step() {
            stream.next(idx);
            net.trainStep(train, loss, idx, x, opt);
        }
    }
}
