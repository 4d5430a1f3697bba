package org.saepj.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The comparison's pictures: per method and mixture, the mean over runs (± std as a band) of test accuracy,
 * ensemble size and diversity by iteration, and a scatter of final accuracy against ensemble size.
 *
 * @param accuracy PNG bytes
 * @param size PNG bytes
 * @param diversity PNG bytes
 * @param scatter PNG bytes
 */
record ComparisonCharts(byte[] accuracy, byte[] size, byte[] diversity, byte[] scatter) {
    static ComparisonCharts of(List<ComparisonRun> runs) {
        // The single-network baseline has one iteration: it appears in the scatter and the table only.
        List<ComparisonRun> searches = runs.stream().filter(r -> !r.method().isBaseline()).toList();
        byte[] accuracy = Charts.lines("Test accuracy by iteration", "iteration", "test accuracy",
                byIteration(searches, r -> r.figures().accuracyByIteration()));
        byte[] size = Charts.lines("Ensemble size by iteration", "iteration", "members", byIteration(searches, r -> r.figures().sizeByIteration()));
        byte[] diversity = Charts.lines("Diversity (disagreement) by iteration", "iteration", "mean pairwise disagreement",
                byIteration(searches, r -> r.figures().diversityByIteration()));
        List<Charts.Series> points = new ArrayList<>();
        for (String g : ComparisonRun.groups(runs)) {
            List<ComparisonRun> in = runs.stream().filter(r -> r.group().equals(g)).toList();
            points.add(new Charts.Series(g, in.stream().mapToDouble(r -> r.ensembleSize()).toArray(),
                    in.stream().mapToDouble(r -> r.testAccuracy()).toArray(), null));
        }
        byte[] scatter = Charts.scatter("Final test accuracy against ensemble size", "ensemble size", "test accuracy", points);
        return new ComparisonCharts(accuracy, size, diversity, scatter);
    }

    private static List<Charts.Series> byIteration(List<ComparisonRun> runs, Function<ComparisonRun, double[]> values) {
        List<Charts.Series> series = new ArrayList<>();
        for (String g : ComparisonRun.groups(runs)) {
            List<double[]> rows = runs.stream().filter(r -> r.group().equals(g)).map(values).toList();
            int t = rows.stream().mapToInt(r -> r.length).min().orElse(0);
            double[] x = new double[t];
            double[] mean = new double[t];
            double[] std = new double[t];
            for (int i = 0; i < t; i++) {
                double[] column = new double[rows.size()];
                for (int k = 0; k < rows.size(); k++) {
                    column[k] = rows.get(k)[i];
                }
                x[i] = i + 1;
                mean[i] = Stats.mean(column);
                std[i] = Stats.std(column);
            }
            series.add(new Charts.Series(g, x, mean, rows.size() > 1 ? std : null));
        }
        return series;
    }
}
