package org.saepj.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.saepj.pruning.CriterionSpec;
import org.saepj.search.SearchConfig;

/** The configuration as a readable table, and the comparison's best method per metric. */
class ReportTablesTest {
    @Test
    void theConfigurationIsOneReadableRowPerSetting() {
        SearchConfig config = SearchConfig.builder()
                .criterion(CriterionSpec.of("pie", Map.of("alpha", 0.5)))
                .iterations(5)
                .totalSteps(1000)
                .seed(7)
                .build();
        Map<String, String> rows = HtmlReport.map();
        ConfigRows.add(config, rows);
        assertThat(rows)
                .containsEntry("budget › iterations", "5")
                .containsEntry("budget › total steps", "1000")
                .containsEntry("criterion › id", "pie")
                .containsEntry("criterion › parameters › alpha", "0.5")
                .containsEntry("seed", "7")
                .containsEntry("space › model", "dnn");
        assertThat(rows.keySet()).noneMatch(k -> k.contains("pair")); // unset: left out
        assertThat(rows.values()).noneMatch(v -> v.startsWith("{"));
        assertThat(ConfigRows.words("learningRate")).isEqualTo("learning rate");
        var json = org.saepj.persistence.JsonFormat.mapper();
        assertThat(ConfigRows.value(json.valueToTree(List.of(1, 2)))).isEqualTo("1, 2");
        assertThat(ConfigRows.value(json.valueToTree(true))).isEqualTo("yes");
    }

    private static Comparison.Summary row(
            String method, String mixture, double acc, double size, double params, double secs) {
        return new Comparison.Summary(
                method + "/" + mixture,
                method,
                mixture,
                3,
                Score.ACCURACY,
                acc,
                0.001,
                size,
                0.5,
                params,
                secs,
                1,
                2,
                0.1,
                Double.NaN,
                Double.NaN,
                Double.NaN);
    }

    @Test
    void theBestMethodPerMetricIsNamedWithTiesAndTheBaselineLeftOutOfSize() {
        List<Comparison.Summary> summary = List.of(
                row("adanet", "uniform", 0.8366, 8.33, 216777, 2.3),
                row("pap", "uniform", 0.8328, 3.67, 100357, 1.5),
                row("pie", "uniform", 0.8285, 3.00, 75059, 1.5),
                row("single", "-", 0.8617, 1, 25450, 0.6));
        List<BestPerMetric.Row> best = BestPerMetric.of(summary);
        assertThat(best)
                .extracting(BestPerMetric.Row::metric)
                .containsExactly(
                        "test accuracy (mean)", "ensemble size (mean)", "parameters (mean)", "seconds per run (mean)");
        assertThat(best.get(0).groups()).containsExactly("single/-");
        assertThat(best.get(0).value()).isEqualTo("0.8617");
        assertThat(best.get(1).groups()).containsExactly("pie/uniform");
        assertThat(best.get(1).note()).contains("among the searches");
        assertThat(best.get(2).value()).isEqualTo("75059");
        assertThat(best.get(3).groups()).containsExactly("pap/uniform", "pie/uniform");
        assertThat(BestPerMetric.of(summary.subList(0, 2)).get(1).note()).isEmpty();
    }
}
