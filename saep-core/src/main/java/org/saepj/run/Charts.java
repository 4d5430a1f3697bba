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

    private Charts() {}

    /**
     * A line series over iterations with an optional band (mean ± deviation, drawn as a translucent area).
     *
     * @param name the legend name
     * @param x iteration numbers
     * @param y mean values
     * @param spread deviations, or null
     */
    record Series(String name, double[] x, double[] y, double[] spread) {}

    /**
     * A y axis fixed from {@code min} to {@code max}, instead of one fitted to the data.
     *
     * @param min the bottom
     * @param max the top
     */
    record Axis(double min, double max) {
        /** The least span an accuracy axis shows (5 points): a fitted axis makes half a point look like a cliff. */
        static final double MIN_ACCURACY_SPAN = 0.05;

        /**
         * An accuracy axis holding every value (and band) drawn, at least {@link #MIN_ACCURACY_SPAN} wide, within
         * [0, 1], its ends on whole points.
         *
         * @param series what is drawn
         * @return the axis, or null when nothing finite is drawn
         */
        static Axis accuracy(List<Series> series) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Series s : series) {
                for (int i = 0; i < s.y().length; i++) {
                    double spread = s.spread() == null ? 0 : s.spread()[i];
                    if (Double.isFinite(s.y()[i]) && Double.isFinite(spread)) {
                        lo = Math.min(lo, s.y()[i] - spread);
                        hi = Math.max(hi, s.y()[i] + spread);
                    }
                }
            }
            if (lo > hi) {
                return null;
            }
            lo = Math.max(0, Math.floor(lo * 100 + 1e-9) / 100);
            hi = Math.min(1, Math.ceil(hi * 100 - 1e-9) / 100);
            if (hi - lo < MIN_ACCURACY_SPAN) {
                double mid = (lo + hi) / 2;
                lo = Math.floor((mid - MIN_ACCURACY_SPAN / 2) * 100 + 1e-9) / 100;
                hi = lo + MIN_ACCURACY_SPAN;
                if (hi > 1) {
                    lo -= hi - 1;
                    hi = 1;
                }
                if (lo < 0) {
                    hi -= lo;
                    lo = 0;
                }
            }
            return new Axis(lo, hi);
        }

        /** @return "accuracy axis 0.80 to 0.85, at least 5 points shown", for a caption */
        String caption() {
            return "accuracy axis " + Decimals.of(min, 2) + " to " + Decimals.of(max, 2) + ", at least "
                    + Math.round(MIN_ACCURACY_SPAN * 100) + " points shown";
        }
    }

    static byte[] lines(String title, String xTitle, String yTitle, List<Series> series) {
        return lines(title, xTitle, yTitle, series, null);
    }

    static byte[] lines(String title, String xTitle, String yTitle, List<Series> series, Axis y) {
        XYChart chart = chart(title, xTitle, yTitle);
        fix(chart, y);
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

    static byte[] scatter(String title, String xTitle, String yTitle, List<Series> series, Axis y) {
        XYChart chart = chart(title, xTitle, yTitle);
        fix(chart, y);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(9);
        for (Series s : series) {
            chart.addSeries(s.name(), s.x(), s.y());
        }
        return png(chart);
    }

    /** A scatter with one more series drawn as a line over the points (the Pareto front). */
    static byte[] scatterWithLine(
            String title, String xTitle, String yTitle, List<Series> series, Series line, Axis y) {
        XYChart chart = chart(title, xTitle, yTitle);
        fix(chart, y);
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

    /**
     * Many points (one per sample, small markers, no legend) under a reference line, such as a perfect prediction's
     * diagonal.
     *
     * @param points the points, drawn as a scatter
     * @param reference the line drawn over them
     */
    static byte[] points(String title, String xTitle, String yTitle, Series points, Series reference) {
        XYChart chart = chart(title, xTitle, yTitle);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMarkerSize(4);
        XYSeries dots = chart.addSeries(points.name(), points.x(), points.y());
        dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        dots.setMarker(SeriesMarkers.CIRCLE);
        XYSeries line = chart.addSeries(reference.name(), reference.x(), reference.y());
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(Color.DARK_GRAY);
        return png(chart);
    }

    /** A headless chart of the report's size and style, titled, with its axes named. */
    private static XYChart chart(String title, String xTitle, String yTitle) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        style(chart);
        return chart;
    }

    private static void fix(XYChart chart, Axis y) {
        if (y != null) {
            chart.getStyler().setYAxisMin(y.min());
            chart.getStyler().setYAxisMax(y.max());
        }
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
