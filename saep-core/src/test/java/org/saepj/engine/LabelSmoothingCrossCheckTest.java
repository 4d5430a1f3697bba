package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.saepj.task.SoftmaxCrossEntropy;

/**
 * Label smoothing against PyTorch (through DJL, test scope only): PyTorch computes the loss of
 * {@code CrossEntropyLoss(label_smoothing=ε)} as its documentation defines it, the cross-entropy of the log-softmax
 * against {@code (1 − ε)·onehot + ε/K}, and differentiates it by autograd; our loss and gradient must agree.
 */
class LabelSmoothingCrossCheckTest {
    private static final int BATCH = 32;
    private static final int CLASSES = 10;

    @Test
    void lossAndGradientMatchPyTorch() {
        for (double eps : new double[] {0, 0.1, 0.3}) {
            SplittableRandom rng = new SplittableRandom(7);
            float[] z = new float[BATCH * CLASSES];
            for (int i = 0; i < z.length; i++) {
                z[i] = (float) (rng.nextDouble() * 8 - 4);
            }
            int[] labels = new int[BATCH];
            for (int i = 0; i < BATCH; i++) {
                labels[i] = rng.nextInt(CLASSES);
            }
            float[] grad = new float[z.length];
            float ours = SoftmaxCrossEntropy.smoothedLossAndGradient(z, labels, null, BATCH, CLASSES, eps, grad);
            try (NDManager m =
                    NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice(), "PyTorch")) {
                NDArray logits = m.create(z, new Shape(BATCH, CLASSES));
                logits.setRequiresGradient(true);
                NDArray loss;
                try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                    NDArray target = m.create(labels)
                            .oneHot(CLASSES)
                            .mul((float) (1 - eps))
                            .add((float) (eps / CLASSES));
                    loss = logits.logSoftmax(1)
                            .mul(target)
                            .sum(new int[] {1})
                            .neg()
                            .mean();
                    gc.backward(loss);
                }
                assertThat((double) ours).as("loss, ε = %s", eps).isCloseTo(loss.getFloat(), within(1e-5));
                float[] theirs = logits.getGradient().toFloatArray();
                for (int i = 0; i < theirs.length; i++) {
                    assertThat((double) grad[i])
                            .as("gradient %d, ε = %s", i, eps)
                            .isCloseTo(theirs[i], within(1e-6));
                }
            }
        }
    }
}
