package org.saepj.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.layer.Conv2D;

/**
 * {@link ConvProfile}'s PyTorch side at tiny sizes: PyTorch, given our input, kernel, bias and output gradient,
 * computes our output and gradients (the profile's numerics check), the check notices another kernel, and its passes
 * are timed on the calling thread.
 */
class TorchConvTest {
    @BeforeAll
    static void startEngine() {
        assertThat(TorchConv.startOnOneThread()).contains("intra-op threads 1, inter-op threads 1");
    }

    @Test
    void pyTorchComputesOurOutputAndGradientsWithAndWithoutTheInputGradient() {
        // 16 filters: at 4 or 8, PyTorch 2.7.1's input gradients on this CPU were seen to differ from ours and from
        // finite differences (SharedWeightsTest).
        for (ConvShape shape : new ConvShape[] {
            new ConvShape("block", 6, 5, 16, 16, 3, true), new ConvShape("stem", 7, 6, 1, 16, 5, false)
        }) {
            Layer layer = new Layer(shape, 3);
            for (TorchConv.Layout layout : TorchConv.Layout.values()) {
                try (TorchConv torch = new TorchConv(shape, 3, layer.params, layer.x, layer.dy, layout)) {
                    float[][] theirs = torch.outputsInOurLayout();
                    float[][] ours = layer.passes();
                    assertThat(theirs[2]).hasSameSizeAs(ours[2]).hasSize(shape.inputGradient() ? layer.x.length : 0);
                    assertThat(ConvProfile.disagreement(ours, theirs))
                            .as(shape.name() + " " + layout)
                            .isLessThan(ConvProfile.AGREEMENT);
                }
            }
        }
    }

    @Test
    void theCheckNoticesAnotherKernel() {
        ConvShape shape = new ConvShape("block", 6, 5, 16, 16, 3, true);
        Layer layer = new Layer(shape, 2);
        float[] other = layer.params.clone();
        other[5] += 0.5f; // one tap of one filter
        try (TorchConv torch = new TorchConv(shape, 2, other, layer.x, layer.dy, TorchConv.Layout.CHANNELS_LAST)) {
            assertThat(ConvProfile.disagreement(layer.passes(), torch.outputsInOurLayout()))
                    .isGreaterThan(100 * ConvProfile.AGREEMENT);
        }
    }

    @Test
    void theProfileKeepsTheLayoutsThatAgreeAndRefusesWhereNoneDoes() {
        ConvShape shape = new ConvShape("block", 6, 5, 16, 16, 3, true);
        Layer layer = new Layer(shape, 2);
        List<ConvProfile.TorchSide> sides =
                ConvProfile.agreeingSides(shape, layer.params, layer.x, layer.dy, 2, layer.passes());
        try {
            assertThat(sides).extracting(ConvProfile.TorchSide::layout).containsExactly(TorchConv.Layout.values());
            assertThat(sides).allSatisfy(side -> assertThat(side.disagreement()).isLessThan(ConvProfile.AGREEMENT));
        } finally {
            sides.forEach(side -> side.conv().close());
        }
        float[] other = layer.params.clone();
        other[5] += 0.5f;
        assertThatThrownBy(() -> ConvProfile.agreeingSides(shape, other, layer.x, layer.dy, 2, layer.passes()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CHANNELS_FIRST")
                .hasMessageContaining("CHANNELS_LAST")
                .hasMessageEndingWith("the two do not run the same convolution");
    }

    @Test
    void timesItsPassesOnTheCallingThread() {
        ConvShape shape = new ConvShape("block", 14, 14, 16, 16, 3, true);
        Layer layer = new Layer(shape, 32);
        try (TorchConv torch =
                new TorchConv(shape, 32, layer.params, layer.x, layer.dy, TorchConv.Layout.CHANNELS_FIRST)) {
            assertThat(torch.threadShareOfProcess()).isNaN(); // nothing timed yet
            // Enough passes (about 0.2 s) for the process's CPU clock, which counts in ticks of 10 ms, to resolve them.
            assertThat(torch.forward(200)).isPositive();
            long both = torch.backward(200);
            assertThat(both).isPositive();
            // Each part alone computes less than both together (the kernel gradient costs as much as the input's).
            long kernel = torch.backward(200, TorchConv.Gradients.KERNEL);
            long input = torch.backward(200, TorchConv.Gradients.INPUT);
            assertThat(kernel).isPositive().isLessThan(both);
            assertThat(input).isPositive().isLessThan(both);
            // One intra-op thread: the thread's clock sees the work (0.80–1.02 seen in fresh JVMs, 0.65 once here,
            // where the JVM's compiler threads still ran beside it; 0.50 at two intra-op threads). Only a share, then:
            // the profile reads it over seconds of warmed-up passes.
            assertThat(torch.threadShareOfProcess()).isGreaterThan(0.0).isLessThan(1.3);
        }
    }

    @Test
    void refusesArraysOfAnotherLayer() {
        ConvShape shape = new ConvShape("block", 6, 5, 16, 16, 3, true);
        Layer layer = new Layer(shape, 2);
        assertThatThrownBy(
                        () -> new TorchConv(shape, 3, layer.params, layer.x, layer.dy, TorchConv.Layout.CHANNELS_FIRST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("block over 3 images needs 2320 parameters, 1440 inputs");
    }

    /** Our layer and random values for it. */
    private static final class Layer {
        final ConvShape shape;
        final int batch;
        final Conv2D conv;
        final float[] params;
        final float[] x;
        final float[] dy;

        Layer(ConvShape shape, int batch) {
            this.shape = shape;
            this.batch = batch;
            this.conv = new Conv2D(shape.h(), shape.w(), shape.cin(), shape.cout(), shape.k(), KernelsProvider.best());
            SplittableRandom rng = new SplittableRandom(3);
            this.params = random(conv.parameterCount(), rng);
            this.x = random(batch * conv.inputSize(), rng);
            this.dy = random(batch * conv.outputSize(), rng);
        }

        float[][] passes() {
            return ConvProfile.passes(conv, shape, params, x, dy, batch);
        }

        private static float[] random(int n, SplittableRandom rng) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = (float) (rng.nextDouble() * 2 - 1);
            }
            return v;
        }
    }
}
