package org.saepj.bench;

import java.util.Locale;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.data.SourceData;
import org.saepj.data.io.CsvReader;
import org.saepj.data.source.DataSources;
import org.saepj.data.source.DatasetLocator;
import org.saepj.engine.Architecture;

/**
 * Our side of {@link EngineBench}'s MLP and paper-CNN rows without PyTorch: samples per second of one network on one
 * thread and of two networks on two threads (the bench's own loop), the two thread counts alternating repetition by
 * repetition so that both see the same load, and the ratio of their medians; on the wall clock as the bench, and per
 * CPU second, which a shared machine's other processes disturb less. For taking the scaling of a change side by side
 * in little time.
 *
 * <p>{@code ThreadScaling [steps] [repetitions]}: steps per repetition for both networks (default 300, as in the
 * bench), repetitions per thread count (default 5, after one untimed run of each).
 */
final class ThreadScaling {
    private ThreadScaling() {}

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        SourceData data =
                new DataSources(DatasetLocator.standard(null), CsvReader.Options.defaults()).load("fashion-mnist");
        Dataset train = data.train();
        Shape image = train.shape();
        run("mlp-784-512-10", new Architecture.DenseStack(image, new int[] {512}, 10), train, steps, reps);
        run("cnn-conv16-pool-64-10", Architecture.ConvNet.paper(image, 10), train, steps, reps);
    }

    private static void run(String name, Architecture arch, Dataset train, int steps, int reps) throws Exception {
        train(arch, train, steps, 1); // untimed: the JIT compiles the kernels
        train(arch, train, steps, 2);
        double[] one = new double[reps];
        double[] two = new double[reps];
        double[] oneCpu = new double[reps];
        double[] twoCpu = new double[reps];
        for (int r = 0; r < reps; r++) {
            double[] a = train(arch, train, steps, 1);
            double[] b = train(arch, train, steps, 2);
            one[r] = a[0];
            oneCpu[r] = a[1];
            two[r] = b[0];
            twoCpu[r] = b[1];
        }
        double flops = TrainingFlops.perSample(arch);
        Spread s1 = Spread.of(one);
        Spread s2 = Spread.of(two);
        Spread c1 = Spread.of(oneCpu);
        Spread c2 = Spread.of(twoCpu);
        System.out.printf(
                Locale.ROOT,
                "SCALING %s wall: one=%.0f (%.0f..%.0f) two=%.0f (%.0f..%.0f) two/one=%.2f;"
                        + " per CPU second: one=%.0f (%.0f..%.0f, %.1f GFLOP/s) two=%.0f (%.0f..%.0f) two/one=%.2f%n",
                name,
                s1.median(),
                s1.min(),
                s1.max(),
                s2.median(),
                s2.min(),
                s2.max(),
                s2.median() / s1.median(),
                c1.median(),
                c1.min(),
                c1.max(),
                c1.median() * flops / 1e9,
                c2.median(),
                c2.min(),
                c2.max(),
                2 * c2.median() / c1.median());
    }

    /**
     * {@link EngineBench#oursSamplesPerSecond}'s timing, with the threads' CPU time as well: under load the wall clock
     * counts the waits for a core, the CPU clock what the threads' own work cost, including what they lose to each
     * other in shared caches and memory.
     */
    private static double[] train(Architecture arch, Dataset train, int steps, int threads) throws Exception {
        ParallelSteps.Timing timing = new ParallelSteps(arch, train, EngineBench.LR).run(steps, threads);
        return new double[] {timing.samplesPerSecond(), timing.samplesPerCpuSecond()};
    }
}
