package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.saepj.data.Dataset;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.optim.Optimizer;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.task.Loss;

/**
 * Trains a network with its training plan and the same network node by node ({@code fuseTraining} false) on the same
 * batches of four-class images, and asserts the same bits each step: loss, gradients, parameters after SGD with
 * momentum, running statistics; then training and inference logits.
 */
final class SameTrainingBits {
    private static final int CLASSES = 4;

    private SameTrainingBits() {}

    /**
     * @param arch the network, four outputs, on square images of {@code side}
     * @param kernels the kernels both networks run on
     * @param samples images in the data
     * @param batch samples a step
     * @param steps steps
     */
    static void assertTrainsAlike(Architecture arch, Kernels kernels, int samples, int batch, int steps) {
        Network fused = new Network(arch, kernels).initialize(3);
        Network reference = new Network(arch, kernels, false).initialize(3);
        SplittableRandom rng = new SplittableRandom(11);
        int channels = arch.input().channels();
        int side = arch.input().width();
        float[] x = new float[samples * arch.input().size()];
        for (int i = 0; i < x.length; i++) {
            // The left third of each image is a blank background, as around a Fashion-MNIST item: a convolution
            // gives equal values there, so a pool's window often holds its maximum twice.
            x[i] = (i / channels) % side < side / 3 ? 0f : (float) rng.nextGaussian();
        }
        int[] y = new int[samples];
        for (int i = 0; i < samples; i++) {
            y[i] = rng.nextInt(CLASSES);
        }
        Dataset d = new Dataset("t", x, y, arch.input(), List.of("a", "b", "c", "d"));
        Loss loss = d.targets().task().loss(d.targets());
        OptimizerSpec sgd = new OptimizerSpec.SgdMomentum(0.05f, 0.9f, 0);
        Optimizer fusedOpt = sgd.create(fused.parameterCount());
        Optimizer referenceOpt = sgd.create(reference.parameterCount());
        int[] idx = new int[batch];
        float[] buffer = new float[batch * arch.input().size()];
        for (int step = 0; step < steps; step++) {
            for (int i = 0; i < batch; i++) {
                idx[i] = rng.nextInt(samples);
            }
            float a = fused.trainStep(d, loss, idx, buffer, fusedOpt);
            float b = reference.trainStep(d, loss, idx, buffer, referenceOpt);
            assertThat(Float.floatToRawIntBits(a)).as("loss at step " + step).isEqualTo(Float.floatToRawIntBits(b));
            assertThat(bits(fused.gradients())).as("gradients").isEqualTo(bits(reference.gradients()));
            assertThat(bits(fused.parameters())).as("parameters").isEqualTo(bits(reference.parameters()));
            assertThat(bits(fused.state())).as("running statistics").isEqualTo(bits(reference.state()));
        }
        assertThat(bits(fused.forward(buffer, batch, true))).isEqualTo(bits(reference.forward(buffer, batch, true)));
        assertThat(bits(fused.forward(buffer, batch))).isEqualTo(bits(reference.forward(buffer, batch)));
    }

    /** @return each value's raw bits */
    static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }
}
