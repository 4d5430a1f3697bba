package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.layer.AddKind;
import org.saepj.engine.layer.AvgPoolKind;
import org.saepj.engine.layer.ConcatKind;
import org.saepj.engine.layer.Conv2DKind;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.DropoutKind;
import org.saepj.engine.layer.GeluKind;
import org.saepj.engine.layer.GlobalAvgPoolKind;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.LayerSpec;
import org.saepj.engine.layer.Pass;
import org.saepj.engine.layer.ReluKind;
import org.saepj.engine.layer.SiluKind;
import org.saepj.task.ClassificationTask;

/**
 * gelu, avg_pool, silu, dropout, global_avg_pool (and, in a test of their own,
 * add and concat) against PyTorch (through DJL, test scope) on identical weights:
 * conv → gelu → avg_pool → silu → dropout → global_avg_pool → dense. PyTorch's GELU is its exact (erf) default. Its
 * dropout draws from its own generator, so the PyTorch side applies SAEP-J's mask, rebuilt from the layer's stream:
 * what is checked is the scaling and the gradient through it. Training logits, loss and every parameter gradient
 * agree; in inference, where dropout is the identity, the logits agree.
 */
class ShippedLayersCrossCheckTest {
    private static final int BATCH = 16;
    private static final float RATE = 0.3f;
    private static final long SEED = 7;
    private static NDManager manager;

    @BeforeAll
    static void startEngine() {
        manager = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice(), "PyTorch");
    }

    @AfterAll
    static void stopEngine() {
        manager.close();
    }

    @Test
    void trainingAndInferenceAgreeWithPyTorch() {
        org.saepj.data.Shape image = new org.saepj.data.Shape(6, 6, 3);
        List<LayerSpec> specs = List.of(
                new Conv2DKind.Spec(4, 3),
                new GeluKind.Spec(),
                new AvgPoolKind.Spec(),
                new SiluKind.Spec(),
                new DropoutKind.Spec(RATE),
                new GlobalAvgPoolKind.Spec(),
                new DenseKind.Spec(5));
        Network net = new Network(GraphArchitecture.of(LayerGraph.chain(image, specs)), KernelsProvider.best())
                .initialize(SEED);
        SplittableRandom rng = new SplittableRandom(8);
        float[] params = net.parameters();
        for (int i = 0; i < params.length; i++) {
            params[i] += (float) (0.2 * (rng.nextDouble() - 0.5));
        }
        float[] x = new float[BATCH * image.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextDouble() * 4 - 2); // both sides of GELU's and SiLU's bend
        }
        int[] labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = rng.nextInt(5);
        }
        float[] trainLogits = net.forward(x, BATCH, true).clone();
        float loss = net.lossAndGradients(
                x, ClassificationTask.crossEntropy(labels, net.architecture().classes()), BATCH);
        float[] grads = net.gradients();
        float[] evalLogits = net.forward(x, BATCH).clone();
        float[] mask = mask(net, BATCH * 3 * 3 * 4);

        try (NDManager m = manager.newSubManager()) {
            NDArray convW = param(m, params, 0, new Shape(3, 3, 3, 4));
            NDArray convB = param(m, params, 108, new Shape(4));
            NDArray denseW = param(m, params, 112, new Shape(4, 5));
            NDArray denseB = param(m, params, 132, new Shape(5));
            List<NDArray> tensors = List.of(convW, convB, denseW, denseB);
            NDArray input = m.create(x, new Shape(BATCH, 6, 6, 3));
            NDArray masked = m.create(mask, new Shape(BATCH, 3, 3, 4));
            NDArray logits;
            NDArray torchLoss;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                logits = run(input, tensors, masked);
                torchLoss = logits.logSoftmax(1)
                        .mul(m.create(labels).oneHot(5))
                        .sum(new int[] {1})
                        .neg()
                        .mean();
                gc.backward(torchLoss);
            }
            assertThat(maxAbsDiff(trainLogits, 0, logits.toFloatArray()))
                    .as("training logits")
                    .isLessThan(1e-5);
            assertThat(Math.abs(loss - torchLoss.getFloat())).as("loss").isLessThan(1e-5f);
            int at = 0;
            for (NDArray t : tensors) {
                float[] torchGrad = t.getGradient().toFloatArray();
                float scale = 1e-3f;
                for (float gr : torchGrad) {
                    scale = Math.max(scale, Math.abs(gr));
                }
                assertThat(maxAbsDiff(grads, at, torchGrad) / scale)
                        .as("gradient of " + t.getShape() + " at " + at)
                        .isLessThan(1e-4);
                at += torchGrad.length;
            }
            NDArray eval = run(input, tensors, null);
            assertThat(maxAbsDiff(evalLogits, 0, eval.toFloatArray()))
                    .as("inference logits")
                    .isLessThan(1e-5);
        }
    }

    /**
     * The merge kinds against PyTorch on identical weights: a residual sum and a concatenation in one graph,
     * {@code d1 = dense(x); r = relu(d1); d2 = dense(r); s = add(d1, d2); head = dense(concat(s, r))}. d1's output is
     * read three times, so its gradient is the sum over the three readers. Neither kind has a training mode: the
     * training and inference logits are the same.
     */
    @Test
    void addAndConcatAgreeWithPyTorch() {
        List<LayerGraph.Node> nodes = List.of(
                new LayerGraph.Node("d1", new DenseKind.Spec(4), List.of("input")),
                new LayerGraph.Node("r", new ReluKind.Spec(), List.of("d1")),
                new LayerGraph.Node("d2", new DenseKind.Spec(4), List.of("r")),
                new LayerGraph.Node("s", new AddKind.Spec(), List.of("d1", "d2")),
                new LayerGraph.Node("c", new ConcatKind.Spec(), List.of("s", "r")),
                new LayerGraph.Node("head", new DenseKind.Spec(3), List.of("c")));
        Network net = new Network(
                        GraphArchitecture.of(new LayerGraph(org.saepj.data.Shape.vector(5), nodes)),
                        KernelsProvider.best())
                .initialize(SEED);
        SplittableRandom rng = new SplittableRandom(9);
        float[] x = new float[BATCH * 5];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextDouble() * 4 - 2);
        }
        int[] labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = rng.nextInt(3);
        }
        float[] params = net.parameters();
        float[] trainLogits = net.forward(x, BATCH, true).clone();
        float loss = net.lossAndGradients(
                x, ClassificationTask.crossEntropy(labels, net.architecture().classes()), BATCH);
        float[] grads = net.gradients();
        float[] evalLogits = net.forward(x, BATCH).clone();
        try (NDManager m = manager.newSubManager()) {
            List<NDArray> t = List.of(
                    param(m, params, 0, new Shape(5, 4)),
                    param(m, params, 20, new Shape(4)),
                    param(m, params, 24, new Shape(4, 4)),
                    param(m, params, 40, new Shape(4)),
                    param(m, params, 44, new Shape(8, 3)),
                    param(m, params, 68, new Shape(3)));
            NDArray logits;
            NDArray torchLoss;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray d1 = m.create(x, new Shape(BATCH, 5)).matMul(t.get(0)).add(t.get(1));
                NDArray r = Activation.relu(d1);
                NDArray sum = d1.add(r.matMul(t.get(2)).add(t.get(3)));
                logits = sum.concat(r, 1).matMul(t.get(4)).add(t.get(5));
                torchLoss = logits.logSoftmax(1)
                        .mul(m.create(labels).oneHot(3))
                        .sum(new int[] {1})
                        .neg()
                        .mean();
                gc.backward(torchLoss);
            }
            float[] theirs = logits.toFloatArray();
            assertThat(maxAbsDiff(trainLogits, 0, theirs)).as("training logits").isLessThan(1e-5);
            assertThat(maxAbsDiff(evalLogits, 0, theirs)).as("inference logits").isLessThan(1e-5);
            assertThat(Math.abs(loss - torchLoss.getFloat())).as("loss").isLessThan(1e-5f);
            int at = 0;
            for (NDArray p : t) {
                float[] torchGrad = p.getGradient().toFloatArray();
                assertThat(maxAbsDiff(grads, at, torchGrad))
                        .as("gradient of " + p.getShape() + " at " + at)
                        .isLessThan(1e-5);
                at += torchGrad.length;
            }
            assertThat(at).isEqualTo(params.length);
        }
    }

    /** The dropout node's multipliers at step 0: 1/(1 − rate) where kept, 0 where dropped, in H×W×C order. */
    private static float[] mask(Network net, int n) {
        Pass pass = new Pass(new float[0]);
        pass.seed(SEED);
        long seed = pass.seed(net.layers().get(4));
        float scale = 1 / (1 - RATE);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = Pass.uniform(seed, i) >= RATE ? scale : 0f;
        }
        return out;
    }

    /** The network in PyTorch: NHWC in, NCHW for convolution and pooling, NHWC again for the mask. */
    private static NDArray run(NDArray input, List<NDArray> t, NDArray mask) {
        NDArray h = Conv2d.conv2d(
                        input.transpose(0, 3, 1, 2),
                        t.get(0).transpose(3, 2, 0, 1),
                        t.get(1),
                        new Shape(1, 1),
                        new Shape(1, 1))
                .singletonOrThrow();
        h = Activation.gelu(h);
        h = Pool.avgPool2d(h, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
        h = h.mul(Activation.sigmoid(h)).transpose(0, 2, 3, 1);
        if (mask != null) {
            h = h.mul(mask);
        }
        h = Pool.globalAvgPool2d(h.transpose(0, 3, 1, 2)).reshape(BATCH, -1);
        return h.matMul(t.get(2)).add(t.get(3));
    }

    private static NDArray param(NDManager m, float[] params, int offset, Shape shape) {
        NDArray a = m.create(Arrays.copyOfRange(params, offset, offset + (int) shape.size()), shape);
        a.setRequiresGradient(true);
        return a;
    }

    private static double maxAbsDiff(float[] ours, int offset, float[] theirs) {
        double max = 0;
        for (int i = 0; i < theirs.length; i++) {
            max = Math.max(max, Math.abs(ours[offset + i] - theirs[i]));
        }
        return max;
    }
}
