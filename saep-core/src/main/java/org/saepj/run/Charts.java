package org.saepj.run;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.saepj.FileException;

/** PNG charts of searches (XChart), rendered headless to bytes so they can be written atomically and embedded. */
final class Charts {
    static final int WIDTH = 760;
    static final int HEIGHT = 440;

    private Charts() {
    }

    /**
     * A line series over iterations with an optional band (mean ± deviation, drawn as a translucent area).
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
        Color[] palette = chart.getStyler().getSeriesColors();
        // Bands first, so that every mean line is drawn over all of them.
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            if (s.spread() != null) {
                Color c = palette[i % palette.length];
                XYSeries band = chart.addSeries(s.name() + " ± std", bandX(s.x()), bandY(s.y(), s.spread()));
                band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                band.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 48));
                band.setLineColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 0));
                band.setMarker(SeriesMarkers.NONE);
                band.setShowInLegend(false);
            }
        }
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            XYSeries line = chart.addSeries(s.name(), s.x(), s.y());
            line.setLineColor(palette[i % palette.length]);
            line.setMarkerColor(palette[i % palette.length]);
        }
        return png(chart);
    }

    /** The band's outline: along the x values, then back. */
    static double[] bandX(double[] x) {
        double[] out = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i];
            out[2 * x.length - 1 - i] = x[i];
        }
        return out;
    }

    /** The band's outline: mean + spread along the x values, then mean − spread back. */
    static double[] bandY(double[] y, double[] spread) {
        double[] out = new double[2 * y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] + spread[i];
            out[2 * y.length - 1 - i] = y[i] - spread[i];
        }
        return out;
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

    /** A scatter with one more series drawn as a line over the points (the Pareto front). */
    static byte[] scatterWithLine(String title, String xTitle, String yTitle, List<Series> series, Series line) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart);
        chart.getStyler().setMarkerSize(9);
        for (Series s : series) {
            chart.addSeries(s.name(), s.x(), s.y()).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        XYSeries front = chart.addSeries(line.name(), line.x(), line.y());
        front.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        front.setMarker(SeriesMarkers.NONE);
        front.setLineColor(Color.DARK_GRAY);
        return png(chart);
    }

    private static void style(XYChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setAntiAlias(true);
        chart.getStyler().setDecimalPattern("#0.###");
        // The axes' numbers are formatted in the styler's locale, by default the JVM's: 0,5 under a German one.
        chart.getStyler().setLocale(java.util.Locale.ROOT);
    }

    private static byte[] png(XYChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new FileException("cannot render the chart '" + chart.getTitle() + "': " + e.getMessage(), e);
        }
    }
}
