package org.saepj.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Which method and mixture of a comparison is best on each metric of its summary: the best mean test figure of the
 * task's headline (the highest accuracy, the lowest RMSE),
 * the smallest mean ensemble, the fewest mean parameters, the least mean time. Size, parameters and time are
 * compared among the searches when there are any, since the single-network baseline is one member by definition;
 * ties (equal as the table shows them) are all named.
 */
public final class BestPerMetric {
    private BestPerMetric() {}

    /**
     * One metric's winner.
     *
     * @param metric the metric, as the summary table names it
     * @param groups the best method/mixture, or several tied ones
     * @param value the best value, as the table shows it
     * @param note what was compared, when not every row
     */
    public record Row(String metric, List<String> groups, String value, String note) {}

    /**
     * @param summary the comparison's summary rows
     * @return one row per metric, nothing for an empty summary
     */
    public static List<Row> of(List<Comparison.Summary> summary) {
        List<Row> rows = new ArrayList<>();
        if (summary.isEmpty()) {
            return rows;
        }
        List<Comparison.Summary> searches = summary.stream()
                .filter(s -> !s.method().equals(ComparedMethod.SINGLE.id()))
                .toList();
        boolean onlySearches = !searches.isEmpty() && searches.size() < summary.size();
        List<Comparison.Summary> small = searches.isEmpty() ? summary : searches;
        String note = onlySearches ? "among the searches (the single network is one member)" : "";
        Score score = summary.get(0).score();
        rows.add(
                best(score.label() + " (mean)", summary, Comparison.Summary::scoreMean, score.higherIsBetter(), 4, ""));
        rows.add(best("ensemble size (mean)", small, Comparison.Summary::ensembleSizeMean, false, 2, note));
        rows.add(best("parameters (mean)", small, Comparison.Summary::parametersMean, false, 0, note));
        rows.add(best("seconds per run (mean)", small, Comparison.Summary::secondsMean, false, 1, note));
        // calibration, where every row was measured (reports written before it have none)
        if (summary.stream().allMatch(s -> Double.isFinite(s.eceMean()) && Double.isFinite(s.nllMean()))) {
            rows.add(best("ECE (mean)", summary, Comparison.Summary::eceMean, false, 4, ""));
            rows.add(best("NLL (mean)", summary, Comparison.Summary::nllMean, false, 4, ""));
        }
        return rows;
    }

    private static Row best(
            String metric,
            List<Comparison.Summary> rows,
            ToDoubleFunction<Comparison.Summary> value,
            boolean highest,
            int places,
            String note) {
        double bestValue = Double.NaN;
        for (Comparison.Summary s : rows) {
            double v = value.applyAsDouble(s);
            if (Double.isNaN(bestValue) || (highest ? v > bestValue : v < bestValue)) {
                bestValue = v;
            }
        }
        String bestShown = Decimals.of(bestValue, places);
        List<String> groups = new ArrayList<>();
        for (Comparison.Summary s : rows) {
            if (Decimals.of(value.applyAsDouble(s), places).equals(bestShown)) {
                groups.add(s.group());
            }
        }
        return new Row(metric, groups, bestShown, note);
    }
}
