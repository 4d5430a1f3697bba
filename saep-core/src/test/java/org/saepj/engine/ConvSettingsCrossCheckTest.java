package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.kernel.Winograd;
import org.saepj.engine.layer.Conv2DKind;
import org.saepj.engine.layer.ConvAxis;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.FlattenKind;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.LayerSpec;
import org.saepj.engine.layer.ReluKind;
import org.saepj.task.ClassificationTask;

/**
 * conv2d of every kernel size (1, 3, 5, 7), stride (1, 2) and padding (same, valid) against PyTorch (through DJL,
 * test scope) on identical weights: conv → relu → flatten → dense, on a 9×8 input (an odd and an even axis). PyTorch's
 * own {@code padding='same'} refuses stride 2 and pads symmetrically, so the PyTorch side pads explicitly with zero
 * rows and columns, the odd one after the input (TensorFlow's SAME, ONNX's SAME_UPPER), then convolves unpadded.
 * Training and inference logits, the loss and every parameter gradient agree.
 */
class ConvSettingsCrossCheckTest {
    private static final int BATCH = 8;
    private static final int CLASSES = 4;
    private static final org.saepj.data.Shape IMAGE = new org.saepj.data.Shape(9, 8, 2);
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
    void everyKernelStrideAndPaddingAgreesWithPyTorch() {
        long seed = 30;
        for (int k : new int[] {1, 3, 5, 7}) {
            for (int stride : new int[] {1, 2}) {
                for (String padding : List.of(Conv2DKind.SAME, Conv2DKind.VALID)) {
                    agree(new Conv2DKind.Spec(3, k, stride, padding), IMAGE, seed++);
                }
            }
        }
    }

    /**
     * Filters one vector wide (8 or 16, whichever the machine's vectors hold) from 16 input channels, stride 1, same
     * padding: the direct convolution (no im2col) forward, kernel gradient and input gradient, on identical weights.
     */
    @Test
    void directConvolutionsAgreeWithPyTorch() {
        org.saepj.data.Shape wide = new org.saepj.data.Shape(9, 8, 16);
        long seed = 70;
        for (int filters : new int[] {8, 16}) {
            for (int k : new int[] {3, 5}) {
                agree(new Conv2DKind.Spec(filters, k, 1, Conv2DKind.SAME), wide, seed++);
            }
        }
    }

    /**
     * Filters past the last whole vector (24 = 16 + 8 and 12 at 512 bits; 24 whole and 12 = 8 + 4 at 256) from 16
     * input channels, stride 1, same padding: the planes' forward pass with its rounded tail filters and the kernel
     * gradient's tail columns, on identical weights.
     */
    @Test
    void filtersPastTheLastWholeVectorAgreeWithPyTorch() {
        org.saepj.data.Shape wide = new org.saepj.data.Shape(9, 8, 16);
        long seed = 90;
        for (int filters : new int[] {24, 12}) {
            agree(new Conv2DKind.Spec(filters, 3, 1, Conv2DKind.SAME), wide, seed++);
        }
    }

    /**
     * A 3×3 stride-1 same convolution on even sides from 16 input channels to 16 and 32 filters: Winograd's F(2×2,
     * 3×3) forward pass, on identical weights.
     */
    @Test
    void winogradConvolutionsAgreeWithPyTorch() {
        org.saepj.data.Shape even = new org.saepj.data.Shape(8, 6, 16);
        assertThat(Winograd.takes(3, 1, true, 8, 6, 16, 32)).isTrue();
        long seed = 110;
        for (int filters : new int[] {16, 32}) {
            agree(new Conv2DKind.Spec(filters, 3, 1, Conv2DKind.SAME), even, seed++);
        }
    }

    private static void agree(Conv2DKind.Spec conv, org.saepj.data.Shape image, long seed) {
        List<LayerSpec> specs = List.of(conv, new ReluKind.Spec(), new FlattenKind.Spec(), new DenseKind.Spec(CLASSES));
        Network net = new Network(GraphArchitecture.of(LayerGraph.chain(image, specs)), KernelsProvider.best())
                .initialize(seed);
        SplittableRandom rng = new SplittableRandom(seed);
        float[] params = net.parameters();
        for (int i = 0; i < params.length; i++) {
            params[i] += (float) (0.2 * (rng.nextDouble() - 0.5)); // non-zero biases too
        }
        float[] x = new float[BATCH * image.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        int[] labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = rng.nextInt(CLASSES);
        }
        float[] trainLogits = net.forward(x, BATCH, true).clone();
        float loss = net.lossAndGradients(x, ClassificationTask.crossEntropy(labels, CLASSES), BATCH);
        float[] grads = net.gradients();
        float[] evalLogits = net.forward(x, BATCH).clone();

        boolean same = conv.padding().equals(Conv2DKind.SAME);
        ConvAxis rows = ConvAxis.of(image.height(), conv.kernel(), conv.stride(), same);
        ConvAxis cols = ConvAxis.of(image.width(), conv.kernel(), conv.stride(), same);
        int k = conv.kernel();
        int cin = image.channels();
        int f = conv.filters();
        int flat = rows.out() * cols.out() * f;
        String what = conv.toString();
        try (NDManager m = manager.newSubManager()) {
            List<NDArray> t = new ArrayList<>();
            int at = 0;
            for (Shape shape :
                    List.of(new Shape(k, k, cin, f), new Shape(f), new Shape(flat, CLASSES), new Shape(CLASSES))) {
                NDArray p = m.create(Arrays.copyOfRange(params, at, at + (int) shape.size()), shape);
                p.setRequiresGradient(true);
                t.add(p);
                at += (int) shape.size();
            }
            assertThat(at).as(what).isEqualTo(params.length);
            NDArray input = m.create(x, new Shape(BATCH, image.height(), image.width(), cin));
            NDArray logits;
            NDArray torchLoss;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray h = pad(input.transpose(0, 3, 1, 2), rows, cols);
                h = Conv2d.conv2d(
                                h,
                                t.get(0).transpose(3, 2, 0, 1),
                                t.get(1),
                                new Shape(conv.stride(), conv.stride()),
                                new Shape(0, 0))
                        .singletonOrThrow();
                h = Activation.relu(h).transpose(0, 2, 3, 1).reshape(BATCH, flat); // flatten in H×W×C order
                logits = h.matMul(t.get(2)).add(t.get(3));
                torchLoss = logits.logSoftmax(1)
                        .mul(m.create(labels).oneHot(CLASSES))
                        .sum(new int[] {1})
                        .neg()
                        .mean();
                gc.backward(torchLoss);
            }
            float[] theirs = logits.toFloatArray();
            assertThat(maxAbsDiff(trainLogits, 0, theirs))
                    .as(what + " training logits")
                    .isLessThan(1e-5);
            assertThat(maxAbsDiff(evalLogits, 0, theirs))
                    .as(what + " inference logits")
                    .isLessThan(1e-5);
            assertThat(Math.abs(loss - torchLoss.getFloat())).as(what + " loss").isLessThan(1e-5f);
            at = 0;
            for (NDArray p : t) {
                float[] torchGrad = p.getGradient().toFloatArray();
                float scale = 1e-3f;
                for (float g : torchGrad) {
                    scale = Math.max(scale, Math.abs(g));
                }
                assertThat(maxAbsDiff(grads, at, torchGrad) / scale)
                        .as(what + " gradient of " + p.getShape())
                        .isLessThan(1e-4);
                at += torchGrad.length;
            }
        }
    }

    /** Zero rows above and below, zero columns left and right of an NCHW batch, as the engine pads. */
    private static NDArray pad(NDArray nchw, ConvAxis rows, ConvAxis cols) {
        NDManager m = nchw.getManager();
        NDArray h = nchw;
        long b = h.getShape().get(0);
        long c = h.getShape().get(1);
        if (rows.before() > 0) {
            h = m.zeros(new Shape(b, c, rows.before(), h.getShape().get(3))).concat(h, 2);
        }
        if (rows.after() > 0) {
            h = h.concat(m.zeros(new Shape(b, c, rows.after(), h.getShape().get(3))), 2);
        }
        if (cols.before() > 0) {
            h = m.zeros(new Shape(b, c, h.getShape().get(2), cols.before())).concat(h, 3);
        }
        if (cols.after() > 0) {
            h = h.concat(m.zeros(new Shape(b, c, h.getShape().get(2), cols.after())), 3);
        }
        return h;
    }

    private static double maxAbsDiff(float[] ours, int offset, float[] theirs) {
        double max = 0;
        for (int i = 0; i < theirs.length; i++) {
            max = Math.max(max, Math.abs(ours[offset + i] - theirs[i]));
        }
        return max;
    }
}
