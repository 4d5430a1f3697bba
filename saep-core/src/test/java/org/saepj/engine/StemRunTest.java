package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.KernelOptions;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.kernel.StemShape;
import org.saepj.engine.layer.AddKind;
import org.saepj.engine.layer.BatchNormKind;
import org.saepj.engine.layer.Conv2DKind;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.FlattenKind;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.LayerGraph.Node;
import org.saepj.engine.layer.LayerSpec;
import org.saepj.engine.layer.MaxPoolKind;
import org.saepj.engine.layer.ReluKind;
import org.saepj.engine.layer.TrainingPlan;
import org.saepj.task.ClassificationTask;
import org.saepj.task.Loss;
import org.saepj.task.SoftmaxCrossEntropy;

/**
 * A stem's convolution, batch norm, ReLU and pool as one training call (the training plan's run of four, statistics
 * from the patches' moments): the same functions and gradients as the layers one by one within float rounding, the
 * gradients those of finite differences, the same bits in the scalar and vector kernels, and only where the plan may
 * take it.
 */
class StemRunTest {
    private static final BatchNormKind.Spec BN = new BatchNormKind.Spec(0.1, 1e-5);
    private static final int CLASSES = 4;

    private static Node node(String id, LayerSpec spec, String... inputs) {
        return new Node(id, spec, List.of(inputs));
    }

    /** A residual CNN: the stem (conv, BN, ReLU, pool) and one residual block, pool, flatten, dense. */
    static LayerGraph residualCnn(int filters, int side, int channels, int kernel) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(node("stem", new Conv2DKind.Spec(filters, kernel), "input"));
        nodes.add(node("stem_bn", BN, "stem"));
        nodes.add(node("stem_relu", new ReluKind.Spec(), "stem_bn"));
        nodes.add(node("stem_pool", new MaxPoolKind.Spec(), "stem_relu"));
        nodes.add(node("conv1", new Conv2DKind.Spec(filters, 3), "stem_pool"));
        nodes.add(node("bn1", BN, "conv1"));
        nodes.add(node("relu1", new ReluKind.Spec(), "bn1"));
        nodes.add(node("conv2", new Conv2DKind.Spec(filters, 3), "relu1"));
        nodes.add(node("bn2", BN, "conv2"));
        nodes.add(node("sum", new AddKind.Spec(), "stem_pool", "bn2"));
        nodes.add(node("relu2", new ReluKind.Spec(), "sum"));
        nodes.add(node("out_pool", new MaxPoolKind.Spec(), "relu2"));
        nodes.add(node("flat", new FlattenKind.Spec(), "out_pool"));
        nodes.add(node("logits", new DenseKind.Spec(CLASSES), "flat"));
        return new LayerGraph(new Shape(side, side, channels), nodes);
    }

    private static Kernels kernels(String name, KernelOptions options) {
        return name.equals("scalar") ? KernelsProvider.scalar(options) : KernelsProvider.vector(options);
    }

    /**
     * Images whose left third is a blank background of a value off zero (as around a Fashion-MNIST item, after
     * scaling): a convolution gives equal values there, so pool windows hold their maximum twice; the moments' centring
     * has an offset to take out.
     */
    private static float[] images(int n, Shape shape, SplittableRandom rng) {
        return images(n, shape, rng, 0);
    }

    /** The same, every value moved by {@code offset}: unscaled pixels, a large mean beside the zero padding. */
    private static float[] images(int n, Shape shape, SplittableRandom rng, float offset) {
        float[] x = new float[n * shape.size()];
        int side = shape.width();
        int channels = shape.channels();
        for (int i = 0; i < x.length; i++) {
            int col = i / channels % side;
            x[i] = offset + (col < side / 3 ? 0.25f : (float) (0.5 + rng.nextGaussian()));
        }
        return x;
    }

    @ParameterizedTest
    @CsvSource({
        "scalar, 16, 12, 1, 3, 0",
        "vector, 16, 12, 1, 3, 0",
        "vector, 32, 8, 1, 3, 0",
        "vector, 24, 12, 1, 3, 0",
        "scalar, 6, 12, 3, 3, 0",
        "vector, 16, 8, 3, 3, 0",
        "vector, 16, 8, 1, 5, 0",
        "vector, 16, 12, 1, 3, 200",
        "scalar, 6, 8, 3, 3, 1000"
    })
    void theRunGivesTheLayersOneByOneWithinRounding(
            String name, int filters, int side, int channels, int kernel, float offset) {
        LayerGraph graph = residualCnn(filters, side, channels, kernel);
        GraphArchitecture arch = GraphArchitecture.of(graph);
        Kernels stem = kernels(name, KernelOptions.ALL);
        assertThat(new TrainingPlan(graph, graph.layers(stem)).span(0)).isEqualTo(4);
        Network fused = new Network(arch, stem).initialize(3);
        Network layers = new Network(arch, kernels(name, KernelOptions.WITHOUT_STEM)).initialize(3);
        assertThat(new TrainingPlan(graph, graph.layers(kernels(name, KernelOptions.WITHOUT_STEM))).span(0))
                .isEqualTo(1);
        SplittableRandom rng = new SplittableRandom(5);
        int batch = 10;
        float[] x = images(batch, arch.input(), rng, offset);
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = rng.nextInt(CLASSES);
        }
        Loss loss = ClassificationTask.crossEntropy(labels, CLASSES);
        float a = fused.lossAndGradients(x, loss, batch);
        float b = layers.lossAndGradients(x, loss, batch);
        assertThat((double) a).isCloseTo(b, org.assertj.core.api.Assertions.within(1e-5 * Math.abs(b)));
        float[] g = fused.gradients();
        float[] r = layers.gradients();
        double largest = 0;
        for (float v : r) {
            largest = Math.max(largest, Math.abs(v));
        }
        for (int i = 0; i < r.length; i++) {
            assertThat((double) g[i])
                    .as("gradient " + i + " of " + r.length)
                    .isCloseTo(r[i], org.assertj.core.api.Assertions.within(1e-4 * largest + 1e-4 * Math.abs(r[i])));
        }
        float[] s = fused.state();
        float[] t = layers.state();
        for (int i = 0; i < t.length; i++) {
            assertThat((double) s[i])
                    .as("running statistic " + i)
                    .isCloseTo(t[i], org.assertj.core.api.Assertions.within(1e-5 + 1e-5 * Math.abs(t[i])));
        }
    }

    /**
     * Finite differences of the training loss (batch statistics) against the run's gradients, on a small stem of two
     * input channels (18 taps) with γ and β moved off their initial values, as {@code BatchNormTest} checks the layers.
     */
    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void theRunsGradientsAreThoseOfFiniteDifferences(String name) {
        BatchNormKind.Spec bn = new BatchNormKind.Spec(0.1, 1e-3);
        LayerGraph graph = new LayerGraph(
                new Shape(4, 4, 2),
                List.of(
                        node("stem", new Conv2DKind.Spec(3, 3), "input"),
                        node("bn", bn, "stem"),
                        node("relu", new ReluKind.Spec(), "bn"),
                        node("pool", new MaxPoolKind.Spec(), "relu"),
                        node("mix", new Conv2DKind.Spec(3, 1), "pool"),
                        node("sum", new AddKind.Spec(), "pool", "mix"),
                        node("flat", new FlattenKind.Spec(), "sum"),
                        node("head", new DenseKind.Spec(3), "flat")));
        Kernels kernels = kernels(name, KernelOptions.ALL);
        assertThat(new TrainingPlan(graph, graph.layers(kernels)).span(0)).isEqualTo(4);
        GraphArchitecture arch = GraphArchitecture.of(graph);
        Network net = new Network(arch, kernels).initialize(21);
        SplittableRandom rng = new SplittableRandom(22);
        float[] params = net.parameters();
        for (int i = 0; i < params.length; i++) {
            params[i] += (float) (0.2 * (rng.nextDouble() - 0.5)); // γ away from 1 and β away from 0
        }
        int batch = 4;
        float[] x = GradientCheckTest.awayFromKinks(batch * arch.input().size(), rng);
        int[] labels = {0, 1, 2, 1};
        net.lossAndGradients(x, ClassificationTask.crossEntropy(labels, 3), batch);
        float[] grads = net.gradients().clone();
        int stemAndNorm = 18 * 3 + 3 + 2 * 3; // the convolution's kernel and bias, the batch norm's γ and β
        float h = 3e-3f;
        for (int p = 0; p < stemAndNorm; p++) {
            float keep = params[p];
            params[p] = keep + h;
            double plus = SoftmaxCrossEntropy.meanLoss(net.forward(x, batch, true), labels, 3);
            params[p] = keep - h;
            double minus = SoftmaxCrossEntropy.meanLoss(net.forward(x, batch, true), labels, 3);
            params[p] = keep;
            GradientCheckTest.assertGradient("parameter " + p, grads[p], (plus - minus) / (2 * h));
        }
    }

    /**
     * The three sweeps of the scalar and the vector kernels give the same bits: moments (one and two runs of 16 columns
     * a row, a partial one), pooled outputs and gradient sums, filters in whole vectors and past the last one, one and
     * three input channels, 3×3 and 5×5 kernels; inputs with a blank background, so windows hold ties.
     */
    @ParameterizedTest
    @CsvSource({
        "12, 12, 1, 3, 16",
        "12, 12, 1, 3, 24",
        "8, 8, 3, 3, 16",
        "28, 28, 1, 3, 32",
        "8, 20, 1, 5, 6",
        "6, 34, 2, 3, 48"
    })
    void scalarAndVectorSweepsGiveTheSameBits(int h, int w, int cin, int k, int cout) {
        StemShape shape = new StemShape(h, w, cin, k, cout);
        Kernels scalar = KernelsProvider.scalar();
        Kernels vector = KernelsProvider.vector();
        SplittableRandom rng = new SplittableRandom(h * 31L + w + cout);
        int batch = 3;
        float[] x = new float[batch * h * w * cin];
        for (int i = 0; i < x.length; i++) {
            x[i] = i / cin % w < w / 3 ? 0.25f : (float) (0.5 + rng.nextGaussian());
        }
        int taps = shape.taps();
        float[] weights = new float[taps * cout + cout + 3];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (0.3 * rng.nextGaussian());
        }
        int bo = taps * cout + 3; // the bias, at an offset of its own
        float[] scale = new float[cout];
        float[] shift = new float[cout];
        float[] mean = new float[cout];
        for (int c = 0; c < cout; c++) {
            scale[c] = (float) (rng.nextGaussian() * 2);
            shift[c] = (float) rng.nextGaussian();
            mean[c] = (float) rng.nextGaussian();
        }
        float[] center = new float[cin];
        for (int c = 0; c < cin; c++) {
            center[c] = (float) rng.nextGaussian();
        }
        double[][] moments = new double[2][];
        float[][] pooled = new float[2][];
        double[][] sums = new double[2][];
        Kernels[] both = {scalar, vector};
        float[] dy = new float[batch * (h / 2) * (w / 2) * cout];
        for (int i = 0; i < dy.length; i++) {
            dy[i] = (float) rng.nextGaussian();
        }
        for (int s = 0; s < 2; s++) {
            float[] work = new float[shape.workspace()];
            double[] gram = new double[taps * taps];
            double[] patch = new double[taps];
            both[s].stemMoments(shape, x, 0, 2, center, gram, patch, work);
            both[s].stemMoments(shape, x, 2, batch, center, gram, patch, work); // adds
            moments[s] = concat(gram, patch);
            pooled[s] = new float[3 * dy.length];
            float[] chosen = new float[dy.length];
            float[] chosenX = new float[dy.length];
            both[s].stemForwardPooled(
                    shape, x, pooled[s], 0, batch, 0, cout, weights, 0, weights, bo, scale, shift, chosen, chosenX,
                    work);
            System.arraycopy(chosen, 0, pooled[s], dy.length, dy.length);
            System.arraycopy(chosenX, 0, pooled[s], 2 * dy.length, dy.length);
            double[] sumDy = new double[cout];
            double[] sumDyXc = new double[cout];
            double[] tapSums = new double[taps * cout];
            both[s].stemGradientSums(
                    shape, x, pooled[s], dy, chosen, chosenX, 0, batch, 0, cout, mean, sumDy, sumDyXc, tapSums, work);
            sums[s] = concat(concat(sumDy, sumDyXc), tapSums);
        }
        assertThat(moments[1]).as("moments").isEqualTo(moments[0]);
        assertThat(pooled[1])
                .as("pooled outputs, chosen positions and their outputs")
                .isEqualTo(pooled[0]);
        assertThat(sums[1]).as("gradient sums").isEqualTo(sums[0]);
        assertThat(sums[0]).as("some gradient reaches the filters").isNotEqualTo(new double[sums[0].length]);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * Only a convolution of the network's input that its batch norm alone reads, with that norm's ReLU and pool after
     * it, starts the run; a convolution of another node's output, or one read twice, does not.
     */
    @Test
    void thePlanStartsTheRunOnlyAtAConvolutionOfTheInputThatItsNormAloneReads() {
        LayerGraph g = new LayerGraph(
                new Shape(8, 8, 1),
                List.of(
                        node("stem", new Conv2DKind.Spec(4, 3), "input"),
                        node("bn", BN, "stem"),
                        node("relu", new ReluKind.Spec(), "bn"),
                        node("pool", new MaxPoolKind.Spec(), "relu"),
                        node("inner", new Conv2DKind.Spec(4, 3), "pool"),
                        node("inner_bn", BN, "inner"),
                        node("inner_relu", new ReluKind.Spec(), "inner_bn"),
                        node("inner_pool", new MaxPoolKind.Spec(), "inner_relu"),
                        node("flat", new FlattenKind.Spec(), "inner_pool"),
                        node("head", new DenseKind.Spec(3), "flat")));
        TrainingPlan plan = new TrainingPlan(g, g.layers(KernelsProvider.best()));
        assertThat(plan.span(0)).isEqualTo(4);
        assertThat(plan.absorbed(1) && plan.absorbed(2) && plan.absorbed(3)).isTrue();
        assertThat(plan.span(4)).as("a convolution of the pool's output").isEqualTo(1);
        assertThat(plan.span(5)).isEqualTo(3);

        LayerGraph shared = new LayerGraph(
                new Shape(8, 8, 1),
                List.of(
                        node("stem", new Conv2DKind.Spec(4, 3), "input"),
                        node("bn", BN, "stem"),
                        node("relu", new ReluKind.Spec(), "bn"),
                        node("pool", new MaxPoolKind.Spec(), "relu"),
                        node("side", new MaxPoolKind.Spec(), "stem"),
                        node("sum", new AddKind.Spec(), "pool", "side"),
                        node("flat", new FlattenKind.Spec(), "sum"),
                        node("head", new DenseKind.Spec(3), "flat")));
        TrainingPlan sharedPlan = new TrainingPlan(shared, shared.layers(KernelsProvider.best()));
        assertThat(sharedPlan.span(0)).as("a stem read twice").isEqualTo(1);
        assertThat(sharedPlan.span(1)).isEqualTo(3);
    }
}
