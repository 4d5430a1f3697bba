package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.testing.TestFiles;

/** {@code --preset}, {@code --validation} and the options of the choices made on the validation part. */
class ValidationOptionsTest {
    @TempDir
    static Path root;

    static String dataDir;

    @BeforeAll
    static void data() {
        TestFiles.fashionMnistFixture(root.resolve("data").resolve("fashion-mnist"));
        dataDir = root.resolve("data").toString();
    }

    private static CliRun search(String out, String... options) {
        return CliRun.of(args(out, options));
    }

    private static String[] args(String out, String... options) {
        String[] head = {
            "search",
            "--data",
            "fashion-mnist",
            "--data-dir",
            dataDir,
            "--model", // the paper's dnn whatever the choices: presets are under test (DefaultSpaceCliTest: spaces)
            "dnn",
            "--iterations",
            "4",
            "--steps",
            "800",
            "--threads",
            "2",
            "--quiet",
            "--out",
            root.resolve(out).toString()
        };
        String[] all = new String[head.length + options.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(options, 0, all, head.length, options.length);
        return all;
    }

    @Test
    void theValidatedPresetMakesEveryChoiceOnTheValidationPartAndTheReportSaysSo() throws Exception {
        CliRun r = search("validated", "--preset", "validated", "--method", "pap");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report =
                Json.MAPPER.readTree(root.resolve("validated/report.json").toFile());
        assertThat(report.at("/config/data/selection/holdoutFraction").asDouble())
                .isEqualTo(0.1);
        assertThat(report.at("/config/validation/earlyStopping/patience").asInt())
                .isEqualTo(5);
        assertThat(report.at("/config/validation/objectiveOn").asText()).isEqualTo("validation");
        assertThat(report.at("/config/validation/finalEnsemble").asText()).isEqualTo("best");
        // --steps given: the preset's data-scaled budget gives way to it
        assertThat(report.at("/config/budget/epochs").isNull()).isTrue();
        int chosen = report.at("/dataUse/finalEnsemble").asText().charAt("iteration ".length()) - '0';
        assertThat(report.at("/dataUse/finalEnsemble").asText())
                .endsWith(": the lowest ensemble loss on the validation part");
        assertThat(report.at("/final/testAccuracy").asDouble())
                .isEqualTo(report.at("/iterations/" + chosen + "/testAccuracy").asDouble());
        assertThat(report.at("/dataUse/pruning").asText()).isEqualTo("the validation part");
        assertThat(report.at("/dataUse/test").asText()).isEqualTo("measured only: no choice is made on it");
        assertThat(Files.readString(root.resolve("validated/report.html"))).contains("What each choice was made on");

        // Options given override the preset: the objective on the training data, the last iteration, no early stop.
        CliRun paperLike = search(
                "overridden", "--preset", "validated", "--objective-on", "train", "--final", "last", "--patience", "0");
        assertThat(paperLike.exitCode()).as(paperLike.err()).isZero();
        JsonNode other =
                Json.MAPPER.readTree(root.resolve("overridden/report.json").toFile());
        assertThat(other.at("/dataUse/objective").asText()).isEqualTo("the training data");
        assertThat(other.at("/dataUse/finalEnsemble").asText()).isEqualTo("iteration 3: the last");
        assertThat(other.at("/dataUse/earlyStopping").asText()).startsWith("none");
    }

    @Test
    void theValidatedPresetIsTheDefaultAndThePaperOneFlagAway() throws Exception {
        CliRun plain = CliRun.of(withoutQuiet(args("plain-args")));
        CliRun validated = search("validated-given", "--preset", "validated");
        CliRun paper = CliRun.of(withoutQuiet(args("paper-args", "--preset", "paper")));
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(validated.exitCode()).as(validated.err()).isZero();
        assertThat(paper.exitCode()).as(paper.err()).isZero();
        JsonNode a = Json.MAPPER.readTree(root.resolve("plain-args/report.json").toFile());
        JsonNode v =
                Json.MAPPER.readTree(root.resolve("validated-given/report.json").toFile());
        JsonNode b = Json.MAPPER.readTree(root.resolve("paper-args/report.json").toFile());
        assertThat(a.at("/config")).isEqualTo(v.at("/config"));
        assertThat(a.at("/final/testAccuracy").asDouble())
                .isEqualTo(v.at("/final/testAccuracy").asDouble());
        assertThat(a.at("/preset").asText()).isEqualTo("validated");
        assertThat(a.at("/dataUse/pruning").asText()).isEqualTo("the validation part");
        assertThat(plain.out().lines().findFirst().orElseThrow())
                .startsWith("searching fashion-mnist")
                .contains(": preset validated, ");
        // The paper's configuration: every choice on the training data, the last iteration, and the report says so.
        assertThat(b.at("/preset").asText()).isEqualTo("paper");
        assertThat(paper.out().lines().findFirst().orElseThrow()).contains(": preset paper, ");
        assertThat(b.at("/config/data/selection/holdoutFraction").asDouble()).isZero();
        assertThat(b.at("/config/validation/earlyStopping/patience").asInt()).isZero();
        assertThat(b.at("/dataUse/objective").asText()).isEqualTo("the training data");
        assertThat(b.at("/dataUse/finalEnsemble").asText()).isEqualTo("iteration 3: the last");
        // The same settings given one by one over the default preset are the paper's, bit for bit.
        CliRun spelled = search("paper-spelled", "--validation", "0", "--patience", "0", "--final", "last");
        assertThat(spelled.exitCode()).as(spelled.err()).isZero();
        JsonNode c =
                Json.MAPPER.readTree(root.resolve("paper-spelled/report.json").toFile());
        assertThat(c.at("/config")).isEqualTo(b.at("/config"));
        assertThat(c.at("/preset").asText()).isEqualTo("paper");
        assertThat(c.at("/final/testAccuracy").asDouble())
                .isEqualTo(b.at("/final/testAccuracy").asDouble());
        // An option that changes a preset's choice makes the settings no preset's.
        CliRun custom = search("custom", "--patience", "2");
        assertThat(custom.exitCode()).as(custom.err()).isZero();
        assertThat(Json.MAPPER
                        .readTree(root.resolve("custom/report.json").toFile())
                        .at("/preset")
                        .asText())
                .isEqualTo("custom");
    }

    /** @return the arguments without --quiet, to read the search's first line */
    private static String[] withoutQuiet(String[] args) {
        return java.util.Arrays.stream(args).filter(a -> !a.equals("--quiet")).toArray(String[]::new);
    }

    @Test
    void theValidatedPresetScalesEachCandidatesStepsToTheDataUnlessStepsAreGiven() throws Exception {
        CliRun r = CliRun.of(
                "search",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--iterations",
                "2",
                "--threads",
                "2",
                "--quiet",
                "--preset",
                "validated",
                "--model", // the paper's dnn: the budget is under test, not the default residual CNN
                "dnn",
                "--out",
                root.resolve("scaled").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report =
                Json.MAPPER.readTree(root.resolve("scaled/report.json").toFile());
        assertThat(report.at("/config/budget/epochs/count").asDouble()).isEqualTo(50);
        assertThat(report.at("/config/budget/epochs/minSteps").asInt()).isEqualTo(454);
        assertThat(report.at("/config/budget/epochs/maxSteps").asInt()).isEqualTo(5000);
        int rows = report.at("/dataset/trainSize").asInt();
        int planned = Math.max(454, Math.min(5000, (int) Math.ceil(50.0 * rows / 64)));
        for (JsonNode c : report.at("/iterations/0/candidates")) {
            assertThat(c.at("/stepsRun").asInt()).isBetween(1, planned);
        }
    }

    @Test
    void badValuesAreOneLineUsageErrorsNamingTheOption() {
        ErrorPathsTest.usage(
                search("e1", "--selection", "holdout:0.1", "--validation", "0.1"),
                "--selection and --validation exclude each other");
        ErrorPathsTest.usage(
                search("e2", "--preset", "paper", "--patience", "3"),
                "--validation needs a part of the training data held out for early stopping and the best iteration");
        ErrorPathsTest.usage(
                search("e3", "--validation", "1"), "--validation must be 0 (no validation part) or a fraction");
        ErrorPathsTest.usage(
                search("e4", "--preset", "modern"), "--preset 'modern' is not a preset: expected paper or validated");
        ErrorPathsTest.usage(
                search("e5", "--validation", "0.1", "--final", "sideways"),
                "--final 'sideways' is not understood: expected last or best");
        ErrorPathsTest.usage(search("e7", "--epochs", "3"), "--epochs and --steps exclude each other");
        ErrorPathsTest.usage(
                CliRun.of(
                        "search",
                        "--data",
                        "fashion-mnist",
                        "--data-dir",
                        dataDir,
                        "--epochs",
                        "-2",
                        "--out",
                        root.resolve("e8").toString()),
                "--epochs must be a number above 0, such as 20, got -2.0");
        ErrorPathsTest.usage(
                search("e6", "--validation", "0.1", "--patience", "-1"),
                "--patience must be 0 (no early stopping) or more, got -1");
        ErrorPathsTest.usage(
                search("e9", "--preset", "paper", "--refit"),
                "--refit retrains the final members on the training rows and the validation part together, and this"
                        + " search holds no validation part out");
        ErrorPathsTest.usage(
                search("e11", "--preset", "paper", "--bags", "3"),
                "--bags gives each of its 3 searches a validation part of its own, and this search holds none out");
        ErrorPathsTest.usage(search("e12", "--bags", "3", "--refit"), "--bags and refit exclude each other");
        ErrorPathsTest.usage(search("e13", "--bags", "0"), "--bags must be 1 (one search) or more, got 0");
    }

    @Test
    void bagsAverageKSearchesEachValidatedOnAPartOfItsOwnAndTheRunFilesSaySo() throws Exception {
        CliRun bagged = search("bagged", "--bags", "3");
        assertThat(bagged.exitCode()).as(bagged.err()).isZero();
        Path dir = root.resolve("bagged");
        JsonNode r = Json.MAPPER.readTree(dir.resolve("report.json").toFile());
        assertThat(r.at("/config/validation/bags").asInt()).isEqualTo(3);
        assertThat(r.at("/bags")).hasSize(3);
        int members = 0;
        for (JsonNode b : r.at("/bags")) {
            // each bag trains on all the training rows but its own validation part
            assertThat(b.get("trainRows").asInt() + b.get("validationRows").asInt())
                    .isEqualTo(r.at("/dataset/trainSize").asInt());
            members += b.get("memberIds").size();
        }
        // the union holds every bag's final members
        assertThat(r.at("/members")).hasSize(members);
        assertThat(r.at("/iterations")).hasSize(3 * 4);
        assertThat(r.at("/iterations/4/bag").asInt()).isEqualTo(2);
        assertThat(r.at("/dataUse/finalEnsemble").asText()).startsWith("the union of the 3 bags' ensembles");
        assertThat(r.at("/final/calibration/note").asText()).contains("out-of-bag");
        assertThat(Files.readAllLines(dir.resolve("iterations.csv")).get(0)).endsWith(",bag");
        assertThat(Files.readString(dir.resolve("search.log"))).contains("bag 2 of 3: candidates train on");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("union of the 3 bags");
        // the saved union scores the test data as the search measured it
        CliRun evaluate = CliRun.of(
                "evaluate",
                "--model",
                dir.resolve("ensemble").toString(),
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir);
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(evaluate.out())
                .contains(String.format(
                        java.util.Locale.ROOT,
                        "%.4f",
                        r.at("/final/testAccuracy").asDouble()));
    }

    @Test
    void refitRetrainsTheChosenMembersOnEveryTrainingRowAndTheReportSaysSo() throws Exception {
        CliRun plain = search("held-out");
        CliRun refit = search("refit", "--refit");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(refit.exitCode()).as(refit.err()).isZero();
        JsonNode a = Json.MAPPER.readTree(root.resolve("held-out/report.json").toFile());
        JsonNode b = Json.MAPPER.readTree(root.resolve("refit/report.json").toFile());
        assertThat(b.at("/config/validation/refit").asBoolean()).isTrue();
        assertThat(a.at("/config/validation").has("refit")).isFalse();
        assertThat(b.at("/preset").asText()).isEqualTo("custom");
        // the same choices: members, their iterations and weights
        assertThat(b.at("/members")).hasSameSizeAs(a.at("/members"));
        for (int j = 0; j < a.at("/members").size(); j++) {
            assertThat(b.at("/members/" + j + "/id")).isEqualTo(a.at("/members/" + j + "/id"));
            assertThat(b.at("/members/" + j + "/weight")).isEqualTo(a.at("/members/" + j + "/weight"));
        }
        assertThat(b.at("/dataUse/finalTraining").asText())
                .startsWith("the final members retrained on the training data and the validation part together");
        assertThat(a.at("/dataUse").has("finalTraining")).isFalse();
        assertThat(Files.readString(root.resolve("refit/report.html"))).contains("final training");
        // the test figures are the retrained members', not the searched ones
        assertThat(b.at("/final/testLoss").asDouble())
                .isNotEqualTo(a.at("/final/testLoss").asDouble());
    }
}
