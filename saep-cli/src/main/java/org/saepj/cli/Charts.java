package org.saepj.cli;

import java.io.IOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.saepj.SaepException;

/** PNG charts of searches (XChart), rendered headless to bytes so they can be written atomically and embedded. */
final class Charts {
    static final int WIDTH = 760;
    static final int HEIGHT = 440;

    private Charts() {
    }

    /**
     * A line series over iterations with an optional band (± deviation as error bars).
     *
     * @param name the legend name
     * @param x iteration numbers
     * @param y mean values
     * @param spread deviations, or null
     */
    record Series(String name, double[] x, double[] y, double[] spread) {
    }

    static byte[] lines(String title, String xTitle, String yTitle, List<Series> series) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart);
        for (Series s : series) {
            if (s.spread() == null) {
                chart.addSeries(s.name(), s.x(), s.y());
            } else {
                chart.addSeries(s.name(), s.x(), s.y(), s.spread());
            }
        }
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        return png(chart);
    }

    static byte[] scatter(String title, String xTitle, String yTitle, List<Series> series) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(9);
        for (Series s : series) {
            chart.addSeries(s.name(), s.x(), s.y());
        }
        return png(chart);
    }

    private static void style(XYChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setAntiAlias(true);
        chart.getStyler().setDecimalPattern("#0.###");
    }

    private static byte[] png(XYChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new SaepException("cannot render the chart '" + chart.getTitle() + "': " + e.getMessage(), e);
        }
    }
}
