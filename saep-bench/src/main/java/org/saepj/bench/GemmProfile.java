package org.saepj.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.KernelsProvider;

/**
 * The dense products of the bench's MLP ({@code mlp-784-512-10}, batch 64) and paper CNN one by one: each
 * {@link Kernels} call a training step makes, timed alone on the thread's CPU clock, as GFLOP/s and as a share of
 * the measured FMA peak ({@link FmaPeak#cpuTimedGflops}, on the same clock); and a hash of each product's output
 * bits on fixed inputs, so that a kernel change can be checked to give the same bits as before by comparing two
 * runs' hashes. The products get the workspace {@code Dense} gives them.
 *
 * <p>{@code GemmProfile [calls] [rounds]}: each product runs {@code calls} times a round (default 400), rounds after
 * rounds (default 7, the first two untimed while the JIT compiles); prints the median and best round.
 */
final class GemmProfile {
    private static final ThreadMXBean CLOCK = ManagementFactory.getThreadMXBean();
    private static final int BATCH = 64;
    private static final int IN = 784;
    private static final int HIDDEN = 512;
    private static final int CLASSES = 10;
    private static final int FLAT = 14 * 14 * 16;
    private static final int UNITS = 64;
    /** A 3×3 convolution of 24 filters on 24 channels at 14×14 (a filter count not in whole 512-bit vectors). */
    private static final int TAPS24 = 3 * 3 * 24;
    /** The rows of one of its im2col chunks: Conv2D's 2^18 patch floats hold 6 images of 196 positions. */
    private static final int ROWS24 = 6 * 14 * 14;
    /** The {@code tta} row's hidden dense layer: 7 × 7 × 48 = 2352 inputs, 128 units (its weights are 1.2 MB). */
    private static final int TTA_FLAT = 7 * 7 * 48;

    private static final int TTA_UNITS = 128;

    private GemmProfile() {}

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Kernels k = KernelsProvider.best();
        double peak = FmaPeak.cpuTimedGflops();
        System.out.printf(
                Locale.ROOT,
                "GEMM kernels %s, batch %d, %d calls × %d rounds; PEAK threads=1 gflops=%.1f (CPU time)%n",
                k.name(),
                BATCH,
                calls,
                rounds,
                peak);
        SplittableRandom rng = new SplittableRandom(7);
        float[] x = random(rng, BATCH * IN);
        float[] w1 = random(rng, IN * HIDDEN);
        float[] w1t = random(rng, HIDDEN * IN);
        float[] h = random(rng, BATCH * HIDDEN);
        float[] dh = random(rng, BATCH * HIDDEN);
        float[] w2t = random(rng, CLASSES * HIDDEN);
        float[] dz = random(rng, BATCH * CLASSES);
        float[] out1 = new float[BATCH * HIDDEN];
        float[] grad1 = new float[IN * HIDDEN];
        float[] dx = new float[BATCH * IN];
        float[] logits = new float[BATCH * CLASSES];
        float[] grad2t = new float[CLASSES * HIDDEN];
        float[] dh2 = new float[BATCH * HIDDEN];
        float[] work = new float[Math.max(k.gemmWorkspace(HIDDEN), k.gemmWorkspace(IN))]; // as Dense passes
        // The paper CNN's hidden dense layer (14 × 14 × 16 = 3136 inputs, 64 units): its weights are 800 KB.
        HiddenDense cnn = HiddenDense.draw(k, rng, "cnn", FLAT, UNITS);
        float[] flatDx = new float[BATCH * FLAT];
        float[] patches24 = random(rng, TAPS24 * ROWS24);
        float[] kernel24 = random(rng, TAPS24 * 24);
        float[] dy24 = random(rng, ROWS24 * 24);
        float[] out24 = new float[ROWS24 * 24];
        float[] grad24 = new float[TAPS24 * 24];
        float[] work24 = new float[k.gemmWorkspace(24)];
        HiddenDense tta = HiddenDense.draw(k, rng, "tta", TTA_FLAT, TTA_UNITS);
        Product[] products = {
            new Product("fwd gemm 64x784·784x512", BATCH, IN, HIDDEN, out1, () -> {
                k.gemm(x, 0, w1, 0, out1, 0, BATCH, IN, HIDDEN, false, work);
            }),
            new Product("wgrad gemmTransposedA 784x64·64x512", BATCH, IN, HIDDEN, grad1, () -> {
                k.gemmTransposedA(x, dh, 0, grad1, 0, BATCH, IN, HIDDEN, work);
            }),
            new Product("dx gemm 64x512·512x784 (a 2nd layer's)", BATCH, HIDDEN, IN, dx, () -> {
                k.gemm(dh, 0, w1t, 0, dx, 0, BATCH, HIDDEN, IN, false, work);
            }),
            new Product("head fwd gemmTransposedB 64x512·(10x512)ᵀ", BATCH, HIDDEN, CLASSES, logits, () -> {
                k.gemmTransposedB(h, w2t, logits, BATCH, HIDDEN, CLASSES);
            }),
            new Product("head wgrad gemmTransposedA 10x64·64x512", BATCH, CLASSES, HIDDEN, grad2t, () -> {
                k.gemmTransposedA(dz, h, 0, grad2t, 0, BATCH, CLASSES, HIDDEN, work);
            }),
            new Product("head dx gemm 64x10·10x512", BATCH, CLASSES, HIDDEN, dh2, () -> {
                k.gemm(dz, 0, w2t, 0, dh2, 0, BATCH, CLASSES, HIDDEN, false, work);
            }),
            cnn.forward(),
            cnn.weightGradient(),
            // The input gradient as a plain product, W read as if it were stored transposed (a reference for the next).
            new Product("cnn dx gemm 64x64·64x3136", BATCH, UNITS, FLAT, flatDx, () -> {
                k.gemm(cnn.dy(), 0, cnn.w(), 0, flatDx, 0, BATCH, UNITS, FLAT, false, cnn.work());
            }),
            cnn.inputGradient(),
            tta.forward(),
            tta.weightGradient(),
            tta.inputGradient(),
            // Conv2D's im2col products where the filters are not whole vectors (24 at 512 bits: 16 + a tail of 8),
            // patches stored tap-major: the forward pass is patchesᵀ·W, the kernel gradient patches·dy.
            new Product("conv24 fwd gemmTransposedA (216x1176)ᵀ·216x24", ROWS24, TAPS24, 24, out24, () -> {
                k.gemmTransposedA(patches24, kernel24, 0, out24, 0, TAPS24, ROWS24, 24);
            }),
            new Product("conv24 wgrad gemm 216x1176·1176x24", TAPS24, ROWS24, 24, grad24, () -> {
                k.gemm(patches24, 0, dy24, 0, grad24, 0, TAPS24, ROWS24, 24, false, work24);
            }),
        };
        for (Product p : products) {
            double[] gflops = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long t0 = CLOCK.getCurrentThreadCpuTime();
                for (int c = 0; c < calls; c++) {
                    p.call.run();
                }
                long ns = CLOCK.getCurrentThreadCpuTime() - t0;
                gflops[r] = 2.0 * p.m * p.k * p.n * calls / ns;
            }
            double[] timed = Arrays.copyOfRange(gflops, Math.min(2, rounds - 1), rounds);
            Arrays.sort(timed);
            double median = timed[timed.length / 2];
            System.out.printf(
                    Locale.ROOT,
                    "GEMM %-44s median %6.1f GF/s (%3.0f%% of peak), best %6.1f; bits %08x%n",
                    p.name,
                    median,
                    100 * median / peak,
                    timed[timed.length - 1],
                    Arrays.hashCode(p.output));
        }
    }

    private static float[] random(SplittableRandom rng, int size) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = (float) (rng.nextDouble() - 0.5);
        }
        return a;
    }

    /** One product of the step: its shape (for the FLOPs), its output (for the hash) and the call. */
    private record Product(String name, int m, int k, int n, float[] output, Runnable call) {}

    /**
     * A hidden dense layer of a batch: its input x ({@code BATCH × in}), weights w ({@code in × units}) and output
     * gradient dy, drawn in that order, and the three products its training step calls, each with outputs of its own.
     */
    private record HiddenDense(
            Kernels k, String label, int in, int units, float[] x, float[] w, float[] dy, float[] work) {
        static HiddenDense draw(Kernels k, SplittableRandom rng, String label, int in, int units) {
            float[] x = random(rng, BATCH * in);
            float[] w = random(rng, in * units);
            float[] dy = random(rng, BATCH * units);
            float[] work = new float[Math.max(k.gemmWorkspace(units), k.gemmWorkspace(in))]; // as Dense passes
            return new HiddenDense(k, label, in, units, x, w, dy, work);
        }

        Product forward() {
            float[] out = new float[BATCH * units];
            String name = String.format(Locale.ROOT, "%s fwd gemm %dx%d·%dx%d", label, BATCH, in, in, units);
            return new Product(
                    name, BATCH, in, units, out, () -> k.gemm(x, 0, w, 0, out, 0, BATCH, in, units, false, work));
        }

        Product weightGradient() {
            float[] grad = new float[in * units];
            String name =
                    String.format(Locale.ROOT, "%s wgrad gemmTransposedA %dx%d·%dx%d", label, in, BATCH, BATCH, units);
            return new Product(
                    name, BATCH, in, units, grad, () -> k.gemmTransposedA(x, dy, 0, grad, 0, BATCH, in, units, work));
        }

        /** What Dense's backward pass calls: dy·Wᵀ from W as stored, Wᵀ being the kernels' to make. */
        Product inputGradient() {
            float[] dx = new float[BATCH * in];
            float[] wt = new float[in * units];
            String name = String.format(
                    Locale.ROOT, "%s dx gemmTransposedOperand %dx%d·(%dx%d)ᵀ", label, BATCH, units, in, units);
            return new Product(
                    name,
                    BATCH,
                    units,
                    in,
                    dx,
                    () -> k.gemmTransposedOperand(dy, w, 0, dx, BATCH, units, in, work, wt));
        }
    }
}
