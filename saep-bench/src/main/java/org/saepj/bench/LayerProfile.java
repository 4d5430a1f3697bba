package org.saepj.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.LongSupplier;
import org.saepj.data.Shape;
import org.saepj.engine.Architecture;
import org.saepj.engine.Network;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.layer.Chunks;
import org.saepj.engine.layer.Conv2D;
import org.saepj.engine.layer.Dense;
import org.saepj.engine.layer.Layer;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.MergeLayer;
import org.saepj.engine.layer.Pass;
import org.saepj.engine.layer.StealingChunks;
import org.saepj.engine.layer.TrainingPlan;

/**
 * Where a training step of a network spends its time, per node and pass: runs the layers of a {@link Network} node by
 * node as its training step does (batch statistics, gradients summed where outputs are shared; a batch norm with the
 * ReLU, and the pool, that its {@link TrainingPlan} runs in one call, charged to the batch norm) with a clock around
 * each call (the thread's CPU time), on random inputs and output gradients (the loss and the optimizer are left
 * out), one thread; or, with a thread count above 1, on a worker of a pool whose idle workers take the passes' chunks
 * (as a search's executor runs a candidate alone), timed on the wall clock.
 *
 * <p>{@code LayerProfile [res|res32|tta|cnn|paper|mlp] [steps] [batch] [threads]}: the residual CNN with batch
 * normalisation of the benchmark ({@link ResidualCnn}, default), the default image search's 32-filter candidate (one
 * block, a hidden dense layer of 128), the {@code tta} row's network (the same at 48 filters), its two-block CNN, the
 * paper's CNN or the 512-unit MLP; prints milliseconds per step and the share of each node's forward and backward pass,
 * and the GFLOP/s of the convolutions and dense layers. Every layer's input gradient is computed, the first's too (a
 * training step skips that one). Then inference on the same batch: each node's pass alone (running statistics),
 * alternating with the network's own inference pass, which fuses a convolution with the batch norm and ReLU after it,
 * and whether the two gave the same bits.
 */
final class LayerProfile {
    /**
     * The thread's CPU time rather than the wall clock: the machines it runs on are shared, and a thread waiting
     * for a core would otherwise charge the wait to whichever layer it was in.
     */
    private static final ThreadMXBean CLOCK = ManagementFactory.getThreadMXBean();

    private LayerProfile() {}

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "res";
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Shape image = new Shape(28, 28, 1);
        Architecture arch = switch (which) {
            case "cnn" ->
                new Architecture.ConvNet(
                        image, List.of(new Architecture.ConvBlock(32, 5), new Architecture.ConvBlock(64, 3)), 128, 10);
            case "paper" -> Architecture.ConvNet.paper(image, 10);
            case "mlp" -> new Architecture.DenseStack(image, new int[] {512}, 10);
            case "res32" -> new ResidualCnn(image, 32, 1, 128, 10).architecture();
            case "tta" -> BenchOptions.TtaOptions.network(image, 10).architecture();
            default -> new ResidualCnn(image, 16, 2, 10).architecture();
        };
        Kernels kernels = KernelsProvider.best();
        Network net = new Network(arch, kernels).initialize(1);
        if (threads < 2) {
            profile(
                    net,
                    arch,
                    kernels,
                    new Profiler(net, batch, Chunks.SEQUENTIAL, CLOCK::getCurrentThreadCpuTime),
                    steps,
                    batch);
            return;
        }
        // As a search's executor runs a candidate alone: on a worker whose idle peers take the passes' chunks. The
        // helpers' time is not this thread's, so the clock is the wall's.
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            StealingChunks chunks = new StealingChunks(pool);
            net.shareWork(chunks);
            Profiler p = new Profiler(net, batch, chunks, System::nanoTime);
            pool.submit(() -> {
                        profile(net, arch, kernels, p, steps, batch);
                        return null;
                    })
                    .get();
        } finally {
            pool.shutdown();
        }
    }

    private static void profile(Network net, Architecture arch, Kernels kernels, Profiler p, int steps, int batch) {
        for (int s = 0; s < steps; s++) {
            p.step(s >= steps / 3); // the first third warms the compiler up
        }
        p.print(arch + " [" + kernels.name() + "], batch " + batch + ", " + (steps - steps / 3) + " steps timed");
        for (int s = 0; s < steps; s++) {
            p.inferenceStep(s >= steps / 3);
        }
        p.printInference();
    }

    /** The node-by-node step with its clocks. */
    private static final class Profiler {
        private final Network net;
        private final LayerGraph graph;
        private final List<Layer> layers;
        private final int batch;
        private final float[][] acts;
        private final float[][] deltas;
        private final boolean[][] adds;
        private final float[] partial;
        private final Pass pass;
        /** The runs of a batch norm, its ReLU and a pool the network's training step makes one call. */
        private final TrainingPlan plan;

        private final long[] forwardNanos;
        private final long[] backwardNanos;
        private int timedSteps;
        /** Inference: the nodes one by one (as before fused plans), then the network's own pass, alternately. */
        private final Pass inference;

        private final long[] inferenceNanos;
        /** This thread's CPU time on one thread; the wall clock when idle workers take chunks. */
        private final LongSupplier clock;

        private final boolean cpuClock;
        private long plannedNanos;
        private int inferenceSteps;
        private boolean sameBits = true;

        Profiler(Network net, int batch, Chunks chunks, LongSupplier clock) {
            this.net = net;
            this.clock = clock;
            this.cpuClock = chunks == Chunks.SEQUENTIAL;
            this.graph = net.graph();
            this.layers = net.layers();
            this.batch = batch;
            this.plan = new TrainingPlan(graph, layers, !graph.isChain()); // as the network runs it
            int n = layers.size();
            acts = new float[n + 1][];
            deltas = new float[n + 1][];
            SplittableRandom rng = new SplittableRandom(3);
            acts[0] = new float[batch * layers.get(0).inputSize()];
            for (int i = 0; i < acts[0].length; i++) {
                acts[0][i] = (float) rng.nextDouble();
            }
            int widest = 0;
            for (int i = 0; i < n; i++) {
                acts[i + 1] = new float[batch * layers.get(i).outputSize()];
                deltas[i + 1] = new float[batch * layers.get(i).outputSize()];
                widest = Math.max(widest, layers.get(i).outputSize());
            }
            for (int i = 0; i < deltas[n].length; i++) {
                deltas[n][i] = (float) (rng.nextDouble() - 0.5) / batch;
            }
            partial = new float[batch * widest];
            adds = new boolean[n][];
            boolean[] written = new boolean[n + 1];
            for (int i = n - 1; i >= 0; i--) {
                int[] in = graph.inputsOf(i);
                adds[i] = new boolean[in.length];
                for (int k = 0; k < in.length; k++) {
                    adds[i][k] = written[in[k] + 1];
                    written[in[k] + 1] = true;
                }
            }
            pass = new Pass(net.state());
            pass.chunks(chunks);
            pass.seed(1);
            pass.training(true);
            forwardNanos = new long[n];
            backwardNanos = new long[n];
            inference = new Pass(net.state());
            inference.chunks(chunks);
            inferenceNanos = new long[n];
        }

        /** One inference pass node by node and one through {@link Network#forward(float[], int)}, each timed. */
        void inferenceStep(boolean timed) {
            float[] params = net.parameters();
            int n = layers.size();
            for (int i = 0; i < n; i++) {
                int[] in = graph.inputsOf(i);
                long t0 = clock.getAsLong();
                if (layers.get(i) instanceof MergeLayer merge) {
                    float[][] xs = new float[in.length][];
                    for (int k = 0; k < in.length; k++) {
                        xs[k] = acts[in[k] + 1];
                    }
                    merge.forward(params, xs, acts[i + 1], batch);
                } else {
                    layers.get(i).forward(params, acts[in[0] + 1], acts[i + 1], batch, inference);
                }
                inferenceNanos[i] += timed ? clock.getAsLong() - t0 : 0;
            }
            long t0 = clock.getAsLong();
            float[] logits = net.forward(acts[0], batch);
            plannedNanos += timed ? clock.getAsLong() - t0 : 0;
            sameBits &= Arrays.equals(logits, 0, acts[n].length, acts[n], 0, acts[n].length);
            inferenceSteps += timed ? 1 : 0;
        }

        void printInference() {
            double total = 0;
            for (long t : inferenceNanos) {
                total += t;
            }
            double perStep = total / inferenceSteps / 1e6;
            System.out.printf(
                    Locale.ROOT, "INFERENCE node by node%n%-12s %-28s %9s %6s%n", "node", "layer", "ms", "share");
            for (int i = 0; i < layers.size(); i++) {
                double ms = inferenceNanos[i] / 1e6 / inferenceSteps;
                System.out.printf(
                        Locale.ROOT,
                        "%-12s %-28s %9.3f %5.1f%%%n",
                        graph.nodes().get(i).id(),
                        layers.get(i),
                        ms,
                        100 * ms / perStep);
            }
            double planned = plannedNanos / 1e6 / inferenceSteps;
            System.out.printf(
                    Locale.ROOT,
                    "INFERENCE node by node %.3f %s ms/batch, network's pass (fused plan) %.3f, %.2f× (%s)%n",
                    perStep,
                    cpuClock ? "CPU" : "wall",
                    planned,
                    perStep / planned,
                    sameBits ? "same bits" : "DIFFERENT BITS");
        }

        void step(boolean timed) {
            float[] params = net.parameters();
            float[] grads = net.gradients();
            int n = layers.size();
            for (int i = 0; i < n; i++) {
                int[] in = graph.inputsOf(i);
                if (plan.absorbed(i)) {
                    continue; // the node before runs it
                }
                long t0 = clock.getAsLong();
                if (plan.rectifies(i)) {
                    int skip = plan.skipInput(i);
                    float[] skipped = skip < 0 ? null : acts[graph.inputsOf(i + 1)[skip] + 1];
                    plan.forward(i, params, acts[in[0] + 1], skipped, acts[i + plan.span(i)], batch, pass);
                } else if (layers.get(i) instanceof MergeLayer merge) {
                    float[][] xs = new float[in.length][];
                    for (int k = 0; k < in.length; k++) {
                        xs[k] = acts[in[k] + 1];
                    }
                    merge.forward(params, xs, acts[i + 1], batch);
                } else {
                    layers.get(i).forward(params, acts[in[0] + 1], acts[i + 1], batch, pass);
                }
                forwardNanos[i] += timed ? clock.getAsLong() - t0 : 0;
            }
            for (int i = n - 1; i >= 0; i--) {
                int[] in = graph.inputsOf(i);
                if (plan.absorbed(i)) {
                    continue;
                }
                long t0 = clock.getAsLong();
                float[][] dxs = new float[in.length][];
                for (int k = 0; k < in.length; k++) {
                    dxs[k] = in[k] < 0 ? null : adds[i][k] ? partial : deltas[in[k] + 1];
                }
                int out = i + plan.span(i);
                int skip = plan.skipInput(i);
                int skipNode = skip < 0 ? -1 : graph.inputsOf(i + 1)[skip];
                boolean skipAdds = skipNode >= 0 && adds[i + 1][skip];
                if (plan.rectifies(i)) {
                    float[] skipDx = skipNode < 0 ? null : skipAdds ? partial : deltas[skipNode + 1];
                    plan.backward(
                            i, params, acts[in[0] + 1], acts[out], deltas[out], dxs[0], skipDx, grads, batch, pass);
                    if (skipAdds) {
                        float[] sum = deltas[skipNode + 1];
                        for (int j = 0, size = batch * layers.get(skipNode).outputSize(); j < size; j++) {
                            sum[j] += partial[j];
                        }
                    }
                } else if (layers.get(i) instanceof MergeLayer merge) {
                    float[][] xs = new float[in.length][];
                    for (int k = 0; k < in.length; k++) {
                        xs[k] = acts[in[k] + 1];
                    }
                    merge.backward(params, xs, acts[i + 1], deltas[i + 1], dxs, grads, batch);
                } else {
                    layers.get(i)
                            .backward(params, acts[in[0] + 1], acts[i + 1], deltas[i + 1], dxs[0], grads, batch, pass);
                }
                for (int k = 0; k < in.length; k++) {
                    if (in[k] >= 0 && adds[i][k]) {
                        float[] sum = deltas[in[k] + 1];
                        for (int j = 0, size = batch * layers.get(in[k]).outputSize(); j < size; j++) {
                            sum[j] += partial[j];
                        }
                    }
                }
                backwardNanos[i] += timed ? clock.getAsLong() - t0 : 0;
            }
            timedSteps += timed ? 1 : 0;
        }

        void print(String title) {
            double total = 0;
            for (int i = 0; i < layers.size(); i++) {
                total += forwardNanos[i] + backwardNanos[i];
            }
            double perStep = total / timedSteps / 1e6;
            System.out.printf(
                    Locale.ROOT,
                    "PROFILE %s%n%-12s %-28s %9s %9s %6s %8s %8s%n",
                    title,
                    "node",
                    "layer",
                    "fwd ms",
                    "bwd ms",
                    "share",
                    "fwd GF/s",
                    "bwd GF/s");
            for (int i = 0; i < layers.size(); i++) {
                Layer layer = layers.get(i);
                double f = forwardNanos[i] / 1e6 / timedSteps;
                double b = backwardNanos[i] / 1e6 / timedSteps;
                double flops = forwardFlops(layer) * batch;
                boolean hasDx = i > 0;
                String fgf = flops > 0 ? String.format(Locale.ROOT, "%8.1f", flops / f / 1e6) : "";
                String bgf = flops > 0 ? String.format(Locale.ROOT, "%8.1f", flops * (hasDx ? 2 : 1) / b / 1e6) : "";
                System.out.printf(
                        Locale.ROOT,
                        "%-12s %-28s %9.3f %9.3f %5.1f%% %8s %8s%n",
                        graph.nodes().get(i).id(),
                        layer,
                        f,
                        b,
                        100 * (f + b) / perStep,
                        fgf,
                        bgf);
            }
            System.out.printf(
                    Locale.ROOT,
                    "PROFILE total %.3f %s ms/step = %.0f samples/s (layers only)%n",
                    perStep,
                    cpuClock ? "CPU" : "wall",
                    batch / perStep * 1e3);
        }

        /** Multiply-adds × 2 of a layer's forward pass per sample: products only, for convolutions and dense. */
        private static double forwardFlops(Layer layer) {
            if (layer instanceof Conv2D c) {
                return 2.0 * layer.outputSize() * c.kernel() * c.kernel() * c.inChannels();
            }
            if (layer instanceof Dense) {
                return 2.0 * layer.outputSize() * layer.inputSize();
            }
            return 0;
        }
    }
}
