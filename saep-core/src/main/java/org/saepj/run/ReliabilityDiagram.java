package org.saepj.run;

import java.util.ArrayList;
import java.util.List;
import org.saepj.ensemble.Calibration;

/**
 * A reliability diagram (Guo et al., ICML 2017): for each confidence bin that holds samples, its mean confidence
 * against its accuracy, beside the diagonal a calibrated model lies on; points below it are over-confident bins.
 * Drawn for the ensemble's probabilities and, when a temperature was fitted, for the scaled ones.
 */
public final class ReliabilityDiagram {
    /** The file a run's and an evaluation's diagram is written to. */
    public static final String FILE = "reliability.png";

    private ReliabilityDiagram() {}

    /**
     * @param title the chart's title
     * @param bins the probabilities' confidence bins
     * @param label what they are ("ensemble")
     * @param scaled the bins after temperature scaling, or null
     * @param scaledLabel what those are ("T = 1.52")
     * @return the PNG
     */
    public static byte[] png(
            String title, Calibration.Bins bins, String label, Calibration.Bins scaled, String scaledLabel) {
        List<Charts.Series> series = new ArrayList<>();
        series.add(new Charts.Series("perfect calibration", new double[] {0, 1}, new double[] {0, 1}, null));
        series.add(points(label + ", ECE " + Decimals.of(bins.expectedError(), 4), bins));
        if (scaled != null) {
            series.add(points(scaledLabel + ", ECE " + Decimals.of(scaled.expectedError(), 4), scaled));
        }
        return Charts.lines(title, "confidence (mean of the bin)", "accuracy", series, new Charts.Axis(0, 1));
    }

    private static Charts.Series points(String name, Calibration.Bins bins) {
        List<double[]> xy = new ArrayList<>();
        for (int b = 0; b < bins.count().length; b++) {
            if (bins.count()[b] > 0) {
                xy.add(new double[] {bins.confidence(b), bins.accuracy(b)});
            }
        }
        return new Charts.Series(
                name,
                xy.stream().mapToDouble(p -> p[0]).toArray(),
                xy.stream().mapToDouble(p -> p[1]).toArray(),
                null);
    }
}
