package org.saepj.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.data.SourceData;
import org.saepj.data.io.CsvReader;
import org.saepj.data.source.DataSources;
import org.saepj.data.source.DatasetLocator;
import org.saepj.engine.Architecture;
import org.saepj.engine.Network;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.persistence.AtomicFiles;

/**
 * {@code ./saep bench}: training throughput of our engine and of DJL/PyTorch on the same architectures,
 * optimizer, batch size and Fashion-MNIST batches, median and spread of several repetitions, in one run.
 *
 * <p>Prints the CPU model, the measured FMA peak per thread count ({@link FmaPeak}), then per network and thread
 * count a {@link BenchRow#line()}: t networks at once, one thread each, for ours, and PyTorch's intra-op threads
 * pinned to t (its inter-op threads to the largest t), PyTorch warmed up until its step time settles
 * ({@link SettleRule}), then the two sides' repetitions interleaved in pairs, the ratio the median of the pairs'
 * ratios ({@link Pairs}, {@link PairPlan}), with PyTorch's page faults per step ({@link PageFaults}); then the
 * time to reach a test accuracy with the residual CNN with a hidden dense layer ({@link TtaRow}, on one thread, the
 * two engines taking turns, {@code --no-tta} leaves it out), then batched inference throughput. {@code --csv FILE}
 * writes the rows to a file as well; {@code --only WORD,…} runs only the rows whose names contain a word
 * ({@link BenchOptions}).
 */
public final class EngineBench {
    /** Samples per training step, both engines. */
    static final int BATCH = 64;

    static final float LR = 0.003f;

    /** The environment variable through which the launcher sets glibc's allocator for PyTorch. */
    private static final String TUNABLES = "GLIBC_TUNABLES";

    private EngineBench() {}

    /**
     * @param args see {@link BenchOptions#USAGE}
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            usageError(e.getMessage());
            return;
        }
        int steps = options.steps();
        int reps = options.repetitions();
        Path csv = options.csv();
        SourceData data =
                new DataSources(DatasetLocator.standard(null), CsvReader.Options.defaults()).load("fashion-mnist");
        Dataset train = data.train();
        Shape image = train.shape();
        int cores = Runtime.getRuntime().availableProcessors();
        int[] threadCounts = cores > 1 ? new int[] {1, Math.min(cores, 2)} : new int[] {1};
        PairPlan plan = PairPlan.forRepetitions(reps);
        System.out.printf(
                "cpu: %s, %d cores; engine kernels: %s; objects aligned to %s bytes; %d steps × batch %d; data %s"
                        + " (%s)%n",
                cpuModel(),
                cores,
                KernelsProvider.best().name(),
                objectAlignment(),
                steps,
                BATCH,
                data.name(),
                data.source());
        System.out.printf(
                "repetitions: %d to %d pairs a row (ours, then PyTorch's), more while a row's pairs took under %.0f s,"
                        + " or under %.0f s where a side's figures fall into two levels (%.1fx apart); ratio = median"
                        + " (min..max) of the pairs' ratios%n",
                plan.minimum(), plan.maximum(), plan.budgetSeconds(), plan.remeasureSeconds(), Pairs.TWO_LEVELS);
        ai.djl.engine.Engine.getEngine("PyTorch"); // loads the native library, so its thread count can be set
        // PyTorch takes its inter-op thread count once per process, before any parallel work: the largest count.
        int interop = threadCounts[threadCounts.length - 1];
        ai.djl.pytorch.jni.JniUtils.setNumInteropThreads(interop);
        System.out.printf(
                "pytorch: inter-op threads %d, intra-op threads = the row's, seed %d; warm-up until the median step"
                        + " time of %d steps is within %.0f%% of the %d before (at most %d steps or %.0f s);"
                        + " malloc: %s%n",
                ai.djl.pytorch.jni.JniUtils.getNumInteropThreads(),
                DjlSession.SEED,
                SettleRule.DEFAULT.window(),
                100 * SettleRule.DEFAULT.tolerance(),
                SettleRule.DEFAULT.window(),
                SettleRule.DEFAULT.maxSteps(),
                SettleRule.DEFAULT.maxSeconds(),
                mallocSettings());
        double[] peak = new double[threadCounts.length];
        for (int i = 0; i < threadCounts.length; i++) {
            peak[i] = FmaPeak.gflops(threadCounts[i]);
            System.out.printf(
                    "PEAK threads=%d gflops=%.1f (Vector API FMA throughput, %d-bit)%n",
                    threadCounts[i], peak[i], jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize());
        }
        NearPlacement placement = new NearPlacement(CoreRoundTrip::nanos);
        System.out.printf(
                Locale.ROOT,
                "cores' round trip: %.0f ns now; each pair measures it before PyTorch's part, a row of several threads"
                        + " waits up to %.0f s while it is %.1fx the run's median or more and takes its figures from"
                        + " its pairs at the nearest placement (c2c=; c2c_left=N@ns counts the others)%n",
                placement.usual(),
                NearPlacement.MAX_WAIT_SECONDS,
                NearPlacement.FAR);
        ResidualCnn residual = new ResidualCnn(image, 16, 2, train.classCount());
        List<BenchNet> nets = List.of(
                // Four times the steps: at 300 our part of a pair took 45 ms, where a millisecond's hiccup of the host
                // shows, and the two-thread rows fell into two levels on both sides.
                BenchNet.of("dnn-784-32-32-10", Architecture.DenseStack.dnn(image, 2, 32, 10), 4 * steps),
                BenchNet.of("mlp-784-512-10", new Architecture.DenseStack(image, new int[] {512}, 10), steps),
                // As many steps as asked (a third until the scaling was taken side by side: its pairs' scaling, 100
                // steps a block, ran anywhere from 1.5 to 2.3 about a median of 1.9).
                BenchNet.of("cnn-conv16-pool-64-10", Architecture.ConvNet.paper(image, 10), steps),
                // The two-block CNN of examples/spaces/cnn-two-blocks.json.
                BenchNet.of(
                        "cnn-conv32x5-pool-conv64-pool-128-10",
                        new Architecture.ConvNet(
                                image,
                                List.of(new Architecture.ConvBlock(32, 5), new Architecture.ConvBlock(64, 3)),
                                128,
                                10),
                        Math.max(steps / 12, 10)),
                // A residual CNN with batch normalisation: two blocks of 16 filters, no hidden dense layer (the row
                // measured since the residual rows began).
                residualRow(residual, Math.max(steps / 6, 10)),
                // The larger member of examples/spaces/residual-cnn.json: 32 filters, one block, 128 dense units.
                residualRow(new ResidualCnn(image, 32, 1, 128, train.classCount()), Math.max(steps / 12, 10)));
        List<BenchRow> rows = new ArrayList<>();
        for (BenchNet entry : nets) {
            if (!options.runs(entry.name())) {
                continue;
            }
            Architecture arch = entry.arch();
            int n = entry.steps();
            for (int i = 0; i < threadCounts.length; i++) {
                int t = threadCounts[i];
                BenchRow row;
                // Like for like: t networks at once, one thread each, for ours (what the search does); PyTorch's
                // intra-op threads pinned to t for its one network.
                pinPyTorchThreads(t);
                try (DjlSession djl = new DjlSession(entry, train, LR)) {
                    SettleRule.Outcome oursWarmUp = warmUpOurs(arch, train, t);
                    SettleRule.Outcome warmUp = djl.warmUp();
                    String waited = t > 1 ? placement.await() : null;
                    if (waited != null) {
                        System.out.println("placement: " + waited);
                    }
                    Measure ours = () -> oursSamplesPerSecond(arch, train, n, t);
                    Measure oursOne = t > 1 ? () -> oursSamplesPerSecond(arch, train, n, 1) : null;
                    Pairs pairs = interleave(plan, oursOne, ours, () -> djl.run(n));
                    if (t > 1 && placement.far(pairs)) {
                        // The cores moved away during the row: once more, after waiting for them.
                        String again = placement.await();
                        System.out.println("placement: the row's pairs ran with the cores far; measured again"
                                + (again == null ? "" : " (" + again + ")"));
                        pairs = interleave(plan, oursOne, ours, () -> djl.run(n));
                    }
                    placement.observe(pairs);
                    row = BenchRow.of(
                            entry.name(),
                            t,
                            pairs,
                            TrainingFlops.perSample(arch),
                            peak[i],
                            warmUp,
                            oursWarmUp,
                            djl.faultsPerStep());
                }
                System.out.println(row.line());
                rows.add(row);
            }
        }
        TtaRow tta = null;
        ResidualCnn ttaNet = BenchOptions.TtaOptions.network(image, train.classCount());
        if (options.tta() != null && options.runs("tta-" + ttaNet.name())) {
            Dataset test = data.test()
                    .orElseThrow(() -> new IllegalStateException(data.name() + " has no test split for the tta row"));
            TimeToAccuracy.Settings s = options.tta().forTest(test.size());
            int threads = options.tta().threads();
            pinPyTorchThreads(threads);
            String[] sides = {"ours", "djl"};
            List<TimeToAccuracy.Result> both = TimeToAccuracy.bothEngines(
                    ttaNet,
                    train,
                    test,
                    s,
                    threads,
                    (side, step, accuracy, seconds) -> System.out.printf(
                            Locale.ROOT,
                            "tta %s: step %d, lr %.5f, accuracy %.4f, training %.1f s%n",
                            sides[side],
                            step,
                            s.learningRate(step - 1),
                            accuracy,
                            seconds));
            tta = new TtaRow(ttaNet.name(), threads, s, both.get(0), both.get(1));
            System.out.println(tta.line());
        }
        if (options.runs("inference")) {
            inference(image, train, reps);
        }
        if (csv != null) {
            StringBuilder text = new StringBuilder(BenchRow.CSV_HEADER).append('\n');
            rows.forEach(r -> text.append(r.csv()).append('\n'));
            AtomicFiles.writeString(csv, text.toString());
            System.out.println("rows written to " + csv);
            if (tta != null) {
                Path ttaCsv = csv.resolveSibling(csv.getFileName() + "-tta.csv");
                AtomicFiles.writeString(ttaCsv, TtaRow.CSV_HEADER + "\n" + tta.csv() + "\n");
                System.out.println("time-to-accuracy row written to " + ttaCsv);
            }
        }
    }

    /** Batched inference throughput of the paper's DNN on one thread. */
    private static void inference(Shape image, Dataset train, int reps) throws Exception {
        Network net = new Network(Architecture.DenseStack.dnn(image, 2, 32, 10), KernelsProvider.best()).initialize(1);
        double infer = spread(reps, () -> {
                    long t0 = System.nanoTime();
                    net.logits(train);
                    return train.size() / ((System.nanoTime() - t0) / 1e9);
                })
                .median();
        System.out.printf(
                "BENCH inference dnn-784-32-32-10 samples/s=%.0f (batched, %d per chunk, 1 thread)%n",
                infer, Network.INFERENCE_CHUNK);
    }

    /**
     * @return the glibc allocator settings PyTorch runs under: {@code ./saep bench} sets them (see PageFaults), a
     *     JVM started otherwise may run with glibc's defaults
     */
    static String mallocSettings() {
        String tunables = System.getenv(TUNABLES);
        return tunables == null || tunables.isBlank()
                ? "glibc defaults (" + TUNABLES + " unset: PyTorch's steps may fault their memory in every time)"
                : TUNABLES + "=" + tunables;
    }

    /**
     * @return the JVM's object alignment in bytes: {@code ./saep} starts the engine's JVMs with 64, where our arrays'
     *     placement no longer decides the 48-filter convolutions' speed run by run (docs/BENCHMARKS.md)
     */
    static String objectAlignment() {
        return java.lang.management.ManagementFactory.getPlatformMXBean(
                        com.sun.management.HotSpotDiagnosticMXBean.class)
                .getVMOption("ObjectAlignmentInBytes")
                .getValue();
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

    /** Steps of one run of our warm-up: a step of {@link SettleRule} for our side. */
    static final int WARM_UP_STEPS = 5;

    /**
     * @param net a residual CNN
     * @param steps the steps of one of its timed runs
     * @return its bench row's network, ours and DJL's built layer for layer
     */
    private static BenchNet residualRow(ResidualCnn net, int steps) {
        return new BenchNet(
                net.name(), net.architecture(), net::djlBlock, DjlTrainer.sampleShape(net.architecture()), steps);
    }

    /**
     * Our side's warm-up, by PyTorch's rule: runs of {@link #WARM_UP_STEPS} steps on {@code threads} networks until
     * their times settle, so the JIT has compiled every kernel the row's steps call (a layer called once a step, the
     * residual CNN's classifier, ran several times slower for its first few hundred calls).
     *
     * @return the warm-up's steps and whether they settled
     */
    static SettleRule.Outcome warmUpOurs(Architecture arch, Dataset train, int threads) throws Exception {
        SettleRule.Outcome runs = SettleRule.DEFAULT.warmUp(() ->
                (double) threads * WARM_UP_STEPS * BATCH / oursSamplesPerSecond(arch, train, WARM_UP_STEPS, threads));
        return new SettleRule.Outcome(runs.steps() * WARM_UP_STEPS, runs.settled());
    }

    /** Trains {@code threads} independent networks at once ({@link ParallelSteps}); returns samples per second. */
    static double oursSamplesPerSecond(Architecture arch, Dataset train, int steps, int threads) throws Exception {
        return new ParallelSteps(arch, train, LR).run(steps, threads).samplesPerSecond();
    }

    /**
     * Interleaved repetitions of one row: ours, then PyTorch's, pair after pair, as many as the plan says; between
     * the two, the cores' round trip ({@link CoreRoundTrip}: our threads have ended and PyTorch's have been idle
     * through ours, so none of them spins on a core), where the host placed the cores for PyTorch's part.
     *
     * @param plan how many pairs
     * @param ours one of our runs, returning its samples per second
     * @param djl one of PyTorch's runs, returning its samples per second
     * @return the pairs
     */
    static Pairs interleave(PairPlan plan, Measure ours, Measure djl) throws Exception {
        return interleave(plan, null, ours, djl);
    }

    /**
     * Interleaved repetitions of a row of several threads, each pair's ours preceded by our one-thread run, so that
     * our scaling is taken side by side, pair by pair, rather than from rows measured minutes apart.
     *
     * @param oursOne our one-thread run, or {@code null} for none
     */
    static Pairs interleave(PairPlan plan, Measure oursOne, Measure ours, Measure djl) throws Exception {
        Pairs pairs = new Pairs();
        long t0 = System.nanoTime();
        while (plan.another(pairs, (System.nanoTime() - t0) / 1e9)) {
            double one = oursOne == null ? Double.NaN : oursOne.run();
            double o = ours.run();
            double roundTrip = CoreRoundTrip.nanos();
            pairs.add(one, o, djl.run(), roundTrip);
        }
        return pairs;
    }

    /**
     * One network of the throughput rows.
     *
     * @param name the row's name
     * @param arch ours
     * @param djlBlock builds the same network as DJL blocks
     * @param sample one sample's shape as the DJL block reads it
     * @param steps training steps per repetition
     */
    record BenchNet(
            String name,
            Architecture arch,
            java.util.function.Supplier<ai.djl.nn.Block> djlBlock,
            long[] sample,
            int steps) {
        /** @return a network of the paper's families, which {@link DjlTrainer} builds from the architecture */
        static BenchNet of(String name, Architecture arch, int steps) {
            return new BenchNet(name, arch, () -> DjlTrainer.block(arch), DjlTrainer.sampleShape(arch), steps);
        }
    }

    /** Pins PyTorch's intra-op threads and checks that it kept them. */
    private static void pinPyTorchThreads(int t) {
        ai.djl.pytorch.jni.JniUtils.setNumThreads(t);
        if (ai.djl.pytorch.jni.JniUtils.getNumThreads() != t) {
            throw new IllegalStateException("PyTorch kept " + ai.djl.pytorch.jni.JniUtils.getNumThreads()
                    + " intra-op threads instead of " + t);
        }
    }

    interface Measure {
        double run() throws Exception;
    }

    private static void usageError(String message) {
        System.err.println("error: " + message + " (see 'saep bench --help')");
        System.exit(2);
    }

    /** One untimed warm-up, then the spread of the timed repetitions. */
    static Spread spread(int reps, Measure m) throws Exception {
        m.run();
        double[] v = new double[reps];
        for (int i = 0; i < reps; i++) {
            v[i] = m.run();
        }
        return Spread.of(v);
    }
}
