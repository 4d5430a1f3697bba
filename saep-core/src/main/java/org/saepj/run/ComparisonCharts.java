package org.saepj.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The comparison's pictures: per method and mixture, the mean over runs (± std as a band) of test accuracy,
 * ensemble size, diversity and members' depth by iteration, a scatter of final accuracy against ensemble size, and each
 * method's mean accuracy against its mean size with the Pareto front (no other method both smaller and more accurate).
 *
 * @param accuracy PNG bytes
 * @param size PNG bytes
 * @param diversity PNG bytes
 * @param depth PNG bytes
 * @param scatter PNG bytes
 * @param pareto PNG bytes
 * @param accuracyAxis the accuracy axis of {@code accuracy}, for its caption (null when nothing was drawn)
 * @param scatterAxis the accuracy axis of {@code scatter}
 * @param paretoAxis the accuracy axis of {@code pareto}
 */
record ComparisonCharts(
        byte[] accuracy,
        byte[] size,
        byte[] diversity,
        byte[] depth,
        byte[] scatter,
        byte[] pareto,
        Charts.Axis accuracyAxis,
        Charts.Axis scatterAxis,
        Charts.Axis paretoAxis) {
    static ComparisonCharts of(List<ComparisonRun> runs) {
        // The single-network baseline has one iteration: it appears in the scatter and the table only.
        List<ComparisonRun> searches =
                runs.stream().filter(r -> !r.method().isBaseline()).toList();
        Score score = Comparison.score(runs);
        List<Charts.Series> accuracySeries =
                byIteration(searches, r -> r.figures().scoreByIteration());
        Charts.Axis accuracyAxis = score.axis(accuracySeries);
        byte[] accuracy = Charts.lines(
                "Test " + score.metric() + " by iteration", "iteration", score.label(), accuracySeries, accuracyAxis);
        byte[] size = Charts.lines(
                "Ensemble size by iteration",
                "iteration",
                "members",
                byIteration(searches, r -> r.figures().sizeByIteration()));
        byte[] diversity = Charts.lines(
                "Diversity (disagreement) by iteration",
                "iteration",
                "mean pairwise disagreement",
                byIteration(searches, r -> r.figures().diversityByIteration()));
        byte[] depth = Charts.lines(
                "Members' mean depth by iteration",
                "iteration",
                "mean depth",
                byIteration(searches, r -> r.figures().depthByIteration()));
        List<Charts.Series> points = new ArrayList<>();
        for (String g : ComparisonRun.groups(runs)) {
            List<ComparisonRun> in =
                    runs.stream().filter(r -> r.group().equals(g)).toList();
            points.add(new Charts.Series(
                    g,
                    in.stream().mapToDouble(r -> r.ensembleSize()).toArray(),
                    in.stream().mapToDouble(r -> r.figures().testScore()).toArray(),
                    null));
        }
        Charts.Axis scatterAxis = score.axis(points);
        byte[] scatter = Charts.scatter(
                "Final " + score.label() + " against ensemble size",
                "ensemble size",
                score.label(),
                points,
                scatterAxis);
        List<Comparison.Summary> summary = Comparison.summarise(runs);
        List<Charts.Series> means = new ArrayList<>();
        for (Comparison.Summary s : summary) {
            means.add(new Charts.Series(
                    s.group(), new double[] {s.ensembleSizeMean()}, new double[] {s.scoreMean()}, null));
        }
        Charts.Axis paretoAxis = score.axis(means);
        return new ComparisonCharts(
                accuracy,
                size,
                diversity,
                depth,
                scatter,
                pareto(score, summary, means, paretoAxis),
                accuracyAxis,
                scatterAxis,
                paretoAxis);
    }

    /** @return the means per method, and the front of those no other is at most as large as and more accurate than */
    private static byte[] pareto(
            Score score, List<Comparison.Summary> summary, List<Charts.Series> points, Charts.Axis y) {
        List<Comparison.Summary> front = paretoFront(summary);
        Charts.Series line = new Charts.Series(
                "Pareto front",
                front.stream().mapToDouble(Comparison.Summary::ensembleSizeMean).toArray(),
                front.stream().mapToDouble(Comparison.Summary::scoreMean).toArray(),
                null);
        return Charts.scatterWithLine(
                "Mean " + score.label() + " against mean ensemble size",
                "mean ensemble size",
                "mean " + score.label(),
                points,
                line,
                y);
    }

    /** @return "; accuracy axis 0.80 to 0.85 (…)" for a caption, or nothing without an axis */
    static String caption(Charts.Axis axis) {
        return axis == null ? "" : "; " + axis.caption();
    }

    /**
     * @param summary the rows
     * @return the rows no other row dominates (at most as large and more accurate, or smaller and as accurate), by size
     */
    static List<Comparison.Summary> paretoFront(List<Comparison.Summary> summary) {
        return summary.stream()
                .filter(s -> summary.stream()
                        .noneMatch(o -> o != s
                                && o.ensembleSizeMean() <= s.ensembleSizeMean()
                                && !s.score().better(s.scoreMean(), o.scoreMean())
                                && (o.ensembleSizeMean() < s.ensembleSizeMean()
                                        || o.score().better(o.scoreMean(), s.scoreMean()))))
                .sorted(java.util.Comparator.comparingDouble(Comparison.Summary::ensembleSizeMean))
                .toList();
    }

    private static List<Charts.Series> byIteration(List<ComparisonRun> runs, Function<ComparisonRun, double[]> values) {
        List<Charts.Series> series = new ArrayList<>();
        for (String g : ComparisonRun.groups(runs)) {
            List<double[]> rows =
                    runs.stream().filter(r -> r.group().equals(g)).map(values).toList();
            int t = rows.stream().mapToInt(r -> r.length).min().orElse(0);
            double[] x = new double[t];
            double[] mean = new double[t];
            double[] std = new double[t];
            for (int i = 0; i < t; i++) {
                double[] column = new double[rows.size()];
                for (int k = 0; k < rows.size(); k++) {
                    column[k] = rows.get(k)[i];
                }
                x[i] = i; // iterations count from 0 everywhere
                mean[i] = Stats.mean(column);
                std[i] = Stats.std(column);
            }
            series.add(new Charts.Series(g, x, mean, rows.size() > 1 ? std : null));
        }
        return series;
    }
}
