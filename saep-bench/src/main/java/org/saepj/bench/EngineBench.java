package org.saepj.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.saepj.data.BatchStream;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.data.SourceData;
import org.saepj.data.io.CsvReader;
import org.saepj.data.source.DataSources;
import org.saepj.data.source.DatasetLocator;
import org.saepj.engine.Architecture;
import org.saepj.engine.Network;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.optim.Optimizer;
import org.saepj.engine.optim.OptimizerSpec;

/**
 * {@code ./saep bench}: training throughput of our engine and of DJL/PyTorch on the same architectures,
 * optimizer, batch size and Fashion-MNIST batches, median of several repetitions, in one run.
 *
 * <p>Prints the CPU model, the measured FMA peak per thread count ({@link FmaPeak}), then per network and thread
 * count {@code BENCH <network> threads=<t> ours=<samples/s> djl=<samples/s> ratio=<ours/djl> gflops=<ours>
 * peak=<percent of the measured peak>}: t networks at once, one thread each, for ours, and PyTorch's intra-op
 * threads pinned to t; then batched inference throughput.
 */
public final class EngineBench {
    private static final int BATCH = 64;
    private static final float LR = 0.003f;

    private EngineBench() {}

    /**
     * @param args {@code [steps] [repetitions]} (defaults 300 and 3)
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("usage: saep bench [STEPS] [REPETITIONS]   (defaults 300 and 3): engine throughput"
                    + " against DJL/PyTorch");
            return;
        }
        int steps = args.length > 0 ? positive(args[0], "STEPS") : 300;
        int reps = args.length > 1 ? positive(args[1], "REPETITIONS") : 3;
        SourceData data =
                new DataSources(DatasetLocator.standard(null), CsvReader.Options.defaults()).load("fashion-mnist");
        Dataset train = data.train();
        Shape image = train.shape();
        int cores = Runtime.getRuntime().availableProcessors();
        int[] threadCounts = cores > 1 ? new int[] {1, Math.min(cores, 2)} : new int[] {1};
        System.out.printf(
                "cpu: %s, %d cores; engine kernels: %s; %d steps × batch %d, median of %d; data %s (%s)%n",
                cpuModel(), cores, KernelsProvider.best().name(), steps, BATCH, reps, data.name(), data.source());
        ai.djl.engine.Engine.getEngine("PyTorch"); // loads the native library, so its thread count can be set
        double[] peak = new double[threadCounts.length];
        for (int i = 0; i < threadCounts.length; i++) {
            peak[i] = FmaPeak.gflops(threadCounts[i]);
            System.out.printf(
                    "PEAK threads=%d gflops=%.1f (Vector API FMA throughput, %d-bit)%n",
                    threadCounts[i], peak[i], jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize());
        }
        List<Object[]> nets = List.of(
                new Object[] {"dnn-784-32-32-10", Architecture.DenseStack.dnn(image, 2, 32, 10)},
                new Object[] {"mlp-784-512-10", new Architecture.DenseStack(image, new int[] {512}, 10)},
                new Object[] {"cnn-conv16-pool-64-10", Architecture.ConvNet.paper(image, 10)},
                // The two-block CNN of examples/spaces/cnn-two-blocks.json.
                new Object[] {
                    "cnn-conv32x5-pool-conv64-pool-128-10",
                    new Architecture.ConvNet(
                            image,
                            List.of(new Architecture.ConvBlock(32, 5), new Architecture.ConvBlock(64, 3)),
                            128,
                            10)
                });
        for (Object[] entry : nets) {
            Architecture arch = (Architecture) entry[1];
            int n = arch instanceof Architecture.ConvNet c
                    ? Math.max(steps / (3 * c.blocks().size() * c.blocks().size()), 10)
                    : steps;
            for (int i = 0; i < threadCounts.length; i++) {
                int t = threadCounts[i];
                // Like for like: t networks at once, one thread each, for ours (what the search does); PyTorch's
                // intra-op threads pinned to t for its one network.
                ai.djl.pytorch.jni.JniUtils.setNumThreads(t);
                double ours = median(reps, () -> oursSamplesPerSecond(arch, train, n, t));
                double djl = median(reps, () -> djlSamplesPerSecond(arch, train, n));
                double gflops = ours * TrainingFlops.perSample(arch) / 1e9;
                System.out.printf(
                        "BENCH %s threads=%d ours=%.0f djl=%.0f ratio=%.2f gflops=%.1f peak=%.0f%%%n",
                        entry[0], t, ours, djl, ours / djl, gflops, 100 * gflops / peak[i]);
            }
        }
        Network net = new Network(Architecture.DenseStack.dnn(image, 2, 32, 10), KernelsProvider.best()).initialize(1);
        double infer = median(reps, () -> {
            long t0 = System.nanoTime();
            net.logits(train);
            return train.size() / ((System.nanoTime() - t0) / 1e9);
        });
        System.out.printf(
                "BENCH inference dnn-784-32-32-10 samples/s=%.0f (batched, %d per chunk, 1 thread)%n",
                infer, Network.INFERENCE_CHUNK);
    }

    /** @return the CPU's model name from /proc/cpuinfo, or the JVM's architecture where there is none */
    static String cpuModel() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (java.io.IOException | SecurityException e) {
            return System.getProperty("os.arch") + " (no /proc/cpuinfo: " + e.getMessage() + ")";
        }
        return System.getProperty("os.arch");
    }

    /** Trains {@code threads} independent networks at once; returns total samples per second. */
    static double oursSamplesPerSecond(Architecture arch, Dataset train, int steps, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> jobs = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                jobs.add(pool.submit(() -> {
                    Network net = new Network(arch, KernelsProvider.best()).initialize(seed);
                    Optimizer opt = new OptimizerSpec.SgdMomentum(LR, 0.9f, 0).create(net.parameterCount());
                    org.saepj.task.Loss loss = train.targets().task().loss(train.targets());
                    BatchStream stream = new BatchStream(train.size(), BATCH, seed);
                    int[] idx = new int[BATCH];
                    float[] x = new float[BATCH * train.featureSize()];
                    for (int s = 0; s < steps; s++) {
                        stream.next(idx);
                        net.trainStep(train, loss, idx, x, opt);
                    }
                    return System.nanoTime();
                }));
            }
            long end = 0;
            for (Future<Long> f : jobs) {
                end = Math.max(end, f.get());
            }
            return (double) threads * steps * BATCH / ((end - t0) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    static double djlSamplesPerSecond(Architecture arch, Dataset train, int steps) {
        try (DjlTrainer djl = new DjlTrainer(arch, LR, BATCH)) {
            BatchStream stream = new BatchStream(train.size(), BATCH, 7);
            int[] idx = new int[BATCH];
            int d = train.featureSize();
            float[] x = new float[BATCH * d];
            float[] y = new float[BATCH];
            long t0 = System.nanoTime();
            for (int s = 0; s < steps; s++) {
                stream.next(idx);
                for (int i = 0; i < BATCH; i++) {
                    System.arraycopy(train.features(), idx[i] * d, x, i * d, d);
                    y[i] = train.labels()[idx[i]];
                }
                djl.step(x, y, BATCH);
            }
            return (double) steps * BATCH / ((System.nanoTime() - t0) / 1e9);
        }
    }

    interface Measure {
        double run() throws Exception;
    }

    /** One untimed warm-up, then the median of the timed repetitions. */
    private static int positive(String arg, String name) {
        try {
            int v = Integer.parseInt(arg);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, as every other usage error
        }
        System.err.println(
                "error: " + name + " must be a positive whole number, got '" + arg + "' (see 'saep bench --help')");
        System.exit(2);
        return 0;
    }

    static double median(int reps, Measure m) throws Exception {
        m.run();
        double[] v = new double[reps];
        for (int i = 0; i < reps; i++) {
            v[i] = m.run();
        }
        Arrays.sort(v);
        return v[reps / 2];
    }
}
