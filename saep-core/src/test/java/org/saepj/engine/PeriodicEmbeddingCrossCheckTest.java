package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.PeriodicEmbeddingKind;
import org.saepj.engine.layer.ReluKind;
import org.saepj.task.ClassificationTask;

/**
 * PLR — {@code periodic_embedding} then {@code relu} — and a dense head against PyTorch (through DJL, test scope) on
 * identical weights, written as the authors' {@code rtdl_num_embeddings.PeriodicEmbeddings} computes it: x·(2π·c),
 * cosines then sines, one linear map per feature (a batched matmul), ReLU. The logits, the loss and the gradients of
 * the frequencies, the per-feature weights and biases and the head agree.
 */
class PeriodicEmbeddingCrossCheckTest {
    private static final int BATCH = 16;
    private static final int F = 5;
    private static final int K = 3;
    private static final int D = 4;
    private static final int CLASSES = 3;
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
    void plrAgreesWithPyTorch() {
        Network net = new Network(
                        GraphArchitecture.of(LayerGraph.chain(
                                org.saepj.data.Shape.vector(F),
                                List.of(
                                        new PeriodicEmbeddingKind.Spec(K, D, 0.5),
                                        new ReluKind.Spec(),
                                        new DenseKind.Spec(CLASSES)))),
                        KernelsProvider.best())
                .initialize(11);
        SplittableRandom rng = new SplittableRandom(12);
        float[] x = new float[BATCH * F];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextDouble() * 4 - 2);
        }
        int[] labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = rng.nextInt(CLASSES);
        }
        float[] params = net.parameters();
        float[] logits = net.forward(x, BATCH, true).clone();
        float loss = net.lossAndGradients(x, ClassificationTask.crossEntropy(labels, CLASSES), BATCH);
        float[] grads = net.gradients();
        int weightsAt = F * K;
        int biasesAt = weightsAt + F * 2 * K * D;
        int denseAt = biasesAt + F * D;
        try (NDManager m = manager.newSubManager()) {
            List<NDArray> t = List.of(
                    param(m, params, 0, new Shape(F, K)),
                    param(m, params, weightsAt, new Shape(F, 2 * K, D)),
                    param(m, params, biasesAt, new Shape(F, D)),
                    param(m, params, denseAt, new Shape(F * D, CLASSES)),
                    param(m, params, denseAt + F * D * CLASSES, new Shape(CLASSES)));
            NDArray theirLogits;
            NDArray theirLoss;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray angle = m.create(x, new Shape(BATCH, F, 1)).mul(t.get(0).mul((float) (2 * Math.PI)));
                NDArray v = angle.cos().concat(angle.sin(), 2); // [B, F, 2k]
                NDArray e = v.reshape(BATCH, F, 1, 2 * K)
                        .matMul(t.get(1))
                        .reshape(BATCH, F, D)
                        .add(t.get(2));
                NDArray h = Activation.relu(e.reshape(BATCH, F * D));
                theirLogits = h.matMul(t.get(3)).add(t.get(4));
                theirLoss = theirLogits
                        .logSoftmax(1)
                        .mul(m.create(labels).oneHot(CLASSES))
                        .sum(new int[] {1})
                        .neg()
                        .mean();
                gc.backward(theirLoss);
            }
            assertThat(maxAbsDiff(logits, 0, theirLogits.toFloatArray()))
                    .as("logits")
                    .isLessThan(1e-5);
            assertThat(Math.abs(loss - theirLoss.getFloat())).as("loss").isLessThan(1e-5f);
            int at = 0;
            for (NDArray p : t) {
                float[] torchGrad = p.getGradient().toFloatArray();
                float scale = 1e-3f;
                for (float g : torchGrad) {
                    scale = Math.max(scale, Math.abs(g));
                }
                assertThat(maxAbsDiff(grads, at, torchGrad) / scale)
                        .as("gradient of " + p.getShape() + " at " + at)
                        .isLessThan(1e-4);
                at += torchGrad.length;
            }
            assertThat(at).isEqualTo(params.length);
        }
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
