package org.saepj.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * What this machine's cores can do: the float FMA throughput of the Vector API's preferred species, measured with
 * twelve independent accumulators per thread (enough to cover the FMA latency on current x86 cores), on one
 * thread and on several at once. The benchmark states its kernels' GFLOP/s as a share of this, so the figure holds
 * on any machine.
 */
final class FmaPeak {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int ITERATIONS = 20_000_000;

    private FmaPeak() {}

    /**
     * @param threads threads running the probe at once
     * @return GFLOP/s of all of them together (an FMA counts two)
     */
    static double gflops(int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            double best = 0;
            for (int rep = 0; rep < 4; rep++) { // the first rounds run before the probe is compiled
                List<Future<Float>> jobs = new ArrayList<>();
                long t0 = System.nanoTime();
                for (int t = 0; t < threads; t++) {
                    jobs.add(pool.submit(FmaPeak::probe));
                }
                float sink = 0;
                for (Future<Float> f : jobs) {
                    sink += f.get();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (sink == 42) {
                    System.out.print(""); // keeps the result alive
                }
                best = Math.max(best, (double) threads * ITERATIONS * 12 * S.length() * 2 / seconds / 1e9);
            }
            return best;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * One thread's peak on its own CPU clock: on a shared machine the wall clock also counts the time the thread
     * waited for a core, which {@link GemmProfile}'s CPU-timed products do not.
     *
     * @return GFLOP/s of the calling thread, the best of four rounds
     */
    static double cpuTimedGflops() {
        java.lang.management.ThreadMXBean clock = java.lang.management.ManagementFactory.getThreadMXBean();
        double best = 0;
        float sink = 0;
        for (int rep = 0; rep < 4; rep++) {
            long t0 = clock.getCurrentThreadCpuTime();
            sink += probe();
            double seconds = (clock.getCurrentThreadCpuTime() - t0) / 1e9;
            best = Math.max(best, (double) ITERATIONS * 12 * S.length() * 2 / seconds / 1e9);
        }
        if (sink == 42) {
            System.out.print(""); // keeps the result alive
        }
        return best;
    }

    private static float probe() {
        FloatVector a = FloatVector.broadcast(S, 0.999999f);
        FloatVector b = FloatVector.broadcast(S, 1e-7f);
        FloatVector c0 = FloatVector.broadcast(S, 1f);
        FloatVector c1 = c0.add(b);
        FloatVector c2 = c1.add(b);
        FloatVector c3 = c2.add(b);
        FloatVector c4 = c3.add(b);
        FloatVector c5 = c4.add(b);
        FloatVector c6 = c5.add(b);
        FloatVector c7 = c6.add(b);
        FloatVector c8 = c7.add(b);
        FloatVector c9 = c8.add(b);
        FloatVector c10 = c9.add(b);
        FloatVector c11 = c10.add(b);
        for (int i = 0; i < ITERATIONS; i++) {
            c0 = c0.fma(a, b);
            c1 = c1.fma(a, b);
            c2 = c2.fma(a, b);
            c3 = c3.fma(a, b);
            c4 = c4.fma(a, b);
            c5 = c5.fma(a, b);
            c6 = c6.fma(a, b);
            c7 = c7.fma(a, b);
            c8 = c8.fma(a, b);
            c9 = c9.fma(a, b);
            c10 = c10.fma(a, b);
            c11 = c11.fma(a, b);
        }
        return c0.add(c1)
                .add(c2)
                .add(c3)
                .add(c4)
                .add(c5)
                .add(c6)
                .add(c7)
                .add(c8)
                .add(c9)
                .add(c10)
                .add(c11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}
