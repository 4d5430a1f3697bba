package org.saepj.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The FLOP counts and layouts both engines' figures in {@link ConvProfile} are computed from. */
class ConvShapeTest {
    @Test
    void countsTwoFlopsAMultiplyAddAndTheInputGradientOnlyWhereThereIsOne() {
        ConvShape block = new ConvShape("block", 14, 14, 32, 64, 3, true);
        // 64 images × 196 positions × 64 filters × 9 taps × 32 channels multiply-adds
        assertThat(block.forwardFlops(64)).isEqualTo(2.0 * 64 * 196 * 64 * 9 * 32);
        assertThat(block.backwardFlops(64)).isEqualTo(2 * block.forwardFlops(64));
        ConvShape stem = new ConvShape("stem", 28, 28, 1, 32, 5, false);
        assertThat(stem.forwardFlops(2)).isEqualTo(2.0 * 2 * 784 * 32 * 25);
        assertThat(stem.backwardFlops(2)).isEqualTo(stem.forwardFlops(2));
    }

    @Test
    void givesPyTorchsShapesForSamePaddingAtStrideOne() {
        ConvShape s = new ConvShape("s", 6, 5, 3, 16, 5, true);
        assertThat(s.padding()).isEqualTo(2);
        assertThat(s.inputDims(4)).containsExactly(4, 3, 6, 5);
        assertThat(s.outputDims(4)).containsExactly(4, 16, 6, 5);
        assertThat(s.kernelDims()).containsExactly(16, 3, 5, 5);
        assertThat(s.parameterCount()).isEqualTo(25 * 3 * 16 + 16);
    }

    @Test
    void movesEachChannelsLastValueToItsChannelsFirstPlace() {
        ConvShape s = new ConvShape("s", 2, 3, 1, 1, 1, false);
        int batch = 2;
        int channels = 4;
        float[] nhwc = new float[batch * 2 * 3 * channels];
        for (int i = 0; i < nhwc.length; i++) {
            nhwc[i] = i;
        }
        float[] nchw = s.toChannelsFirst(nhwc, batch, channels);
        for (int n = 0; n < batch; n++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 3; x++) {
                    for (int c = 0; c < channels; c++) {
                        assertThat(nchw[((n * channels + c) * 2 + y) * 3 + x])
                                .isEqualTo(nhwc[((n * 2 + y) * 3 + x) * channels + c]);
                    }
                }
            }
        }
    }

    @Test
    void refusesAnEvenKernel() {
        assertThatThrownBy(() -> new ConvShape("even", 8, 8, 1, 16, 4, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd kernel");
    }
}
