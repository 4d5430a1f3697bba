package org.saepj.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.saepj.data.Shape;
import org.saepj.engine.Architecture;
import org.saepj.engine.Network;
import org.saepj.engine.kernel.KernelOptions;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.layer.Conv2D;
import org.saepj.engine.optim.Optimizer;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.task.ClassLabels;
import org.saepj.task.ClassificationTask;
import org.saepj.task.Loss;

/**
 * The convolutions of the benchmark's two-block CNN and residual CNN, each layer alone, with the kernels' planes form
 * ({@link Kernels#convolvePlanes}) and without it (kernels built with {@link KernelOptions#WITHOUT_PLANES}: the im2col
 * products and the direct 16-filter form the layers ran before), side by side in one JVM on one thread: each round
 * times both, in alternating order, on the thread's CPU clock, and checks that they gave the same bits.
 *
 * <p>{@code ConvProfile [rounds] [reps] [batch]}: prints, per layer and pass, the median GFLOP/s of the timed rounds
 * (the first two warm the compiler up) with their range, and the share of the one-core FMA peak measured in the same
 * JVM ({@link FmaPeak#cpuTimedGflops}). Then whole training steps ({@link Network#trainStep}: loss and SGD with
 * momentum included) of the two-block CNN and the residual CNN, two networks of each from the same seed, one per
 * kernels, {@code reps} steps of each in turn per round on the same batches: the median CPU milliseconds a step, and
 * whether the two ended with the same parameter bits.
 */
final class ConvProfile {
    private static final ThreadMXBean CLOCK = ManagementFactory.getThreadMXBean();
    private static final int WARM_ROUNDS = 2;

    private ConvProfile() {}

    /** A convolution of the benchmark networks: its input, filters, kernel, and whether its input gradient is used. */
    private record Layer(String name, int h, int w, int cin, int cout, int k, boolean inputGradient) {
        double forwardFlops(int batch) {
            return 2.0 * batch * h * w * cout * k * k * cin;
        }
    }

    private static final List<Layer> LAYERS = List.of(
            new Layer("cnn conv 5x5 1->32 (28x28)", 28, 28, 1, 32, 5, false),
            new Layer("cnn conv 3x3 32->64 (14x14)", 14, 14, 32, 64, 3, true),
            new Layer("res stem 3x3 1->16 (28x28)", 28, 28, 1, 16, 3, false),
            new Layer("res block 3x3 16->16 (14x14)", 14, 14, 16, 16, 3, true));

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        Kernels kernels = KernelsProvider.best();
        Kernels without = KernelsProvider.best(KernelOptions.WITHOUT_PLANES);
        double peak = FmaPeak.cpuTimedGflops();
        System.out.printf(
                Locale.ROOT, "PEAK one thread, CPU-timed %.1f GFLOP/s [%s], batch %d%n", peak, kernels.name(), batch);
        for (Layer layer : LAYERS) {
            profile(layer, kernels, without, peak, rounds, reps, batch);
        }
        Shape image = new Shape(28, 28, 1);
        steps(
                "cnn-conv32x5-pool-conv64-pool-128-10",
                new Architecture.ConvNet(
                        image, List.of(new Architecture.ConvBlock(32, 5), new Architecture.ConvBlock(64, 3)), 128, 10),
                kernels,
                without,
                rounds,
                reps,
                batch);
        steps(
                "res-conv16-bn-2blocks-pool-10",
                new ResidualCnn(image, 16, 2, 10).architecture(),
                kernels,
                without,
                rounds,
                reps,
                batch);
    }

    /** Batches the two networks of {@link #steps} both train on, in turn. */
    private static final int BATCHES = 8;

    private static void steps(
            String name, Architecture arch, Kernels kernels, Kernels without, int rounds, int reps, int batch) {
        Network[] nets = {new Network(arch, kernels).initialize(1), new Network(arch, without).initialize(1)};
        Optimizer[] opts = new Optimizer[2];
        for (int i = 0; i < 2; i++) {
            opts[i] = new OptimizerSpec.SgdMomentum(0.01f, 0.9f, 0).create(nets[i].parameterCount());
        }
        SplittableRandom rng = new SplittableRandom(11);
        int[] labels = new int[BATCHES * batch];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rng.nextInt(10);
        }
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            classes.add("class " + c);
        }
        Loss loss = ClassificationTask.INSTANCE.loss(new ClassLabels(labels, classes));
        float[][] xs = new float[BATCHES][];
        int[][] rows = new int[BATCHES][batch];
        for (int b = 0; b < BATCHES; b++) {
            xs[b] = random(batch * 28 * 28, rng);
            for (int i = 0; i < batch; i++) {
                rows[b][i] = b * batch + i;
            }
        }
        double[][] ms = new double[2][rounds - WARM_ROUNDS];
        int[] done = new int[2];
        for (int r = 0; r < rounds; r++) {
            for (int side = 0; side < 2; side++) {
                int which = (side + r) % 2;
                long t0 = CLOCK.getCurrentThreadCpuTime();
                for (int i = 0; i < reps; i++, done[which]++) {
                    int b = done[which] % BATCHES;
                    nets[which].trainStep(xs[b], loss, rows[b], batch, opts[which]);
                }
                if (r >= WARM_ROUNDS) {
                    ms[which][r - WARM_ROUNDS] = (CLOCK.getCurrentThreadCpuTime() - t0) / 1e6 / reps;
                }
            }
        }
        double[] ratios = new double[ms[0].length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = ms[1][i] / ms[0][i];
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "STEP %-38s before %.2f ms  planes %.2f ms  before/planes median %.2f (%.2f..%.2f), %s%n",
                name,
                median(ms[1]),
                median(ms[0]),
                median(ratios),
                sorted[0],
                sorted[sorted.length - 1],
                Arrays.equals(nets[0].parameters(), nets[1].parameters())
                        ? "same parameter bits"
                        : "DIFFERENT PARAMETER BITS");
    }

    private static void profile(
            Layer layer, Kernels kernels, Kernels without, double peak, int rounds, int reps, int batch) {
        Conv2D planes = new Conv2D(layer.h, layer.w, layer.cin, layer.cout, layer.k, kernels);
        Conv2D before = new Conv2D(layer.h, layer.w, layer.cin, layer.cout, layer.k, without);
        SplittableRandom rng = new SplittableRandom(7);
        float[] params = random(planes.parameterCount(), rng);
        float[] x = random(batch * planes.inputSize(), rng);
        float[] dy = random(batch * planes.outputSize(), rng);
        double[][] gflops = new double[4][rounds - WARM_ROUNDS]; // planes fwd, bwd; before fwd, bwd
        boolean same = true;
        for (int r = 0; r < rounds; r++) {
            float[][] a = null;
            float[][] b = null;
            for (int side = 0; side < 2; side++) {
                boolean isPlanes = (side + r) % 2 == 0;
                Conv2D conv = isPlanes ? planes : before;
                float[] y = new float[dy.length];
                float[] grads = new float[params.length];
                float[] dx = layer.inputGradient ? new float[x.length] : null;
                long t0 = CLOCK.getCurrentThreadCpuTime();
                for (int i = 0; i < reps; i++) {
                    conv.forward(params, x, y, batch);
                }
                long t1 = CLOCK.getCurrentThreadCpuTime();
                for (int i = 0; i < reps; i++) {
                    conv.backward(params, x, y, dy, dx, grads, batch);
                }
                long t2 = CLOCK.getCurrentThreadCpuTime();
                float[][] out = {y, grads, dx == null ? new float[0] : dx};
                if (isPlanes) {
                    a = out;
                } else {
                    b = out;
                }
                if (r >= WARM_ROUNDS) {
                    double fwd = layer.forwardFlops(batch);
                    double bwd = fwd * (layer.inputGradient ? 2 : 1);
                    gflops[isPlanes ? 0 : 2][r - WARM_ROUNDS] = fwd * reps / (t1 - t0);
                    gflops[isPlanes ? 1 : 3][r - WARM_ROUNDS] = bwd * reps / (t2 - t1);
                }
            }
            same &= Arrays.equals(a[0], b[0]) && Arrays.equals(a[1], b[1]) && Arrays.equals(a[2], b[2]);
        }
        String[] passes = {"fwd", "bwd"};
        for (int p = 0; p < 2; p++) {
            System.out.printf(
                    Locale.ROOT,
                    "CONV %-30s %s before %s  planes %s  x%.2f%n",
                    layer.name,
                    passes[p],
                    summary(gflops[2 + p], peak),
                    summary(gflops[p], peak),
                    median(gflops[p]) / median(gflops[2 + p]));
        }
        System.out.printf(Locale.ROOT, "CONV %-30s %s%n", layer.name, same ? "same bits" : "DIFFERENT BITS");
    }

    private static String summary(double[] values, double peak) {
        double[] v = values.clone();
        Arrays.sort(v);
        return String.format(
                Locale.ROOT,
                "%6.1f GF/s (%5.1f..%5.1f) %4.1f%%",
                median(values),
                v[0],
                v[v.length - 1],
                100 * median(values) / peak);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static float[] random(int n, SplittableRandom rng) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return v;
    }
}
