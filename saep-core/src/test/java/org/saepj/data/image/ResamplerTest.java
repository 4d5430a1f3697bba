package org.saepj.data.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Area averaging when shrinking, bilinear when growing, channel conversions. */
class ResamplerTest {
    @Test
    void shrinkingAveragesTheCoveredPixels() {
        float[] v = new float[16];
        for (int i = 0; i < 16; i++) {
            v[i] = i;
        }
        Pixels half = Resampler.resize(new Pixels(4, 4, 1, v), 2, 2);
        assertThat(half.values()).containsExactly(2.5f, 4.5f, 10.5f, 12.5f);
        Pixels third = Resampler.resize(new Pixels(1, 3, 1, new float[] {0, 3, 6}), 1, 2);
        // target 0 covers [0, 1.5): 2/3 of pixel 0 and 1/3 of pixel 1
        assertThat(third.values()[0]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(third.values()[1]).isCloseTo(5f, org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void growingInterpolatesBetweenCentresAndKeepsAConstantImageConstant() {
        Pixels grown = Resampler.resize(new Pixels(1, 2, 1, new float[] {0, 100}), 1, 4);
        assertThat(grown.values()).containsExactly(0f, 25f, 75f, 100f);
        float[] flat = new float[3 * 3 * 3];
        java.util.Arrays.fill(flat, 42f);
        assertThat(Resampler.resize(new Pixels(3, 3, 3, flat), 7, 5).values()).containsOnly(42f);
    }

    @Test
    void channelsAreRepeatedOrWeightedToLuma() {
        Pixels grey = new Pixels(1, 1, 1, new float[] {9});
        assertThat(Resampler.channels(grey, 3).values()).containsExactly(9f, 9f, 9f);
        Pixels red = new Pixels(1, 1, 3, new float[] {255, 0, 0});
        assertThat(Resampler.channels(red, 1).values()[0])
                .isCloseTo(0.299f * 255, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(Resampler.convert(grey, null, 1)).isSameAs(grey);
    }
}
