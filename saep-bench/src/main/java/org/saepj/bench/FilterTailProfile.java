package org.saepj.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.saepj.engine.kernel.KernelOptions;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.layer.Conv2D;

/**
 * The forward pass of a 3×3 convolution whose filters are not whole vectors (24 at 512 bits: a vector and a tail of
 * eight) with the kernels' planes form and without it (the im2col product, {@link KernelOptions#WITHOUT_PLANES}),
 * side by side in one JVM on one thread: each round times both in alternating order on the thread's CPU clock, and
 * the two outputs are checked for the same bits. PyTorch is left out ({@link ConvProfile} compares it on the
 * benchmark's own layers).
 *
 * <p>{@code FilterTailProfile [cin] [cout] [rounds] [reps] [batch]} (defaults 24, 24, 11, 20, 64; 14×14 inputs):
 * prints each side's median GFLOP/s over the timed rounds (the first two warm the compiler up) with their range.
 */
final class FilterTailProfile {
    private static final ThreadMXBean CLOCK = ManagementFactory.getThreadMXBean();
    private static final int WARM_ROUNDS = 2;
    private static final int SIDE = 14;
    private static final int KERNEL = 3;

    private FilterTailProfile() {}

    public static void main(String[] args) {
        int cin = args.length > 0 ? Integer.parseInt(args[0]) : 24;
        int cout = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 11;
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 64;
        Kernels[] kernels = {KernelsProvider.best(), KernelsProvider.best(KernelOptions.WITHOUT_PLANES)};
        Conv2D[] layers = new Conv2D[2];
        for (int s = 0; s < 2; s++) {
            layers[s] = new Conv2D(SIDE, SIDE, cin, cout, KERNEL, kernels[s]);
        }
        SplittableRandom rng = new SplittableRandom(7);
        float[] params = gaussian(layers[0].parameterCount(), rng);
        float[] x = gaussian(batch * layers[0].inputSize(), rng);
        float[][] y = {new float[batch * layers[0].outputSize()], new float[batch * layers[0].outputSize()]};
        double flops = 2.0 * batch * SIDE * SIDE * KERNEL * KERNEL * cin * cout;
        double[][] gflops = new double[2][rounds - WARM_ROUNDS];
        for (int r = 0; r < rounds; r++) {
            for (int side = 0; side < 2; side++) {
                int which = (side + r) % 2;
                long t0 = CLOCK.getCurrentThreadCpuTime();
                for (int i = 0; i < reps; i++) {
                    layers[which].forward(params, x, y[which], batch);
                }
                if (r >= WARM_ROUNDS) {
                    gflops[which][r - WARM_ROUNDS] = flops * reps / (CLOCK.getCurrentThreadCpuTime() - t0);
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "cpu %s, batch %d, %dx%d, 3x3 %d->%d%n",
                EngineBench.cpuModel(),
                batch,
                SIDE,
                SIDE,
                cin,
                cout);
        for (int s = 0; s < 2; s++) {
            double[] v = gflops[s].clone();
            Arrays.sort(v);
            System.out.printf(
                    Locale.ROOT,
                    "FWD %-26s median %6.1f GF/s (%5.1f..%5.1f)%n",
                    kernels[s].name(),
                    v[v.length / 2],
                    v[0],
                    v[v.length - 1]);
        }
        System.out.println(Arrays.equals(y[0], y[1]) ? "same bits" : "DIFFERENT BITS");
    }

    private static float[] gaussian(int n, SplittableRandom rng) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }
}
