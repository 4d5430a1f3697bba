package org.saepj.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The mean-with-a-band line charts. */
class ChartsTest {
    @Test
    void theBandGoesAlongTheUpperBoundAndBackAlongTheLower() {
        assertThat(Charts.bandX(new double[] {1, 2, 3})).containsExactly(1, 2, 3, 3, 2, 1);
        assertThat(Charts.bandY(new double[] {5, 6, 7}, new double[] {1, 0.5, 0}))
                .containsExactly(6, 6.5, 7, 7, 5.5, 4);
    }

    @Test
    void aChartWithBandsIsAPngWithTheBandShaded() throws Exception {
        double[] x = {1, 2, 3, 4};
        byte[] png = Charts.lines(
                "t",
                "iteration",
                "value",
                List.of(
                        new Charts.Series(
                                "wide", x, new double[] {0.5, 0.5, 0.5, 0.5}, new double[] {0.4, 0.4, 0.4, 0.4}),
                        new Charts.Series("no band", x, new double[] {0.2, 0.3, 0.4, 0.5}, null)));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
        // Inside the band (mean 0.5 ± 0.4), away from the lines, the plot is tinted, not white.
        long tinted = 0;
        for (int px = Charts.WIDTH / 4; px < Charts.WIDTH / 2; px++) {
            int rgb = image.getRGB(px, Charts.HEIGHT / 3) & 0xFFFFFF;
            if (rgb != 0xFFFFFF) {
                tinted++;
            }
        }
        assertThat(tinted).isGreaterThan(Charts.WIDTH / 8);
    }

    private static Charts.Axis axis(double... y) {
        return Charts.Axis.accuracy(List.of(new Charts.Series("s", new double[y.length], y, null)));
    }

    @Test
    void anAccuracyAxisShowsAtLeastFivePointsSoHalfAPointIsNoCliff() {
        Charts.Axis a = axis(0.8310, 0.8362);
        assertThat(a.max() - a.min()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(a.min()).isLessThanOrEqualTo(0.8310);
        assertThat(a.max()).isGreaterThanOrEqualTo(0.8362);
        assertThat(a.caption()).isEqualTo("accuracy axis 0.81 to 0.86, at least 5 points shown");
        // Near the top the axis stays within [0, 1], and a wide range is shown whole, on whole points.
        assertThat(axis(0.995, 0.999)).isEqualTo(new Charts.Axis(0.95, 1.0));
        assertThat(axis(0.001)).isEqualTo(new Charts.Axis(0.0, 0.05));
        Charts.Axis wide = axis(0.412, 0.876);
        assertThat(wide.min()).isCloseTo(0.41, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(wide.max()).isCloseTo(0.88, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(axis(Double.NaN)).isNull();
    }

    @Test
    void aBandWidensTheAxis() {
        Charts.Axis a = Charts.Axis.accuracy(
                List.of(new Charts.Series("s", new double[] {0, 1}, new double[] {0.8, 0.8}, new double[] {0.1, 0.1})));
        assertThat(a.min()).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(a.max()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
    }
}
