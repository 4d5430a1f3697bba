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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.layer.Conv2D;
import org.saepj.engine.layer.Dense;
import org.saepj.engine.layer.Layer;
import org.saepj.task.ClassificationTask;

/**
 * Our engine against PyTorch (through DJL, test scope only): the same weights and inputs must give the same
 * logits (max abs difference below 1e-4) and the same parameter gradients (max difference below 1e-3 of
 * the largest gradient of each tensor), for the paper's DNN, the MLP 784-512-10 and the paper's CNN.
 */
class PyTorchCrossCheckTest {
    private static final int BATCH = 64;
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
    void paperDnn() {
        crossCheck(Architecture.DenseStack.dnn(new org.saepj.data.Shape(28, 28, 1), 2, 32, 10), 1);
    }

    @Test
    void mlp784x512x10() {
        crossCheck(new Architecture.DenseStack(new org.saepj.data.Shape(28, 28, 1), new int[] {512}, 10), 2);
    }

    @Test
    void paperCnn() {
        crossCheck(Architecture.ConvNet.paper(new org.saepj.data.Shape(28, 28, 1), 10), 3);
    }

    @Test
    void threeBlockCnnWith5x5Kernels() {
        crossCheck(
                new Architecture.ConvNet(
                        new org.saepj.data.Shape(28, 28, 1),
                        List.of(
                                new Architecture.ConvBlock(8, 5),
                                new Architecture.ConvBlock(16, 3),
                                new Architecture.ConvBlock(16, 5)),
                        32,
                        10),
                4);
    }

    private static void crossCheck(Architecture arch, long seed) {
        Network net = new Network(arch, KernelsProvider.best()).initialize(seed);
        SplittableRandom rng = new SplittableRandom(seed + 100);
        float[] x = new float[BATCH * arch.input().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        int[] labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = rng.nextInt(arch.classes());
        }
        float[] ourLogits = net.forward(x, BATCH).clone();
        float ourLoss = net.lossAndGradients(
                x, ClassificationTask.crossEntropy(labels, net.architecture().classes()), BATCH);
        float[] ourGrads = net.gradients();

        try (NDManager m = manager.newSubManager()) {
            List<NDArray> tensors = new ArrayList<>();
            List<int[]> slices = new ArrayList<>();
            NDArray logits;
            NDArray loss;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray h = m.create(
                        x,
                        new Shape(
                                BATCH,
                                arch.input().height(),
                                arch.input().width(),
                                arch.input().channels()));
                for (Layer layer : net.layers()) {
                    if (layer instanceof Conv2D conv) {
                        int cin = conv.inChannels();
                        int cout = conv.filters();
                        int k = conv.kernel();
                        NDArray w = param(m, net, conv.offset(), new Shape(k, k, cin, cout), tensors, slices);
                        NDArray b = param(m, net, conv.offset() + k * k * cin * cout, new Shape(cout), tensors, slices);
                        NDArray nchw = h.transpose(0, 3, 1, 2);
                        NDArray out = Conv2d.conv2d(
                                        nchw, w.transpose(3, 2, 0, 1), b, new Shape(1, 1), new Shape(k / 2, k / 2))
                                .singletonOrThrow();
                        h = out.transpose(0, 2, 3, 1); // back to NHWC
                    } else if (layer instanceof Dense dense) {
                        int in = dense.inputSize();
                        int out = dense.outputSize();
                        NDArray w = param(m, net, dense.offset(), new Shape(in, out), tensors, slices);
                        NDArray b = param(m, net, dense.offset() + in * out, new Shape(out), tensors, slices);
                        h = h.reshape(BATCH, in).matMul(w).add(b);
                    } else if (layer.toString().equals("ReLU")) {
                        h = Activation.relu(h);
                    } else if (layer.toString().startsWith("MaxPool")) {
                        NDArray nchw = h.transpose(0, 3, 1, 2);
                        h = Pool.maxPool2d(nchw, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false)
                                .transpose(0, 2, 3, 1);
                    } else {
                        h = h.reshape(BATCH, -1); // Flatten in (H, W, C) order: NHWC is already that order
                    }
                }
                logits = h;
                NDArray oneHot = m.create(labels).oneHot(arch.classes());
                loss = logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
                gc.backward(loss);
            }
            float[] torchLogits = logits.toFloatArray();
            assertThat(maxAbsDiff(ourLogits, 0, torchLogits))
                    .as(arch + " logits")
                    .isLessThan(1e-4);
            assertThat(Math.abs(ourLoss - loss.getFloat())).as(arch + " loss").isLessThan(1e-5f);
            for (int t = 0; t < tensors.size(); t++) {
                float[] torchGrad = tensors.get(t).getGradient().toFloatArray();
                float scale = 0;
                for (float g : torchGrad) {
                    scale = Math.max(scale, Math.abs(g));
                }
                double diff = maxAbsDiff(ourGrads, slices.get(t)[0], torchGrad);
                assertThat(diff / Math.max(scale, 1e-12f))
                        .as(arch + " gradient of tensor " + t + " "
                                + tensors.get(t).getShape())
                        .isLessThan(1e-3);
            }
        }
    }

    private static NDArray param(
            NDManager m, Network net, int offset, Shape shape, List<NDArray> tensors, List<int[]> slices) {
        float[] values = Arrays.copyOfRange(net.parameters(), offset, offset + (int) shape.size());
        NDArray a = m.create(values, shape);
        a.setRequiresGradient(true);
        tensors.add(a);
        slices.add(new int[] {offset});
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
