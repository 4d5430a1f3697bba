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
 * times both, in alternating order, on the thread's CPU clock, and checks that they gave the same bits. Beside them,
 * in the same rounds (the sides' order turning round by round), the same layer run by PyTorch through DJL on one
 * intra-op and one inter-op thread ({@link TorchConv}), its tensors held channels-first (PyTorch's default) and
 * channels-last (as ours), on the same input, kernel, bias and output gradient: its outputs and gradients are first
 * checked against ours (within {@link #AGREEMENT}, relative), and every side but the old one is warmed up until a
 * pass's time settles ({@link SettleRule#DEFAULT}).
 *
 * <p>{@code ConvProfile [rounds] [reps] [batch] [planes|winograd|stem]}: with {@code winograd} the new side is the
 * default kernels and the old one the same without Winograd's F(2×2, 3×3) ({@link KernelOptions#WITHOUT_WINOGRAD}, the
 * planes), whose sums round differently (the bits are then not expected to agree), and the 32-filter residual CNN of
 * the {@code tta} row joins the layers and steps; with {@code stem} only the two residual CNNs' steps, the default
 * kernels against the same without the stem's one call ({@link KernelOptions#WITHOUT_STEM}: its statistics from moments
 * round differently); by default the planes against the forms before them, both without Winograd's. Prints, per layer
 * and pass, the median GFLOP/s of the timed rounds (the first two warm the compiler up) with their range, and the share
 * of the one-core FMA peak measured in the same JVM ({@link FmaPeak#cpuTimedGflops}); then ours (the planes side)
 * against PyTorch in each layout, all counted with the same FLOPs ({@link ConvShape#forwardFlops}, {@link
 * ConvShape#backwardFlops}), with the median and range of the rounds' paired ratios; where the layer has an input
 * gradient, PyTorch's kernel (and bias) gradient and its input gradient each timed alone too (autograd computes only
 * the gradients asked for; ours are one pass); and the share of the process's CPU time PyTorch's passes took on the
 * timing thread (1: its clock saw all). Then whole training steps ({@link Network#trainStep}: loss and SGD with
 * momentum included) of the two-block CNN and the residual CNN, two networks of each from the same seed, one per
 * kernels, {@code reps} steps of each in turn per round on the same batches: the median CPU milliseconds a step, and
 * whether the two ended with the same parameter bits.
 */
final class ConvProfile {
    private static final ThreadMXBean CLOCK = ManagementFactory.getThreadMXBean();
    private static final int WARM_ROUNDS = 2;

    private ConvProfile() {}

    private static final List<ConvShape> LAYERS = List.of(
            new ConvShape("cnn conv 5x5 1->32 (28x28)", 28, 28, 1, 32, 5, false),
            new ConvShape("cnn conv 3x3 32->64 (14x14)", 14, 14, 32, 64, 3, true),
            new ConvShape("res stem 3x3 1->16 (28x28)", 28, 28, 1, 16, 3, false),
            new ConvShape("res block 3x3 16->16 (14x14)", 14, 14, 16, 16, 3, true),
            new ConvShape("res block 3x3 24->24 (14x14)", 14, 14, 24, 24, 3, true));

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        String mode = args.length > 3 ? args[3] : "planes";
        boolean stem = mode.equals("stem");
        boolean winograd = stem || mode.equals("winograd");
        Kernels kernels = KernelsProvider.best(winograd ? KernelOptions.ALL : KernelOptions.WITHOUT_WINOGRAD);
        Kernels without = KernelsProvider.best(
                stem
                        ? KernelOptions.WITHOUT_STEM
                        : winograd ? KernelOptions.WITHOUT_WINOGRAD : KernelOptions.WITHOUT_PLANES);
        String torch = TorchConv.startOnOneThread();
        double peak = FmaPeak.cpuTimedGflops();
        System.out.printf(
                Locale.ROOT, "PEAK one thread, CPU-timed %.1f GFLOP/s [%s], batch %d%n", peak, kernels.name(), batch);
        System.out.printf(
                Locale.ROOT,
                "TORCH %s; cpu %s; malloc %s%n",
                torch,
                EngineBench.cpuModel(),
                EngineBench.mallocSettings());
        List<ConvShape> layers = new ArrayList<>(stem ? List.of() : LAYERS);
        if (winograd && !stem) {
            layers.add(new ConvShape("res32 block 3x3 32->32 (14x14)", 14, 14, 32, 32, 3, true));
        }
        for (ConvShape layer : layers) {
            profile(layer, kernels, without, peak, rounds, reps, batch);
        }
        Shape image = new Shape(28, 28, 1);
        if (!stem) { // no batch norm: the stem's call does not change it
            steps(
                    "cnn-conv32x5-pool-conv64-pool-128-10",
                    new Architecture.ConvNet(
                            image,
                            List.of(new Architecture.ConvBlock(32, 5), new Architecture.ConvBlock(64, 3)),
                            128,
                            10),
                    kernels,
                    without,
                    rounds,
                    reps,
                    batch);
        }
        steps(
                "res-conv16-bn-2blocks-pool-10",
                new ResidualCnn(image, 16, 2, 10).architecture(),
                kernels,
                without,
                rounds,
                reps,
                batch);
        if (winograd) {
            steps(
                    "res-conv32-bn-1blocks-pool-128-10",
                    new ResidualCnn(image, 32, 1, 128, 10).architecture(),
                    kernels,
                    without,
                    rounds,
                    reps,
                    batch);
        }
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
                "STEP %-38s before %.2f ms  %s %.2f ms  before/new median %.2f (%.2f..%.2f), %s%n",
                name,
                median(ms[1]),
                kernels.name(),
                median(ms[0]),
                median(ratios),
                sorted[0],
                sorted[sorted.length - 1],
                Arrays.equals(nets[0].parameters(), nets[1].parameters())
                        ? "same parameter bits"
                        : "DIFFERENT PARAMETER BITS");
    }

    /** The largest relative difference between PyTorch's outputs or gradients and ours that counts as the same. */
    static final double AGREEMENT = 1e-4;

    /** PyTorch's side of the profile in one layout: the layer held by PyTorch, how far its results are from ours. */
    record TorchSide(TorchConv.Layout layout, TorchConv conv, double disagreement) {}

    /**
     * PyTorch's sides in the layouts in which it computes our convolution, open for timing (the caller closes them).
     * A layout that does not is closed and left out with a line saying so: on this project's AMD EPYC (Zen 5), PyTorch
     * 2.7.1's contiguous NCHW convolutions of 20, 24 or 40 input channels are 0.3–0.45 (relative) away from ours, its
     * channels_last ones and finite differences agree with ours (BENCHMARKS).
     *
     * @throws IllegalStateException where no layout agrees: then the two do not run the same convolution
     */
    static List<TorchSide> agreeingSides(
            ConvShape layer, float[] params, float[] x, float[] dy, int batch, float[][] ours) {
        List<TorchSide> agreeing = new ArrayList<>();
        StringBuilder differing = new StringBuilder();
        try {
            for (TorchConv.Layout layout : TorchConv.Layout.values()) {
                TorchConv t = new TorchConv(layer, batch, params, x, dy, layout);
                double d = disagreement(ours, t.outputsInOurLayout());
                if (d <= AGREEMENT) {
                    agreeing.add(new TorchSide(layout, t, d));
                    continue;
                }
                t.close();
                String line = String.format(
                        Locale.ROOT,
                        "%s: PyTorch's outputs or gradients (%s) differ from ours by %.2e (relative), more than %.0e",
                        layer.name(),
                        layout,
                        d,
                        AGREEMENT);
                System.out.println("TORCH " + line + ": left out");
                differing.append(differing.length() == 0 ? "" : "; ").append(line);
            }
            if (agreeing.isEmpty()) {
                throw new IllegalStateException(differing + ": the two do not run the same convolution");
            }
            return agreeing;
        } catch (RuntimeException e) {
            agreeing.forEach(side -> side.conv().close());
            throw e;
        }
    }

    private static void profile(
            ConvShape layer, Kernels kernels, Kernels without, double peak, int rounds, int reps, int batch)
            throws Exception {
        Conv2D planes = new Conv2D(layer.h(), layer.w(), layer.cin(), layer.cout(), layer.k(), kernels);
        Conv2D before = new Conv2D(layer.h(), layer.w(), layer.cin(), layer.cout(), layer.k(), without);
        SplittableRandom rng = new SplittableRandom(7);
        float[] params = random(planes.parameterCount(), rng);
        float[] x = random(batch * planes.inputSize(), rng);
        float[] dy = random(batch * planes.outputSize(), rng);
        List<TorchSide> torch = agreeingSides(layer, params, x, dy, batch, passes(planes, layer, params, x, dy, batch));
        try {
            // Every side warmed up until a pass's time settles, before the rounds (whose first two stay untimed too).
            SettleRule.Outcome[] warm = new SettleRule.Outcome[1 + torch.size()];
            warm[0] = SettleRule.DEFAULT.warmUp(() -> {
                long t0 = System.nanoTime();
                passes(planes, layer, params, x, dy, batch);
                return (System.nanoTime() - t0) / 1e9;
            });
            for (int l = 0; l < torch.size(); l++) {
                TorchConv t = torch.get(l).conv();
                warm[1 + l] = SettleRule.DEFAULT.warmUp(() -> (t.forward(1) + t.backward(1)) / 1e9);
            }
            int sides = 2 + torch.size(); // planes, before, then PyTorch in each layout
            // [side][fwd, bwd, and for PyTorch its kernel and input gradients alone][timed round]
            double[][][] gflops = new double[sides][4][rounds - WARM_ROUNDS];
            boolean same = true;
            for (int r = 0; r < rounds; r++) {
                float[][] a = null;
                float[][] b = null;
                for (int turn = 0; turn < sides; turn++) {
                    int side = (turn + r) % sides; // each side in each place of the order in turn, round by round
                    int at = r - WARM_ROUNDS;
                    double fwd = layer.forwardFlops(batch) * reps;
                    double bwd = layer.backwardFlops(batch) * reps;
                    if (side >= 2) {
                        TorchConv t = torch.get(side - 2).conv();
                        long fwdNanos = t.forward(reps);
                        long bwdNanos = t.backward(reps);
                        if (at >= 0) {
                            gflops[side][0][at] = fwd / fwdNanos;
                            gflops[side][1][at] = bwd / bwdNanos;
                            if (layer.inputGradient()) {
                                gflops[side][2][at] = fwd / t.backward(reps, TorchConv.Gradients.KERNEL);
                                gflops[side][3][at] = fwd / t.backward(reps, TorchConv.Gradients.INPUT);
                            }
                        }
                        continue;
                    }
                    Conv2D conv = side == 0 ? planes : before;
                    float[] y = new float[dy.length];
                    float[] grads = new float[params.length];
                    float[] dx = layer.inputGradient() ? new float[x.length] : null;
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
                    if (side == 0) {
                        a = out;
                    } else {
                        b = out;
                    }
                    if (at >= 0) {
                        gflops[side][0][at] = fwd / (t1 - t0);
                        gflops[side][1][at] = bwd / (t2 - t1);
                    }
                }
                same &= Arrays.equals(a[0], b[0]) && Arrays.equals(a[1], b[1]) && Arrays.equals(a[2], b[2]);
            }
            String[] passNames = {"fwd", "bwd"};
            for (int p = 0; p < 2; p++) {
                System.out.printf(
                        Locale.ROOT,
                        "CONV %-30s %s before %s  %s %s  x%.2f%n",
                        layer.name(),
                        passNames[p],
                        summary(gflops[1][p], peak),
                        kernels.name(),
                        summary(gflops[0][p], peak),
                        median(gflops[0][p]) / median(gflops[1][p]));
            }
            System.out.printf(Locale.ROOT, "CONV %-30s %s%n", layer.name(), same ? "same bits" : "DIFFERENT BITS");
            for (int l = 0; l < torch.size(); l++) {
                TorchSide side = torch.get(l);
                String name = side.layout() == TorchConv.Layout.CHANNELS_FIRST ? "nchw" : "nhwc";
                double[][] theirs = gflops[2 + l];
                for (int p = 0; p < 2; p++) {
                    double[] ratios = new double[theirs[p].length];
                    for (int i = 0; i < ratios.length; i++) {
                        ratios[i] = gflops[0][p][i] / theirs[p][i];
                    }
                    double[] sorted = ratios.clone();
                    Arrays.sort(sorted);
                    System.out.printf(
                            Locale.ROOT,
                            "TORCH %-30s %s ours %s  pytorch-%s %s  ours/pytorch %.2f (%.2f..%.2f)%n",
                            layer.name(),
                            passNames[p],
                            summary(gflops[0][p], peak),
                            name,
                            summary(theirs[p], peak),
                            median(ratios),
                            sorted[0],
                            sorted[sorted.length - 1]);
                }
                if (layer.inputGradient()) {
                    System.out.printf(
                            Locale.ROOT,
                            "TORCH %-30s bwd pytorch-%s alone: kernel+bias gradient %s  input gradient %s%n",
                            layer.name(),
                            name,
                            summary(theirs[2], peak),
                            summary(theirs[3], peak));
                }
                System.out.printf(
                        Locale.ROOT,
                        "TORCH %-30s pytorch-%s agrees within %.1e; warm-up passes %s (ours %s);"
                                + " thread/process CPU %.2f%n",
                        layer.name(),
                        name,
                        side.disagreement(),
                        warm[1 + l].describe(),
                        warm[0].describe(),
                        side.conv().threadShareOfProcess());
            }
        } finally {
            torch.forEach(side -> side.conv().close());
        }
    }

    /**
     * One forward and one backward pass of our layer on fresh arrays.
     *
     * @return the output, the kernel and bias gradients, and the input gradient (empty where the layer has none)
     */
    static float[][] passes(Conv2D conv, ConvShape layer, float[] params, float[] x, float[] dy, int batch) {
        float[] y = new float[dy.length];
        float[] grads = new float[params.length];
        float[] dx = layer.inputGradient() ? new float[x.length] : null;
        conv.forward(params, x, y, batch);
        conv.backward(params, x, y, dy, dx, grads, batch);
        return new float[][] {y, grads, dx == null ? new float[0] : dx};
    }

    /**
     * @param ours our output and gradients
     * @param theirs PyTorch's, in the same layouts
     * @return the largest, over the three, of the largest absolute difference relative to the largest magnitude of
     *     ours; infinite where the sizes differ
     */
    static double disagreement(float[][] ours, float[][] theirs) {
        double worst = 0;
        for (int t = 0; t < ours.length; t++) {
            if (ours[t].length != theirs[t].length) {
                return Double.POSITIVE_INFINITY;
            }
            double scale = Double.MIN_NORMAL;
            double diff = 0;
            for (int i = 0; i < ours[t].length; i++) {
                scale = Math.max(scale, Math.abs(ours[t][i]));
                diff = Math.max(diff, Math.abs(ours[t][i] - theirs[t][i]));
            }
            worst = Math.max(worst, diff / scale);
        }
        return worst;
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
