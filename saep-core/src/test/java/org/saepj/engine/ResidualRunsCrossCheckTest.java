package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saepj.engine.kernel.Kernels;
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

/**
 * The training plan's runs of a residual CNN against PyTorch (through DJL, test scope) on identical weights: the stem
 * (convolution, batch norm, ReLU, pool: one call whose statistics come from the patches' moments) and the block's
 * second batch norm with the residual sum and the ReLU (one call), in the network the plan runs them in — stem → conv →
 * batch_norm → relu → conv → batch_norm → add(stem, ·) → relu → flatten → dense. In training mode the logits, the loss,
 * every parameter gradient and the running statistics after the step agree; in inference mode, with those statistics,
 * the logits agree. Scalar and vector kernels; 16 filters (whole vectors at 512 bits).
 */
class ResidualRunsCrossCheckTest {
    private static final int BATCH = 16;
    private static final int FILTERS = 16;
    private static final int CLASSES = 5;
    private static final float MOMENTUM = 0.1f;
    private static final float EPSILON = 1e-5f;
    private static NDManager manager;

    @BeforeAll
    static void startEngine() {
        manager = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice(), "PyTorch");
    }

    @AfterAll
    static void stopEngine() {
        manager.close();
    }

    private static Node node(String id, LayerSpec spec, String... inputs) {
        return new Node(id, spec, List.of(inputs));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void theRunsAgreeWithPyTorchInTrainingAndInference(String kernelsName) {
        org.saepj.data.Shape image = new org.saepj.data.Shape(8, 8, 2);
        BatchNormKind.Spec bn = new BatchNormKind.Spec(MOMENTUM, EPSILON);
        LayerGraph graph = new LayerGraph(
                image,
                List.of(
                        node("stem", new Conv2DKind.Spec(FILTERS, 3), "input"),
                        node("stem_bn", bn, "stem"),
                        node("stem_relu", new ReluKind.Spec(), "stem_bn"),
                        node("stem_pool", new MaxPoolKind.Spec(), "stem_relu"),
                        node("conv1", new Conv2DKind.Spec(FILTERS, 3), "stem_pool"),
                        node("bn1", bn, "conv1"),
                        node("relu1", new ReluKind.Spec(), "bn1"),
                        node("conv2", new Conv2DKind.Spec(FILTERS, 3), "relu1"),
                        node("bn2", bn, "conv2"),
                        node("sum", new AddKind.Spec(), "stem_pool", "bn2"),
                        node("relu2", new ReluKind.Spec(), "sum"),
                        node("flat", new FlattenKind.Spec(), "relu2"),
                        node("head", new DenseKind.Spec(CLASSES), "flat")));
        Kernels kernels = GradientCheckTest.kernels(kernelsName);
        TrainingPlan plan = new TrainingPlan(graph, graph.layers(kernels));
        assertThat(plan.span(0)).as("the stem's run").isEqualTo(4);
        assertThat(plan.span(8)).as("the block's batch norm, sum and ReLU").isEqualTo(3);
        assertThat(plan.skipInput(8)).isZero();
        Network net = new Network(GraphArchitecture.of(graph), kernels).initialize(7);
        SplittableRandom rng = new SplittableRandom(8);
        float[] params = net.parameters();
        for (int i = 0; i < params.length; i++) {
            params[i] += (float) (0.2 * (rng.nextDouble() - 0.5)); // γ and β away from 1 and 0, biases off 0
        }
        float[] x = new float[BATCH * image.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextDouble() * 2 + 0.5); // a mean and spread far from 0 and 1
        }
        int[] labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = rng.nextInt(CLASSES);
        }
        float[] initialState = net.state().clone();
        float[] trainLogits = net.forward(x, BATCH, true).clone();
        net.setState(initialState); // that pass moved the statistics: the gradient step's must start afresh
        float loss = net.lossAndGradients(x, ClassificationTask.crossEntropy(labels, CLASSES), BATCH);
        float[] grads = net.gradients();
        float[] state = net.state();
        float[] evalLogits = net.forward(x, BATCH).clone();

        try (NDManager m = manager.newSubManager()) {
            List<NDArray> tensors = new ArrayList<>();
            int at = 0;
            for (int cin : new int[] {2, FILTERS, FILTERS}) {
                tensors.add(BatchNormCrossCheckTest.param(m, params, at, new Shape(3, 3, cin, FILTERS)));
                tensors.add(BatchNormCrossCheckTest.param(m, params, at += 9 * cin * FILTERS, new Shape(FILTERS)));
                tensors.add(BatchNormCrossCheckTest.param(m, params, at += FILTERS, new Shape(FILTERS)));
                tensors.add(BatchNormCrossCheckTest.param(m, params, at += FILTERS, new Shape(FILTERS)));
                at += FILTERS;
            }
            tensors.add(BatchNormCrossCheckTest.param(m, params, at, new Shape(16 * FILTERS, CLASSES)));
            tensors.add(BatchNormCrossCheckTest.param(m, params, at += 16 * FILTERS * CLASSES, new Shape(CLASSES)));
            List<NDArray> running = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                running.add(m.zeros(new Shape(FILTERS)));
                running.add(m.ones(new Shape(FILTERS)));
            }
            NDArray input = m.create(x, new Shape(BATCH, 8, 8, 2));
            NDArray logits;
            NDArray torchLoss;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                logits = run(input, tensors, running, true);
                torchLoss = logits.logSoftmax(1)
                        .mul(m.create(labels).oneHot(CLASSES))
                        .sum(new int[] {1})
                        .neg()
                        .mean();
                gc.backward(torchLoss);
            }
            assertThat(BatchNormCrossCheckTest.maxAbsDiff(trainLogits, 0, logits.toFloatArray()))
                    .as("training logits")
                    .isLessThan(1e-4);
            assertThat(Math.abs(loss - torchLoss.getFloat())).as("loss").isLessThan(1e-5f);
            at = 0;
            for (NDArray t : tensors) {
                float[] torchGrad = t.getGradient().toFloatArray();
                // A bias just before batch_norm has a gradient of zero in exact arithmetic (the stem's run writes it
                // as zero; PyTorch holds rounding noise): differences are measured against at least 1e-3.
                float scale = 1e-3f;
                for (float gr : torchGrad) {
                    scale = Math.max(scale, Math.abs(gr));
                }
                assertThat(BatchNormCrossCheckTest.maxAbsDiff(grads, at, torchGrad) / scale)
                        .as("gradient of " + t.getShape() + " at " + at)
                        .isLessThan(1e-3);
                at += torchGrad.length;
            }
            float[] torchState = new float[state.length];
            int s = 0;
            for (NDArray r : running) {
                float[] v = r.toFloatArray();
                System.arraycopy(v, 0, torchState, s, v.length);
                s += v.length;
            }
            assertThat(BatchNormCrossCheckTest.maxAbsDiff(state, 0, torchState))
                    .as("running statistics after the step")
                    .isLessThan(1e-5);
            NDArray eval = run(input, tensors, running, false);
            assertThat(BatchNormCrossCheckTest.maxAbsDiff(evalLogits, 0, eval.toFloatArray()))
                    .as("inference logits")
                    .isLessThan(1e-4);
        }
    }

    /** The same network in PyTorch: NHWC in, NCHW for convolution, pooling and normalisation, NHWC to flatten. */
    private static NDArray run(NDArray input, List<NDArray> t, List<NDArray> running, boolean training) {
        NDArray h = input.transpose(0, 3, 1, 2);
        NDArray stem = Pool.maxPool2d(
                Activation.relu(convNorm(h, t, 0, running, training)),
                new Shape(2, 2),
                new Shape(2, 2),
                new Shape(0, 0),
                false);
        NDArray block = Activation.relu(convNorm(stem, t, 1, running, training));
        block = convNorm(block, t, 2, running, training);
        NDArray out = Activation.relu(stem.add(block));
        return out.transpose(0, 2, 3, 1).reshape(BATCH, -1).matMul(t.get(12)).add(t.get(13));
    }

    /** Convolution {@code k} (3×3, same padding) and its batch norm. */
    private static NDArray convNorm(NDArray h, List<NDArray> t, int k, List<NDArray> running, boolean training) {
        NDArray c = Conv2d.conv2d(
                        h, t.get(4 * k).transpose(3, 2, 0, 1), t.get(4 * k + 1), new Shape(1, 1), new Shape(1, 1))
                .singletonOrThrow();
        // DJL's momentum is the running statistics' weight (MXNet's convention): PyTorch's is 1 minus it.
        return BatchNorm.batchNorm(
                        c,
                        running.get(2 * k),
                        running.get(2 * k + 1),
                        t.get(4 * k + 2),
                        t.get(4 * k + 3),
                        -1,
                        1 - MOMENTUM,
                        EPSILON,
                        training)
                .singletonOrThrow();
    }
}
