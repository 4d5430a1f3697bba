package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;

/**
 * Regression from the command line, as a user with a table of a quantity meets it: the target is recognised, the
 * search, its folds and a comparison are summarised by the test RMSE (the lower the better), {@code evaluate} rebuilds
 * the search's own test split and gives the report's RMSE, {@code prune} decides on values and refuses a criterion of
 * classes, and {@code datasets show} describes the target instead of a table of classes.
 */
class RegressionCommandLineTest {
    @TempDir
    Path dir;

    /** 240 rows of a smooth function of three features with a little noise; the target has decimals. */
    private Path table() throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        StringBuilder text = new StringBuilder("a,b,c,price\n");
        for (int i = 0; i < 240; i++) {
            double a = rng.nextDouble() * 4 - 2;
            double b = rng.nextDouble() * 4 - 2;
            double c = rng.nextDouble() * 4 - 2;
            double y = 50 + 10 * (a - 0.5 * b * b + Math.sin(c)) + rng.nextGaussian();
            text.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.3f%n", a, b, c, y));
        }
        return Files.writeString(dir.resolve("prices.csv"), text);
    }

    private static JsonNode json(Path file) throws Exception {
        return Json.MAPPER.readTree(file.toFile());
    }

    @Test
    void searchEvaluatePruneAndShowAReqressionTable() throws Exception {
        Path csv = table();
        Path out = dir.resolve("run");
        CliRun search = CliRun.of(
                "search", "--data", "csv:" + csv, "--iterations", "4", "--steps", "300", "--out", out.toString());
        assertThat(search.exitCode()).as(search.err()).isZero();
        // the default preset holds a validation part out of the training part: evaluate must still score the
        // search's own test split with the ensemble's stored preprocessing, not one refitted on other rows
        assertThat(search.out())
                .startsWith("searching prices.csv (random holdout: 20% test): preset validated, ")
                .contains("\nlabel price: 240 distinct decimal values → a regression target")
                .contains("random holdout")
                .containsPattern("target: 240 values from [-0-9.]+ to [0-9.]+, mean")
                .containsPattern("test RMSE [0-9.]+, R² 0\\.[0-9]+, ensemble of");
        JsonNode report = json(out.resolve("report.json"));
        double rmse = report.at("/final/regression/rmse").asDouble();
        assertThat(report.at("/final/regression/r2").asDouble())
                .as("learns the function")
                .isGreaterThan(0.5);
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html)
                .contains("reaches test RMSE")
                .doesNotContain("test accuracy NaN")
                .contains("<th>own test RMSE</th>")
                .doesNotContain("own test accuracy")
                .contains("<h2>Residuals (test data)</h2>")
                .contains("alt=\"Predicted against actual (test data)\"")
                .contains("alt=\"Residuals against predicted (test data)\"");
        JsonNode ownRmse = report.at("/final/memberTestRmse");
        assertThat(ownRmse.size()).isEqualTo(report.at("/members").size()).isPositive();
        assertThat(html)
                .as("each member's own test RMSE is in the members table")
                .contains("<td>" + org.saepj.run.Decimals.of(ownRmse.get(0).asDouble(), 4) + "</td></tr>");

        CliRun evaluate =
                CliRun.of("evaluate", "--model", out.resolve("ensemble").toString(), "--data", "csv:" + csv, "--json");
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        JsonNode measured = Json.MAPPER.readTree(evaluate.out());
        assertThat(measured.at("/rows").asText()).startsWith("the search's own test split (48 of 240 rows");
        assertThat(measured.at("/regression/rmse").asDouble())
                .as("the search's own test split rebuilt gives the report's RMSE")
                .isCloseTo(rmse, offset(1e-4 * rmse));

        Path page = dir.resolve("evaluation.html");
        CliRun reported = CliRun.of(
                "evaluate",
                "--model",
                out.resolve("ensemble").toString(),
                "--data",
                "csv:" + csv,
                "--report",
                page.toString());
        assertThat(reported.exitCode()).as(reported.err()).isZero();
        assertThat(reported.out()).contains("RMSE").endsWith("wrote " + page + "\n");
        assertThat(Files.readString(page))
                .contains("<th>RMSE</th><td>"
                        + org.saepj.run.Decimals.of(
                                measured.at("/regression/rmse").asDouble(), 6))
                .contains("<th>R²</th>")
                .contains("Measured on the search's own test split")
                .contains("alt=\"Predicted against actual (the measured rows)\"")
                .contains("alt=\"Residuals against predicted (the measured rows)\"")
                .doesNotContain("Confusion matrix");
        CliRun again = CliRun.of(
                "evaluate",
                "--model",
                out.resolve("ensemble").toString(),
                "--data",
                "csv:" + csv,
                "--report",
                page.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err())
                .isEqualTo("error: --report " + page + " exists: choose another file or pass" + " --overwrite\n");
        assertThat(again.out()).as("refused before any work").isEmpty();
        CliRun replaced = CliRun.of(
                "evaluate",
                "--model",
                out.resolve("ensemble").toString(),
                "--data",
                "csv:" + csv,
                "--report",
                page.toString(),
                "--overwrite",
                "--json");
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        assertThat(Json.MAPPER.readTree(replaced.out()).at("/regression/rmse").asDouble())
                .as("under --json the output stays one JSON object")
                .isEqualTo(measured.at("/regression/rmse").asDouble());

        CliRun prune = CliRun.of(
                "prune",
                "--model",
                out.resolve("ensemble").toString(),
                "--data",
                "csv:" + csv,
                "--method",
                "re",
                "--keep",
                "2",
                "--json",
                "--out",
                dir.resolve("pruned").toString());
        assertThat(prune.exitCode()).as(prune.err()).isZero();
        JsonNode decision = Json.MAPPER.readTree(prune.out());
        assertThat(decision.at("/kept").size()).isEqualTo(2);
        assertThat(decision.at("/meanSquaredError/after").asDouble())
                .as("ordered aggregation keeps the pair with the least squared error")
                .isLessThanOrEqualTo(decision.at("/meanSquaredError/before").asDouble() + 1e-12);
        assertThat(decision.has("voteAccuracy")).isFalse();
        CliRun evaluatePruned =
                CliRun.of("evaluate", "--model", dir.resolve("pruned").toString(), "--data", "csv:" + csv);
        assertThat(evaluatePruned.exitCode()).as(evaluatePruned.err()).isZero();
        assertThat(evaluatePruned.out()).contains("ensemble size  2");

        CliRun kappa = CliRun.of(
                "prune",
                "--model",
                out.resolve("ensemble").toString(),
                "--data",
                "csv:" + csv,
                "--method",
                "kappa",
                "--out",
                dir.resolve("k").toString());
        assertThat(kappa.exitCode()).isEqualTo(2);
        assertThat(kappa.err().strip())
                .startsWith("error: --method kappa judges members by their predicted classes, which a regression"
                        + " search has not: use ");
        assertThat(dir.resolve("k")).doesNotExist();

        CliRun export = CliRun.of(
                "export",
                "--model",
                out.resolve("ensemble").toString(),
                "--out",
                dir.resolve("m.onnx").toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out())
                .contains("input 'input' [N, 3]; a value in the target's unit; output 'value' [N, 1]")
                .doesNotContain("classes");

        CliRun show = CliRun.of("datasets", "show", "csv:" + csv);
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out())
                .contains("none (split off by a random holdout)")
                .containsPattern("target: 240 values from")
                .doesNotContain("class ");
    }

    @Test
    void foldsAndComparisonsRankByTheLowestRmse() throws Exception {
        Path csv = table();
        Path folds = dir.resolve("folds");
        CliRun search = CliRun.of(
                "search",
                "--data",
                "csv:" + csv,
                "--folds",
                "3",
                "--iterations",
                "2",
                "--steps",
                "150",
                "--out",
                folds.toString());
        assertThat(search.exitCode()).as(search.err()).isZero();
        assertThat(search.out()).containsPattern("3 folds: test RMSE [0-9.]+ ± [0-9.]+, ensemble size");
        JsonNode summary = json(folds.resolve("report.json")).get("summary");
        assertThat(summary.has("testRmseMean")).isTrue();
        assertThat(summary.has("testAccuracyMean")).isFalse();
        double mean = 0;
        for (int k = 1; k <= 3; k++) {
            mean += json(folds.resolve("fold-" + k + "/report.json"))
                            .at("/final/regression/rmse")
                            .asDouble()
                    / 3;
        }
        assertThat(summary.get("testRmseMean").asDouble()).isCloseTo(mean, offset(1e-9));

        Path cmp = dir.resolve("cmp");
        CliRun compare = CliRun.of(
                "compare",
                "--data",
                "csv:" + csv,
                "--methods",
                "adanet,single",
                "--seeds",
                "1",
                "--iterations",
                "2",
                "--steps",
                "150",
                "--out",
                cmp.toString());
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        assertThat(compare.out()).contains("test RMSE").doesNotContain("accuracy");
        JsonNode comparison = json(cmp.resolve("comparison.json"));
        double adanet = Double.NaN;
        double single = Double.NaN;
        for (JsonNode row : comparison.get("summary")) {
            assertThat(row.has("accuracyMean")).isFalse();
            if (row.get("method").asText().equals("adanet")) {
                adanet = row.get("rmseMean").asDouble();
            } else {
                single = row.get("rmseMean").asDouble();
            }
        }
        for (JsonNode run : comparison.get("runs")) {
            assertThat(run.get("metric").asText()).isEqualTo("RMSE");
            assertThat(run.has("testAccuracy")).isFalse();
        }
        String best = adanet <= single ? "adanet/uniform" : "single/-";
        assertThat(Files.readString(cmp.resolve("report.html")))
                .as("the best RMSE is the lowest")
                .containsPattern("test RMSE \\(mean\\)</td><td>" + java.util.regex.Pattern.quote(best));
        assertThat(Files.readString(cmp.resolve("comparison.csv"))).startsWith("method,mixture,seed,fold,test_rmse,");
    }
}
