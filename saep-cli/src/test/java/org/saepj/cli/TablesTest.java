package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.testing.TestFiles;

/** A table as users have it, end to end: gaps, text, booleans and an Id column searched, predicted and evaluated. */
class TablesTest {
    @TempDir
    Path dir;

    /**
     * Rows whose class is "yes" when smoker is y and colour is not blue or the other way round; age and income are
     * noise with gaps (NA, empty, ?), colour has a rare level (teal) and a gap, and an Id column numbers the rows.
     */
    static String people(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        String[] colours = {"red", "green", "blue"};
        StringBuilder sb = new StringBuilder("Id,age,smoker,colour,income,outcome\n");
        for (int i = 0; i < n; i++) {
            boolean smoker = rng.nextBoolean();
            String colour = i % 97 == 5 ? "teal" : i % 41 == 3 ? "" : colours[rng.nextInt(3)];
            boolean yes = smoker ^ colour.equals("blue");
            String age = i % 10 == 0 ? "NA" : Integer.toString(20 + rng.nextInt(50));
            String income = i % 7 == 0
                    ? (i % 2 == 0 ? "" : "?")
                    : String.format(java.util.Locale.ROOT, "\"%.1f\"", 1000 + 500 * rng.nextDouble());
            sb.append(i + 1)
                    .append(',')
                    .append(age)
                    .append(',')
                    .append(smoker ? "y" : "n")
                    .append(',')
                    .append(colour)
                    .append(',')
                    .append(income)
                    .append(',')
                    .append(yes ? "yes" : "no")
                    .append('\n');
        }
        return sb.toString();
    }

    @Test
    void searchPredictAndEvaluateRawRows() throws Exception {
        Path csv = TestFiles.write(dir.resolve("people.csv"), people(400, 1).getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("run");
        CliRun search = CliRun.of(
                "search",
                "--data",
                "csv:" + csv,
                "--label-column",
                "outcome",
                "--ignore-columns",
                "Id",
                "--iterations",
                "2",
                "--steps",
                "300",
                "--out",
                out.toString());
        assertThat(search.exitCode()).as(search.err()).isZero();
        // the first line says what the search runs and on which preset's choices, the next how the table was read
        assertThat(search.out().lines().findFirst().orElseThrow())
                .startsWith("searching ")
                .contains(": preset validated, ");
        assertThat(search.out().lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("label outcome: 2 distinct text values →"
                        + " classification; 4 feature columns: 2 numeric, 1 boolean, 1 categorical;"
                        + " gaps in 3 columns"
                        + " (filled with the training median or most frequent value, with a"
                        + " missing-indicator column each)");
        JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/final/testAccuracy").asDouble()).isGreaterThan(0.8);
        JsonNode manifest = Json.MAPPER.readTree(
                out.resolve("ensemble").resolve("manifest.json").toFile());
        assertThat(manifest.get("featureNames").toString()).isEqualTo("[\"age\",\"smoker\",\"colour\",\"income\"]");
        assertThat(manifest.at("/preprocessing/0/type").asText()).isEqualTo("columns");
        assertThat(manifest.at("/preprocessing/0/label").asText()).isEqualTo("outcome");
        assertThat(manifest.at("/preprocessing/1/type").asText()).isEqualTo("impute");
        assertThat(manifest.at("/preprocessing/2/kept/0").toString())
                .as("blue, green, red; teal is rare")
                .isEqualTo("[0,1,2]");

        // Raw rows as a user has them: columns in another order, gaps, an unseen level, an extra column, no label.
        Path fresh = TestFiles.write(
                dir.resolve("fresh.csv"),
                ("note,income,colour,smoker,age,Id\n"
                                + "x,,blue,y,NA,1\nx,1200,purple,n,33,2\nx,?,,n,,3\nx,1500.5,red,y,45,4\n")
                        .getBytes(StandardCharsets.UTF_8));
        Path predictions = dir.resolve("p.csv");
        CliRun predict = CliRun.of(
                "predict",
                "--model",
                out.resolve("ensemble").toString(),
                "--data",
                "csv:" + fresh,
                "--ignore-columns",
                "Id",
                "--out",
                predictions.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(predict.err())
                .contains("note: " + fresh + ": column 'note' is not a feature of the model: ignored"
                        + " (a label column is named with --label-column)")
                .contains("note: " + fresh + ": levels not seen in training, read as other: colour: 'purple' ×1");
        List<String> rows = Files.readAllLines(predictions);
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).isEqualTo("row,predicted,p_no,p_yes");
        // y and blue → no; n and red → no; y and red → yes (what the rule says, whatever the gaps)
        assertThat(rows.get(1)).startsWith("1,no,");
        assertThat(rows.get(4)).startsWith("4,yes,");

        // A labelled file of the same kind, its label found by name as in the search, evaluated.
        Path labelled = TestFiles.write(
                dir.resolve("labelled.csv"),
                people(120, 2).replaceFirst(",green,", ",purple,").getBytes(StandardCharsets.UTF_8));
        CliRun eval = CliRun.of(
                "evaluate",
                "--model",
                out.resolve("ensemble").toString(),
                "--data",
                "csv:" + labelled,
                "--ignore-columns",
                "Id",
                "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(Json.MAPPER.readTree(eval.out()).get("accuracy").asDouble()).isGreaterThan(0.8);
        assertThat(eval.err())
                .isEqualTo("warning: " + labelled + ": levels not seen in training, read as other:"
                        + " colour: 'purple' ×1\n");
        CliRun withId = CliRun.of("evaluate", "--model", out.resolve("ensemble").toString(), "--data", "csv:" + csv);
        assertThat(withId.exitCode()).isEqualTo(1);
        assertThat(withId.err())
                .isEqualTo("error: csv:" + csv + ": its feature columns do not match the ensemble's;"
                        + " not features of the ensemble: Id (name the label with --label-column, leave others out with"
                        + " --ignore-columns)\n");
        CliRun show = CliRun.of("datasets", "show", "csv:" + csv, "--label-column", "outcome");
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out())
                .containsPattern("colour +categorical +\\d+  blue \\(\\d+\\), green \\(\\d+\\),"
                        + " red \\(\\d+\\), teal \\(5\\)")
                .containsPattern("smoker +boolean +0")
                .containsPattern("age +numeric +40");
    }

    @Test
    void aRegressionTargetIsRecognisedAndSearched() throws Exception {
        StringBuilder sb = new StringBuilder("rooms,medv\n");
        for (int i = 0; i < 60; i++) {
            sb.append(i % 6)
                    .append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.1f", 10 + i * 0.37))
                    .append('\n');
        }
        Path csv = TestFiles.write(dir.resolve("houses.csv"), sb.toString().getBytes(StandardCharsets.UTF_8));
        CliRun search = CliRun.of(
                "search",
                "--data",
                "csv:" + csv,
                "--iterations",
                "1",
                "--steps",
                "10",
                "--batch",
                "16",
                "--out",
                dir.resolve("r").toString());
        assertThat(search.exitCode()).as(search.err()).isZero();
        // the first line says what the search runs and on which preset's choices, the next how the table was read
        assertThat(search.out().lines().findFirst().orElseThrow())
                .startsWith("searching ")
                .contains(": preset validated, ");
        assertThat(search.out().lines().skip(1).findFirst().orElseThrow())
                .startsWith("label medv: 60 distinct decimal values → a regression target");
        assertThat(search.out()).contains("random holdout").containsPattern("test RMSE [0-9.]+, R² ");
        JsonNode report = Json.MAPPER.readTree(dir.resolve("r/report.json").toFile());
        assertThat(report.at("/dataset/task").asText()).isEqualTo("regression");
        assertThat(report.at("/final/regression/rmse").asDouble()).isPositive();
        CliRun pair = CliRun.of(
                "search",
                "--data",
                "csv:" + csv,
                "--pair",
                "1,2",
                "--out",
                dir.resolve("p").toString());
        assertThat(pair.exitCode()).isEqualTo(2);
        assertThat(pair.err().strip())
                .isEqualTo("error: --pair picks two classes, but the target is learnt by regression (it has no"
                        + " classes): leave --pair out, or use --task classification");
        CliRun bad = CliRun.of(
                "search",
                "--data",
                "csv:" + csv,
                "--task",
                "numbers",
                "--out",
                dir.resolve("s").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--task must be classification or regression, got 'numbers'");
    }

    @Test
    void aTableSmallerThanTheDefaultBatchTrainsOnAllItsRows() throws Exception {
        StringBuilder sb = new StringBuilder("a,b,outcome\n");
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 50; i++) {
            double a = rng.nextDouble();
            double b = rng.nextDouble();
            sb.append(String.format(java.util.Locale.ROOT, "%.3f,%.3f,%s%n", a, b, a + b > 1 ? "yes" : "no"));
        }
        Path csv = TestFiles.write(dir.resolve("small.csv"), sb.toString().getBytes(StandardCharsets.UTF_8));
        CliRun search = CliRun.of(
                "search",
                "--data",
                "csv:" + csv,
                "--iterations",
                "1",
                "--out",
                dir.resolve("small").toString());
        assertThat(search.exitCode()).as(search.err()).isZero();
        // 50 rows: 40 train the search, less the validation part's 4
        assertThat(search.err()).contains("note: batches of 36, every training row (the default 64");
        JsonNode run = Json.MAPPER.readTree(dir.resolve("small/run.json").toFile());
        assertThat(run.at("/config/budget/batchSize").asInt()).isEqualTo(36);
        CliRun given = CliRun.of(
                "search",
                "--data",
                "csv:" + csv,
                "--batch",
                "64",
                "--out",
                dir.resolve("given").toString());
        assertThat(given.exitCode()).isEqualTo(2);
        assertThat(given.err().strip())
                .isEqualTo("error: --batch 64 is larger than the 36 training samples: choose at most 36");
    }
}
