package org.saepj.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.saepj.task.RealValues;

/** The residual plots of a regression: two decodable PNGs of the chart size, on the page under one heading. */
class ResidualPlotsTest {
    @Test
    void bothPlotsArePngsOnThePage() throws Exception {
        double[] truth = new double[200];
        float[] outputs = new float[200];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = 10 + i * 0.5;
            outputs[i] = (float) (((10 + i * 0.5 + Math.sin(i)) - 60) / 5); // standardised: mean 60, scale 5
        }
        ResidualPlots plots = ResidualPlots.of(outputs, new RealValues(truth, 60, 5));
        assertThat(plots.samples()).isEqualTo(200);
        byte[] fit = plots.predictedVsActual();
        byte[] residuals = plots.residualsVsPredicted();
        for (byte[] png : new byte[][] {fit, residuals}) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
            assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
        }
        assertThat(fit).isNotEqualTo(residuals);
        String page = plots.addTo(new HtmlReport("t"), "test data").render();
        assertThat(page)
                .contains("<h2>Residuals (test data)</h2>")
                .contains("one of the 200 samples")
                .contains("alt=\"Predicted against actual (test data)\"")
                .contains("alt=\"Residuals against predicted (test data)\"");
        assertThatThrownBy(() -> ResidualPlots.of(new float[3], new RealValues(truth, 60, 5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
