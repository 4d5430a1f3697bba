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
import org.saepj.cli.option.SearchOptions;
import org.saepj.testing.TestFiles;

/** In-process runs of search, evaluate, predict and prune on the Fashion-MNIST fixture. */
class SearchCommandTest {
    @TempDir
    static Path root;

    static String dataDir;
    static Path run;
    static CliRun searched;

    static final String[] SMALL = {"--iterations", "5", "--steps", "300", "--threads", "2", "--quiet"};

    static String[] args(String... head) {
        String[] all = new String[head.length + SMALL.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(SMALL, 0, all, head.length, SMALL.length);
        return all;
    }

    @BeforeAll
    static void searchOnce() {
        TestFiles.fashionMnistFixture(root.resolve("data").resolve("fashion-mnist"));
        dataDir = root.resolve("data").toString();
        run = root.resolve("run");
        searched = CliRun.of(args(
                "search",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--method",
                "pap",
                // the paper's configuration: the whole training partition trains the candidates (trainSize below)
                "--preset",
                "paper",
                "--out",
                run.toString()));
    }

    @Test
    void warningsReachTheErrorStreamEvenWhenQuiet() throws Exception {
        Path out = root.resolve("too-fast");
        CliRun r = CliRun.of(
                "search",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--lr",
                "50",
                "--iterations",
                "2",
                "--steps",
                "40",
                "--threads",
                "2",
                "--model", // the paper's dnn: this is about members and warnings, not the default space
                "dnn",
                "--quiet",
                "--out",
                out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err())
                .as("the budget is warned about before the search, the candidates as they end")
                .startsWith("warning: each candidate trains 20 steps, fewer than 50: too few to learn; raise --steps")
                .contains("\nwarning: iteration 0: candidate ")
                .contains("either the steps are too few to learn (raise --steps) or the learning rate 50.0 is"
                        + " too high (lower --lr)");
        assertThat(Files.readString(out.resolve("search.log"))).contains("warning: iteration 0: candidate ");

        CliRun c = CliRun.of(
                "compare",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--methods",
                "adanet",
                "--seeds",
                "4",
                "--lr",
                "50",
                "--iterations",
                "2",
                "--steps",
                "40",
                "--threads",
                "2",
                "--quiet",
                "--out",
                root.resolve("too-fast-compare").toString());
        assertThat(c.exitCode()).as(c.err()).isZero();
        assertThat(c.err()).contains("adanet-uniform-seed4: warning: iteration 0: candidate ");
        assertThat(searched.err()).doesNotContain("warning");
    }

    @Test
    void searchWritesReportCsvLogAndEnsemble() throws Exception {
        assertThat(searched.exitCode()).as(searched.err()).isZero();
        assertThat(searched.out()).contains("test accuracy").contains("results in " + run);
        JsonNode report = Json.MAPPER.readTree(run.resolve("report.json").toFile());
        assertThat(report.get("schemaVersion").asInt()).isEqualTo(3);
        for (String key : List.of("config", "dataset", "final", "members", "iterations", "timing", "provenance")) {
            assertThat(report.has(key)).as(key).isTrue();
        }
        assertThat(report.at("/preset").asText()).isEqualTo("paper");
        assertThat(report.at("/config/seed").asLong()).isEqualTo(1);
        assertThat(report.at("/config/criterion/id").asText()).isEqualTo("pap");
        for (String key : List.of("name", "source", "classes", "trainSize", "testSize", "pair", "sha256")) {
            assertThat(report.get("dataset").has(key)).as(key).isTrue();
        }
        assertThat(report.at("/dataset/trainSize").asInt()).isEqualTo(1000);
        for (String key : List.of(
                "testAccuracy", "testLoss", "ensembleSize", "parameters", "diversity", "inferenceSamplesPerSecond")) {
            assertThat(report.get("final").has(key)).as(key).isTrue();
        }
        for (String key : List.of("disagreement", "disagreementWithLabels", "qStatistic", "kappa", "doubleFault")) {
            assertThat(report.at("/final/diversity").has(key)).as(key).isTrue();
        }
        JsonNode member = report.get("members").get(0);
        for (String key :
                List.of("id", "iteration", "name", "seed", "architecture", "optimizer", "weight", "parameters")) {
            assertThat(member.has(key)).as(key).isTrue();
        }
        assertThat(report.get("iterations")).hasSize(5);
        JsonNode it = report.get("iterations").get(0);
        for (String key : List.of(
                "iteration",
                "pruned",
                "pruneDecision",
                "candidates",
                "ensembleSize",
                "selectionObjective",
                "testAccuracy",
                "diversity",
                "trainSeconds",
                "seconds")) {
            assertThat(it.has(key)).as(key).isTrue();
        }
        for (String key : List.of("name", "depth", "objective", "trainLoss", "selected")) {
            assertThat(it.get("candidates").get(0).has(key)).as(key).isTrue();
        }
        for (String key : List.of("totalSeconds", "trainSeconds")) {
            assertThat(report.get("timing").has(key)).isTrue();
        }
        for (String key : List.of("version", "gitCommit", "java", "engine", "threads", "startedAt")) {
            assertThat(report.get("provenance").has(key)).as(key).isTrue();
        }
        assertThat(Files.readAllLines(run.resolve("iterations.csv")))
                .hasSize(6)
                .first()
                .asString()
                .startsWith("iteration,selected");
        assertThat(Files.readString(run.resolve("search.log")))
                .as("iterations count from 0, as in the files")
                .contains("iteration 4 started with ")
                .contains("iteration 4: ")
                .doesNotContain("iteration 5")
                .contains("done: test accuracy");
        assertThat(run.resolve("ensemble").resolve("manifest.json")).exists();
    }

    @Test
    void evaluateReproducesTheReportExactly() throws Exception {
        JsonNode report = Json.MAPPER.readTree(run.resolve("report.json").toFile());
        CliRun eval = CliRun.of(
                "evaluate",
                "--model",
                run.resolve("ensemble").toString(),
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        JsonNode result = Json.MAPPER.readTree(eval.out());
        assertThat(result.get("accuracy").asDouble())
                .isEqualTo(report.at("/final/testAccuracy").asDouble());
        assertThat(result.get("loss").asDouble())
                .isEqualTo(report.at("/final/testLoss").asDouble());
        assertThat(result.get("ensembleSize").asInt())
                .isEqualTo(report.at("/final/ensembleSize").asInt());
        assertThat(result.get("samples").asInt()).isEqualTo(500);
        CliRun text = CliRun.of(
                "evaluate",
                "--model",
                run.resolve("ensemble").toString(),
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir);
        assertThat(text.out())
                .contains(String.format(
                        "accuracy       %.4f", report.at("/final/testAccuracy").asDouble()));
        // The metrics: the same in evaluate and the report; the confusion matrix's diagonal is the accuracy.
        assertThat(result.get("metrics")).isEqualTo(report.at("/final/classification"));
        JsonNode confusion = result.at("/metrics/confusion");
        int diagonal = 0;
        int total = 0;
        for (int t = 0; t < confusion.size(); t++) {
            for (int p = 0; p < confusion.size(); p++) {
                total += confusion.get(t).get(p).asInt();
                diagonal += t == p ? confusion.get(t).get(p).asInt() : 0;
            }
        }
        assertThat(total).isEqualTo(500);
        assertThat((double) diagonal / total).isEqualTo(result.get("accuracy").asDouble());
        assertThat(result.at("/metrics/rocAuc").isNull())
                .as("ten classes: no binary AUC")
                .isTrue();
        assertThat(text.out())
                .contains("macro F1       ")
                .contains("true \\ predicted  T-shirt/top")
                .contains("class        precision");
        assertThat(java.nio.file.Files.readString(run.resolve("report.html")))
                .contains("Confusion matrix (test data)")
                .contains("macro F1");
    }

    @Test
    void predictWritesOneRowPerSampleWithProbabilities() throws Exception {
        Path csv = root.resolve("pred.csv");
        CliRun pred = CliRun.of(
                "predict",
                "--model",
                run.resolve("ensemble").toString(),
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--out",
                csv.toString());
        assertThat(pred.exitCode()).as(pred.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(501);
        assertThat(lines.get(0)).startsWith("index,predicted,p_T-shirt/top,p_Trouser");
        String[] first = lines.get(1).split(",");
        assertThat(first).hasSize(12);
        double sum = 0;
        for (int i = 2; i < first.length; i++) {
            sum += Double.parseDouble(first[i]);
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
    }

    @Test
    void pruneASavedEnsembleAndLoadTheResult() throws Exception {
        Path out = root.resolve("pruned");
        CliRun prune = CliRun.of(
                "prune",
                "--model",
                run.resolve("ensemble").toString(),
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--method",
                "pie",
                "--out",
                out.toString());
        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(prune.out())
                .contains("kept")
                .contains("saved the pruned ensemble")
                .contains("vote accuracy on the decision data: ")
                .containsPattern("kept     0 \\([a-z0-9-]+#\\d+\\)");
        CliRun eval =
                CliRun.of("evaluate", "--model", out.toString(), "--data", "fashion-mnist", "--data-dir", dataDir);
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        // In JSON: the members' names beside their indices, and the vote on the source's test rows, held out.
        CliRun json = CliRun.of(
                "prune",
                "--model",
                run.resolve("ensemble").toString(),
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--method",
                "re",
                "--keep",
                "2",
                "--json",
                "--out",
                root.resolve("pruned-re").toString());
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode r = Json.MAPPER.readTree(json.out());
        assertThat(r.get("keptNames")).hasSize(2);
        assertThat(r.get("memberNames").size())
                .isEqualTo(r.get("kept").size() + r.get("pruned").size());
        assertThat(r.get("classes").get(0).asText()).isEqualTo("T-shirt/top");
        assertThat(r.at("/voteAccuracy/before").asDouble()).isBetween(0.0, 1.0);
        assertThat(r.at("/heldOutVoteAccuracy/rows").asText()).contains("test");
        assertThat(r.at("/heldOutVoteAccuracy/samples").asInt()).isPositive();
    }

    @Test
    void eachMembersOwnAccuracyIsWhatThatMemberAloneScores() throws Exception {
        // AdaNet keeps its three members here: topk can then keep one alone (criteria decide from three members on).
        Path three = root.resolve("three-members");
        CliRun search = CliRun.of(
                "search",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--method",
                "adanet",
                "--iterations",
                "4",
                "--steps",
                "400",
                "--threads",
                "2",
                "--model", // the paper's dnn: this is about members and warnings, not the default space
                "dnn",
                "--quiet",
                "--out",
                three.toString());
        assertThat(search.exitCode()).as(search.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(three.resolve("report.json").toFile());
        JsonNode own = report.at("/final/memberTestAccuracies");
        assertThat(report.get("members")).hasSize(3);
        assertThat(own).hasSize(3);
        assertThat(report.at("/final/memberTrainAccuracies")).hasSize(3);
        assertThat(report.at("/final/trainAccuracy").asDouble()).isBetween(0.0, 1.0);
        // The member topk keeps alone, saved as an ensemble of one and evaluated on the test data.
        Path one = root.resolve("one-member");
        CliRun prune = CliRun.of(
                "prune",
                "--model",
                three.resolve("ensemble").toString(),
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--method",
                "topk",
                "--keep",
                "1",
                "--json",
                "--out",
                one.toString());
        assertThat(prune.exitCode()).as(prune.err()).isZero();
        JsonNode kept = Json.MAPPER.readTree(prune.out()).get("kept");
        assertThat(kept).hasSize(1);
        CliRun eval = CliRun.of(
                "evaluate", "--model", one.toString(), "--data", "fashion-mnist", "--data-dir", dataDir, "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(Json.MAPPER.readTree(eval.out()).get("accuracy").asDouble())
                .isEqualTo(own.get(kept.get(0).asInt()).asDouble());
        String html = Files.readString(run.resolve("report.html"));
        assertThat(html)
                .contains("<h2>What happened</h2>\n<p>The final ensemble of ")
                .contains("<th>own test accuracy</th>")
                .contains("<li>ensembleError: ")
                .contains("<tr><th>budget › total steps</th><td>300</td></tr>")
                .containsPattern("Test accuracy by iteration; accuracy axis \\d\\.\\d\\d to \\d\\.\\d\\d");
    }

    @Test
    void foldsWriteOneDirectoryPerFoldAndASummary() throws Exception {
        Path out = root.resolve("folds");
        CliRun folds = CliRun.of(
                "search",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--pair",
                "4,9",
                "--folds",
                "2",
                "--iterations",
                "2",
                "--steps",
                "40",
                "--quiet",
                "--out",
                out.toString());
        assertThat(folds.exitCode()).as(folds.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        assertThat(report.get("folds")).hasSize(2);
        for (String key :
                List.of("testAccuracyMean", "testAccuracyStd", "ensembleSizeMean", "ensembleSizeStd", "totalSeconds")) {
            assertThat(report.get("summary").has(key)).as(key).isTrue();
        }
        assertThat(out.resolve("fold-1").resolve("report.json")).exists();
        assertThat(java.nio.file.Files.readString(out.resolve("report.html")))
                .contains("Summary over the folds")
                .contains("<a href=\"fold-2/report.html\">fold-2</a>")
                .contains("<h2>What happened</h2>\n<p>Over 2 folds the test accuracy is ")
                .contains("The best fold is fold ");
        // each fold's best member alone, as the fold's own report records its members' accuracies
        for (int k = 1; k <= 2; k++) {
            JsonNode own = Json.MAPPER
                    .readTree(out.resolve("fold-" + k).resolve("report.json").toFile())
                    .at("/final/memberTestAccuracies");
            double best = 0;
            for (JsonNode a : own) {
                best = Math.max(best, a.asDouble());
            }
            assertThat(report.at("/folds/" + (k - 1) + "/bestMemberAccuracy").asDouble())
                    .isEqualTo(best);
        }
        assertThat(out.resolve("fold-2").resolve("ensemble").resolve("manifest.json"))
                .exists();
        JsonNode fold = Json.MAPPER.readTree(
                out.resolve("fold-2").resolve("report.json").toFile());
        assertThat(fold.at("/dataset/classes").toString()).isEqualTo("[\"Coat\",\"Ankle boot\"]");
        CliRun eval = CliRun.of(
                "evaluate",
                "--model",
                out.resolve("fold-2").resolve("ensemble").toString(),
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--json");
        assertThat(Json.MAPPER.readTree(eval.out()).get("accuracy").asDouble())
                .isEqualTo(fold.at("/final/testAccuracy").asDouble());
        assertThat(Json.MAPPER.readTree(eval.out()).at("/metrics/rocAuc").asDouble())
                .as("two classes: a ROC AUC")
                .isBetween(0.5, 1.0);
    }

    @Test
    void aTimeBudgetIsPlannedAndThePlanIsSaidAndStoredInTheReportAndRunJson() throws Exception {
        Path out = root.resolve("planned");
        CliRun r = CliRun.of(
                "search",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--max-time",
                "15s",
                "--iterations",
                "3",
                "--steps",
                "600",
                "--threads",
                "2",
                "--out",
                out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(1))
                .isEqualTo("the 15 s time budget is planned next: the steps and iterations that fit it");
        int said = lines.indexOf(lines.stream()
                .filter(l -> l.startsWith("time plan for 15 s: "))
                .findFirst()
                .orElseThrow());
        assertThat(said).as("the plan is said before the first iteration").isLessThan(5);
        JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        JsonNode plan = report.at("/config/budget/stopping/plan");
        int steps = plan.get("steps").asInt();
        assertThat(steps).isBetween(1, 200);
        assertThat(plan.get("secondsPerStep").asDouble()).isPositive();
        assertThat(report.at("/config/budget/totalSteps").asInt()).isEqualTo(3 * steps);
        // generous: a loaded machine may slow an iteration past its prediction, never by this much
        assertThat(report.at("/timing/totalSeconds").asDouble()).isLessThan(35);
        JsonNode run = Json.MAPPER.readTree(out.resolve("run.json").toFile());
        assertThat(run.at("/config/budget/stopping/plan")).isEqualTo(plan);
        assertThat(Files.readString(out.resolve("search.log"))).contains("time plan for 15 s");
    }

    @Test
    void aTimeBudgetEndsTheSearchWithACompleteReport() throws Exception {
        Path out = root.resolve("budget");
        CliRun r = CliRun.of(
                "search",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--max-time",
                "0.001s",
                "--stop-early",
                "--iterations",
                "4",
                "--steps",
                "80",
                "--threads",
                "2",
                "--out",
                out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("stopped after 1 iteration: the time budget of 0 s was spent");
        JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/stoppedEarly/iterationsRun").asInt()).isEqualTo(1);
        assertThat(report.at("/config/budget/stopping/maxSeconds").asDouble()).isEqualTo(0.001);
        assertThat(report.at("/config/budget/stopping/whenNoImprovement").asBoolean())
                .isTrue();
        assertThat(Files.readString(out.resolve("report.html"))).contains("stopped early");
        assertThat(out.resolve("ensemble").resolve("manifest.json")).exists();
        CliRun bad = CliRun.of(
                "search",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--max-time",
                "5x",
                "--out",
                root.resolve("bad-budget").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err())
                .isEqualTo("error: --max-time must be a positive duration such as 90s, 20m or 2h, got '5x'\n");
        assertThat(SearchOptions.seconds("2h")).isEqualTo(7200);
        assertThat(SearchOptions.seconds("20m")).isEqualTo(1200);
        assertThat(SearchOptions.seconds("90")).isEqualTo(90);
    }

    @Test
    void aSearchSpaceFileDrivesTheSearchAndTravelsWithTheRun() throws Exception {
        Path space = Path.of("..", "examples", "spaces", "cnn-and-dnn.json");
        Path out = root.resolve("space-run");
        CliRun r = CliRun.of(
                "search",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--space",
                space.toString(),
                "--method",
                "pap",
                "--iterations",
                "3",
                "--steps",
                "60",
                "--threads",
                "2",
                "--out",
                out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("space cnn-and-dnn");
        JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/config/space/definition/name").asText()).isEqualTo("cnn-and-dnn");
        assertThat(report.at("/config/space/definition/families/1/depths/rule").asText())
                .isEqualTo("adanet");
        assertThat(report.at("/iterations/0/candidates").size()).isEqualTo(3);
        JsonNode stored = Json.MAPPER.readTree(out.resolve("run.json").toFile());
        assertThat(stored.at("/config/space/definition/name").asText())
                .as("the space is stored whole")
                .isEqualTo("cnn-and-dnn");
        JsonNode manifest = Json.MAPPER.readTree(
                out.resolve("ensemble").resolve("manifest.json").toFile());
        assertThat(manifest.get("config"))
                .as("the saved ensemble holds the whole configuration")
                .isEqualTo(stored.get("config"));
        CliRun eval = CliRun.of(
                "evaluate",
                "--model",
                out.resolve("ensemble").toString(),
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--json");
        assertThat(Json.MAPPER.readTree(eval.out()).get("accuracy").asDouble())
                .isEqualTo(report.at("/final/testAccuracy").asDouble());
        CliRun both = CliRun.of(
                "search",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--space",
                space.toString(),
                "--model",
                "cnn",
                "--out",
                root.resolve("both").toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--space and --model exclude each other");
        Path bad = TestFiles.write(
                root.resolve("bad-space.json"),
                Files.readString(space)
                        .replace("\"dense\": 64", "\"dense\": -1")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CliRun wrong = CliRun.of(
                "search",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--space",
                bad.toString(),
                "--out",
                root.resolve("bad").toString());
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).isEqualTo("error: " + bad + ": families[0].dense: must be between 1 and 4096\n");
    }

    @Test
    void aPairCanBeGivenByClassNames() throws Exception {
        Path out = root.resolve("pair-by-name");
        CliRun r = CliRun.of(
                "search",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--pair",
                "coat,Bag",
                "--iterations",
                "2",
                "--steps",
                "40",
                "--threads",
                "2",
                "--quiet",
                "--out",
                out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/config/data/pair").toString()).isEqualTo("[4,8]");
        assertThat(report.at("/dataset/classes").toString()).isEqualTo("[\"Coat\",\"Bag\"]");
        CliRun wrong = CliRun.of(
                "search",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--pair",
                "Cot,Bag",
                "--out",
                root.resolve("pair-wrong").toString());
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err())
                .startsWith("error: --pair: no class named 'Cot': the classes are T-shirt/top, Trouser, Pullover");
    }
}
