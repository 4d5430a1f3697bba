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
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.layer.BatchNormKind;
import org.saepj.engine.layer.Conv2DKind;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.FlattenKind;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.LayerSpec;
import org.saepj.engine.layer.MaxPoolKind;
import org.saepj.engine.layer.ReluKind;
import org.saepj.task.ClassificationTask;

/**
 * batch_norm against PyTorch's (through DJL, test scope) on identical weights: conv → batch_norm → relu → pool →
 * flatten → dense → batch_norm → relu → dense. In training mode the logits, the loss, every parameter gradient and the
 * running statistics after the step agree; in inference mode, with those statistics, the logits agree.
 */
class BatchNormCrossCheckTest {
    private static final int BATCH = 32;
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

    @Test
    void trainingAndInferenceAgreeWithPyTorch() {
        org.saepj.data.Shape image = new org.saepj.data.Shape(8, 8, 2);
        List<LayerSpec> specs = List.of(
                new Conv2DKind.Spec(4, 3),
                new BatchNormKind.Spec(MOMENTUM, EPSILON),
                new ReluKind.Spec(),
                new MaxPoolKind.Spec(),
                new FlattenKind.Spec(),
                new DenseKind.Spec(12),
                new BatchNormKind.Spec(MOMENTUM, EPSILON),
                new ReluKind.Spec(),
                new DenseKind.Spec(5));
        Network net =
                new Network(GraphArchitecture.of(LayerGraph.chain(image, specs)), KernelsProvider.best()).initialize(7);
        SplittableRandom rng = new SplittableRandom(8);
        float[] params = net.parameters();
        for (int i = 0; i < params.length; i++) {
            params[i] += (float) (0.2 * (rng.nextDouble() - 0.5)); // γ and β away from 1 and 0
        }
        float[] x = new float[BATCH * image.size()];
        for (int i = 0; i < x.length; i++) {
            // a mean and spread far from 0 and 1, for the statistics to matter
            x[i] = (float) (rng.nextDouble() * 2 + 0.5);
        }
        int[] labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = rng.nextInt(5);
        }
        float[] initialState = net.state().clone();
        float[] trainLogits = net.forward(x, BATCH, true).clone();
        net.setState(initialState); // that pass moved the statistics: the one of the gradient step must start afresh
        float loss = net.lossAndGradients(
                x, ClassificationTask.crossEntropy(labels, net.architecture().classes()), BATCH);
        float[] grads = net.gradients();
        float[] state = net.state();
        float[] evalLogits = net.forward(x, BATCH).clone();

        try (NDManager m = manager.newSubManager()) {
            int at = 0;
            NDArray convW = param(m, params, at, new Shape(3, 3, 2, 4));
            NDArray convB = param(m, params, at += 72, new Shape(4));
            NDArray g1 = param(m, params, at += 4, new Shape(4));
            NDArray b1 = param(m, params, at += 4, new Shape(4));
            NDArray denseW = param(m, params, at += 4, new Shape(64, 12));
            NDArray denseB = param(m, params, at += 64 * 12, new Shape(12));
            NDArray g2 = param(m, params, at += 12, new Shape(12));
            NDArray b2 = param(m, params, at += 12, new Shape(12));
            NDArray headW = param(m, params, at += 12, new Shape(12, 5));
            NDArray headB = param(m, params, at += 60, new Shape(5));
            List<NDArray> tensors = List.of(convW, convB, g1, b1, denseW, denseB, g2, b2, headW, headB);
            NDArray rm1 = m.zeros(new Shape(4));
            NDArray rv1 = m.ones(new Shape(4));
            NDArray rm2 = m.zeros(new Shape(12));
            NDArray rv2 = m.ones(new Shape(12));
            NDArray input = m.create(x, new Shape(BATCH, 8, 8, 2));
            NDArray logits;
            NDArray torchLoss;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                logits = run(input, tensors, rm1, rv1, rm2, rv2, true);
                torchLoss = logits.logSoftmax(1)
                        .mul(m.create(labels).oneHot(5))
                        .sum(new int[] {1})
                        .neg()
                        .mean();
                gc.backward(torchLoss);
            }
            assertThat(maxAbsDiff(trainLogits, 0, logits.toFloatArray()))
                    .as("training logits")
                    .isLessThan(1e-4);
            assertThat(Math.abs(loss - torchLoss.getFloat())).as("loss").isLessThan(1e-5f);
            at = 0;
            for (NDArray t : tensors) {
                float[] torchGrad = t.getGradient().toFloatArray();
                // A bias just before batch_norm has a gradient of zero in exact arithmetic, so both sides hold rounding
                // noise: differences are measured against at least 1e-3 rather than against that noise.
                float scale = 1e-3f;
                for (float gr : torchGrad) {
                    scale = Math.max(scale, Math.abs(gr));
                }
                assertThat(maxAbsDiff(grads, at, torchGrad) / scale)
                        .as("gradient of " + t.getShape() + " at " + at)
                        .isLessThan(1e-3);
                at += torchGrad.length;
            }
            float[] torchState = concat(rm1.toFloatArray(), rv1.toFloatArray(), rm2.toFloatArray(), rv2.toFloatArray());
            assertThat(maxAbsDiff(state, 0, torchState))
                    .as("running statistics after the step")
                    .isLessThan(1e-5);
            NDArray eval = run(input, tensors, rm1, rv1, rm2, rv2, false);
            assertThat(maxAbsDiff(evalLogits, 0, eval.toFloatArray()))
                    .as("inference logits")
                    .isLessThan(1e-4);
        }
    }

    /**
     * The same network in PyTorch: NHWC in, NCHW for convolution, pooling and normalisation, back before flattening.
     */
    private static NDArray run(
            NDArray input, List<NDArray> t, NDArray rm1, NDArray rv1, NDArray rm2, NDArray rv2, boolean training) {
        NDArray h = Conv2d.conv2d(
                        input.transpose(0, 3, 1, 2),
                        t.get(0).transpose(3, 2, 0, 1),
                        t.get(1),
                        new Shape(1, 1),
                        new Shape(1, 1))
                .singletonOrThrow();
        // DJL's momentum is the running statistics' weight (MXNet's convention): PyTorch's is 1 minus it.
        h = BatchNorm.batchNorm(h, rm1, rv1, t.get(2), t.get(3), -1, 1 - MOMENTUM, EPSILON, training)
                .singletonOrThrow();
        h = Pool.maxPool2d(Activation.relu(h), new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
        h = h.transpose(0, 2, 3, 1).reshape(BATCH, -1).matMul(t.get(4)).add(t.get(5));
        h = BatchNorm.batchNorm(h, rm2, rv2, t.get(6), t.get(7), -1, 1 - MOMENTUM, EPSILON, training)
                .singletonOrThrow();
        return Activation.relu(h).matMul(t.get(8)).add(t.get(9));
    }

    /** A parameter tensor from the network's parameters, gradients recorded. */
    static NDArray param(NDManager m, float[] params, int offset, Shape shape) {
        NDArray a = m.create(Arrays.copyOfRange(params, offset, offset + (int) shape.size()), shape);
        a.setRequiresGradient(true);
        return a;
    }

    private static float[] concat(float[]... parts) {
        float[] out = new float[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** The largest difference between ours from {@code offset} and theirs. */
    static double maxAbsDiff(float[] ours, int offset, float[] theirs) {
        double max = 0;
        for (int i = 0; i < theirs.length; i++) {
            max = Math.max(max, Math.abs(ours[offset + i] - theirs[i]));
        }
        return max;
    }
}
