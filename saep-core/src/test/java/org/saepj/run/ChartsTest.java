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
        assertThat(Charts.bandY(new double[] {5, 6, 7}, new double[] {1, 0.5, 0})).containsExactly(6, 6.5, 7, 7, 5.5, 4);
    }

    @Test
    void aChartWithBandsIsAPngWithTheBandShaded() throws Exception {
        double[] x = {1, 2, 3, 4};
        byte[] png = Charts.lines("t", "iteration", "value", List.of(
                new Charts.Series("wide", x, new double[] {0.5, 0.5, 0.5, 0.5}, new double[] {0.4, 0.4, 0.4, 0.4}),
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
}
