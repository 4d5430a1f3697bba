package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.run.HtmlReport;
import org.saepj.testing.TestFiles;

/** {@code compare} and {@code demo} in-process on the fixture, with report.html rendered by headless Chromium. */
class CompareCommandTest {
    @TempDir
    static Path root;

    static String dataDir;
    static Path out;
    static CliRun compared;

    @BeforeAll
    static void compareOnce() {
        TestFiles.fashionMnistFixture(root.resolve("data").resolve("fashion-mnist"));
        dataDir = root.resolve("data").toString();
        out = root.resolve("cmp");
        compared = CliRun.of(
                "compare",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--model", // the paper's dnn: this test is not about the default space
                "dnn",
                "--methods",
                "adanet,pie,single",
                "--mixtures",
                "uniform,learned",
                "--seeds",
                "1,2",
                "--iterations",
                "4",
                "--steps",
                "160",
                "--out",
                out.toString());
    }

    @Test
    void writesRunsSummaryCsvPlotsAndReport() throws Exception {
        assertThat(compared.exitCode()).as(compared.err()).isZero();
        // adanet × 2 mixtures × 2 seeds + pie × 2 × 2 + single × 2 seeds
        assertThat(compared.out())
                .contains("[10/10]")
                .contains("adanet/uniform")
                .contains("single/-")
                .contains("report: ");
        JsonNode json = Json.MAPPER.readTree(out.resolve("comparison.json").toFile());
        assertThat(json.get("runs")).hasSize(10);
        assertThat(json.get("summary")).hasSize(5);
        for (JsonNode s : json.get("summary")) {
            for (String key : List.of(
                    "method",
                    "mixture",
                    "accuracyMean",
                    "accuracyStd",
                    "ensembleSizeMean",
                    "ensembleSizeStd",
                    "parametersMean",
                    "secondsMean",
                    "depthMean",
                    "depthMax",
                    "diversityMean")) {
                assertThat(s.has(key)).as(key).isTrue();
            }
        }
        JsonNode single = json.get("runs").get(8);
        assertThat(single.get("method").asText()).isEqualTo("single");
        assertThat(single.get("ensembleSize").asInt()).isEqualTo(1);
        assertThat(Files.readAllLines(out.resolve("comparison.csv"))).hasSize(11);
        for (String png : List.of(
                "accuracy.png",
                "ensemble-size.png",
                "diversity.png",
                "accuracy-vs-size.png",
                "depth.png",
                "pareto.png")) {
            byte[] bytes = Files.readAllBytes(out.resolve(png));
            assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html.split("data:image/png;base64,", -1)).hasSize(7);
        assertThat(html).contains("<td>pie</td><td>learned</td>").contains("<h2>Summary</h2>");
        // The best per metric: accuracy among all rows, size among the searches (the single network is one member).
        assertThat(html)
                .contains("<h2>Best per metric</h2>")
                .contains("<td>test accuracy (mean)</td><td>")
                .containsPattern("<td>ensemble size \\(mean\\)</td><td>(adanet|pie)/[a-z]+.*</td><td>[0-9.]+</td>"
                        + "<td>among the searches")
                .containsPattern("Test accuracy by iteration \\(mean ± std over runs; accuracy axis \\d\\.\\d\\d to");
        JsonNode best = json.get("summary");
        double top = 0;
        for (JsonNode s : best) {
            top = Math.max(top, s.get("accuracyMean").asDouble());
        }
        assertThat(html).contains(String.format(java.util.Locale.ROOT, "<td>%.4f</td><td>all</td>", top));
        // Each run's row links to that run's own report, which exists.
        assertThat(html).contains("<a href=\"runs/pie-learned-seed2/report.html\">runs/pie-learned-seed2</a>");
        Path run = out.resolve("runs").resolve("pie-learned-seed2");
        assertThat(run.resolve("report.json")).exists();
        assertThat(run.resolve("report.html")).exists();
        assertThat(run.resolve("accuracy.png")).exists();
    }

    @Test
    void depthAndDiversityAreTheRunsOwnAndMaxMembersCapsEveryPruningMethod() throws Exception {
        assertThat(compared.exitCode()).isZero();
        JsonNode json = Json.MAPPER.readTree(out.resolve("comparison.json").toFile());
        for (JsonNode r : json.get("runs")) {
            JsonNode report =
                    Json.MAPPER.readTree(out.resolve(r.get("directory").asText())
                            .resolve("report.json")
                            .toFile());
            JsonNode its = report.get("iterations");
            JsonNode depths = its.get(its.size() - 1).get("memberDepths");
            int max = 0;
            double sum = 0;
            for (JsonNode d : depths) {
                max = Math.max(max, d.asInt());
                sum += d.asInt();
            }
            assertThat(r.get("maxDepth").asInt()).isEqualTo(max);
            assertThat(r.get("meanDepth").asDouble())
                    .isCloseTo(sum / depths.size(), org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(compared.out()).contains("depth").contains("max");
        Path capped = root.resolve("capped");
        CliRun run = CliRun.of(
                "compare",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--model", // the paper's dnn: this test is not about the default space
                "dnn",
                "--methods",
                "adanet,re,pie",
                "--max-members",
                "2",
                "--seeds",
                "1",
                "--iterations",
                "6",
                "--steps",
                "240",
                "--out",
                capped.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode c = Json.MAPPER.readTree(capped.resolve("comparison.json").toFile());
        assertThat(c.at("/plan/criterionParameters/keep").asDouble()).isEqualTo(2.0);
        for (JsonNode r : c.get("runs")) {
            JsonNode report =
                    Json.MAPPER.readTree(capped.resolve(r.get("directory").asText())
                            .resolve("report.json")
                            .toFile());
            if (r.get("method").asText().equals("adanet")) {
                assertThat(report.at("/config/criterion/parameters/keep").isMissingNode())
                        .isTrue(); // adanet prunes nothing: no cap
            } else {
                assertThat(report.at("/config/criterion/parameters/keep").asDouble())
                        .as(r.toString())
                        .isEqualTo(2.0);
                assertThat(r.get("ensembleSize").asInt()).as(r.toString()).isLessThanOrEqualTo(3);
            }
        }
    }

    @Test
    void reportRendersInHeadlessChromiumWithoutBrokenImages() throws Exception {
        assertThat(compared.exitCode()).isZero();
        HeadlessChromium.assumePresent();
        assertThat(HeadlessChromium.brokenImages(out.resolve("report.html"))).isEqualTo(0);
        Path screenshot = root.resolve("report.png");
        HeadlessChromium.screenshot(out.resolve("report.html"), screenshot);
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        // The check itself can fail: a page with a broken image is caught.
        Path broken = root.resolve("broken.html");
        Files.writeString(
                broken,
                new HtmlReport("broken")
                        .image("not a png", new byte[] {1, 2, 3})
                        .render());
        assertThat(HeadlessChromium.brokenImages(broken)).isEqualTo(1);
    }

    @Test
    void badListsAreUsageErrors() {
        CliRun run = CliRun.of(
                "compare",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--model", // the paper's dnn: this test is not about the default space
                "dnn",
                "--methods",
                "adanet,magic",
                "--out",
                root.resolve("x").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: --methods: unknown method 'magic'");
        CliRun seeds = CliRun.of(
                "compare",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--model", // the paper's dnn: this test is not about the default space
                "dnn",
                "--seeds",
                "1,two",
                "--out",
                root.resolve("y").toString());
        assertThat(seeds.exitCode()).isEqualTo(2);
        assertThat(seeds.err()).startsWith("error: --seeds must be");
    }

    @Test
    void demoComparesOnFashionMnist() throws Exception {
        Path demo = root.resolve("demo");
        CliRun run = CliRun.of(
                "demo",
                "--data-dir",
                dataDir,
                "--iterations",
                "3",
                "--steps",
                "90",
                "--seeds",
                "1",
                "--out",
                demo.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("using fashion-mnist from")
                .contains("adanet/uniform")
                .contains("pie/uniform")
                .contains("prs/uniform")
                .contains("pap/uniform")
                .contains("report: " + demo.resolve("report.html"));
        assertThat(run.out().lines().findFirst().orElseThrow())
                .as("the first line says which settings the demo runs")
                .isEqualTo("settings: --preset paper (the paper's: selection and pruning on the training"
                        + " data, fixed steps, the last iteration)");
        // The demo keeps the paper's settings while search and compare default to the validated preset.
        JsonNode base =
                Json.MAPPER.readTree(demo.resolve("comparison.json").toFile()).at("/plan/base");
        assertThat(base.at("/data/selection/holdoutFraction").asDouble()).isZero();
        assertThat(base.at("/validation/finalEnsemble").asText()).isEqualTo("last");
        assertThat(base.at("/validation/earlyStopping/patience").asInt()).isZero();
        assertThat(base.at("/budget/epochs").isMissingNode()
                        || base.at("/budget/epochs").isNull())
                .isTrue();
        // The demo stores its plan as compare does: `compare --resume`, which Ctrl-C names, continues it on the
        // same data.
        CliRun resumed = CliRun.of("compare", "--resume", demo.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("(already complete)");
        // A second demo reuses its own directory, an interrupted one (its plan, no results) too.
        Files.delete(demo.resolve("comparison.json"));
        CliRun again = CliRun.of(
                "demo",
                "--data-dir",
                dataDir,
                "--iterations",
                "2",
                "--steps",
                "40",
                "--seeds",
                "1",
                "--out",
                demo.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Json.MAPPER
                        .readTree(demo.resolve("comparison.json").toFile())
                        .at("/plan/base/budget/iterations")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void atATimeBudgetEveryMethodIncludingTheBaselinesEndsWithinTheSameTime() throws Exception {
        Path dir = root.resolve("timed");
        double budget = 4;
        CliRun r = CliRun.of(
                "compare",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--methods",
                "adanet,pie,single,deep-ensemble-3",
                "--seeds",
                "1",
                "--iterations",
                "4",
                "--max-time",
                "4s",
                "--threads",
                "2",
                "--out",
                dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("every run is planned within 4 s (--max-time)")
                .contains("every run planned within the same 4 s (--max-time; a deep ensemble's members share it)");
        JsonNode cmp = Json.MAPPER.readTree(dir.resolve("comparison.json").toFile());
        assertThat(cmp.at("/plan/base/budget/stopping/maxSeconds").asDouble()).isEqualTo(budget);
        assertThat(cmp.path("runs")).hasSize(4);
        for (JsonNode run : cmp.path("runs")) {
            // generous: the guard keeps to the time unless the machine slows down several-fold mid-run
            assertThat(run.path("totalSeconds").asDouble()).as(run.toString()).isLessThan(3 * budget + 5);
            JsonNode report =
                    Json.MAPPER.readTree(dir.resolve(run.path("directory").asText())
                            .resolve("report.json")
                            .toFile());
            assertThat(report.at("/config/budget/stopping/plan/budgetSeconds").asDouble())
                    .as(run.toString())
                    .isEqualTo(budget);
        }
        JsonNode deep = Json.MAPPER.readTree(
                dir.resolve(cmp.path("runs").get(3).path("directory").asText())
                        .resolve("report.json")
                        .toFile());
        assertThat(deep.at("/config/budget/stopping/plan/iterations").asInt())
                .as("a deep ensemble keeps its members and shares the time")
                .isEqualTo(3);
        // the baselines measure early stopping at one candidate's share (1/4, 3/4 of a member) of their planned steps
        int deepShare = Math.max(1, deep.at("/config/budget/totalSteps").asInt() / 3 * 3 / 4);
        assertThat(deep.at("/config/validation/earlyStopping/every").asInt()).isEqualTo(Math.max(1, deepShare / 20));
        assertThat(deep.at("/dataUse/earlyStopping").asText()).contains("the search's candidates' interval");
        JsonNode single = Json.MAPPER.readTree(
                dir.resolve(cmp.path("runs").get(2).path("directory").asText())
                        .resolve("report.json")
                        .toFile());
        int singleShare = Math.max(1, single.at("/config/budget/totalSteps").asInt() / 4);
        assertThat(single.at("/config/validation/earlyStopping/every").asInt())
                .isEqualTo(Math.max(1, singleShare / 20));
        assertThat(single.at("/config/validation/checkBasis/steps").asInt()).isEqualTo(singleShare);
    }
}
