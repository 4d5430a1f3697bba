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

/**
 * Temperature scaling fitted on the validation part and stored in the model, the reliability diagrams of a run and
 * of {@code evaluate}, and calibration beside accuracy in {@code compare} for every method, the baselines included.
 */
class CalibrationCliTest {
    @TempDir
    static Path root;

    static String dataDir;

    @BeforeAll
    static void data() {
        TestFiles.fashionMnistFixture(root.resolve("data").resolve("fashion-mnist"));
        dataDir = root.resolve("data").toString();
    }

    private static String[] with(String[] head, String... options) {
        String[] all = new String[head.length + options.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(options, 0, all, head.length, options.length);
        return all;
    }

    private static CliRun search(String out, String... options) {
        return CliRun.of(with(
                new String[] {
                    "search",
                    "--data",
                    "fashion-mnist",
                    "--data-dir",
                    dataDir,
                    "--model", // the paper's dnn: calibration, not the default space, is under test
                    "dnn",
                    "--iterations",
                    "3",
                    "--steps",
                    "600",
                    "--threads",
                    "2",
                    "--quiet",
                    "--out",
                    root.resolve(out).toString()
                },
                options));
    }

    @Test
    void aValidatedSearchFitsATemperatureOnItsValidationPartAndPredictAndEvaluateUseIt() throws Exception {
        CliRun r = search("validated", "--preset", "validated");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report =
                Json.MAPPER.readTree(root.resolve("validated/report.json").toFile());
        JsonNode c = report.at("/final/calibration");
        double t = c.path("temperature").asDouble();
        assertThat(t).isPositive().isNotEqualTo(1.0);
        assertThat(c.path("ece").asDouble()).isBetween(0.0, 1.0);
        assertThat(c.path("nll").asDouble())
                .isCloseTo(report.at("/final/testLoss").asDouble(), within());
        assertThat(c.path("eceScaled").isNumber()).isTrue();
        assertThat(c.path("reliability").path("count").size()).isEqualTo(15);
        assertThat(report.at("/dataUse/temperature").asText()).startsWith("the validation part");
        assertThat(root.resolve("validated/reliability.png")).isNotEmptyFile();
        assertThat(Files.readString(root.resolve("validated/report.html")))
                .contains("Calibration (test data)")
                .contains("Reliability diagram");
        JsonNode manifest = Json.MAPPER.readTree(
                root.resolve("validated/ensemble/manifest.json").toFile());
        assertThat(manifest.path("temperature").asDouble()).isEqualTo(t);

        // evaluate measures the model as predict uses it: the scaled probabilities, whose ECE the search reported
        Path png = root.resolve("evaluate-reliability.png");
        CliRun e = CliRun.of(
                "evaluate",
                "--model",
                root.resolve("validated/ensemble").toString(),
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--json",
                "--reliability",
                png.toString());
        assertThat(e.exitCode()).as(e.err()).isZero();
        JsonNode ev = Json.MAPPER.readTree(e.out());
        assertThat(ev.path("temperature").asDouble()).isEqualTo(t);
        assertThat(ev.path("calibrationError").asDouble())
                .isCloseTo(c.path("eceScaled").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(png).isNotEmptyFile();
        CliRun again = CliRun.of(
                "evaluate",
                "--model",
                root.resolve("validated/ensemble").toString(),
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--reliability",
                png.toString());
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.err()).contains("--reliability").contains("exists").contains("--overwrite");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-4);
    }

    @Test
    void thePaperPresetFitsNoTemperatureAndSaysWhyAndTheOptionTurnsItOff() throws Exception {
        CliRun r = search("paper", "--preset", "paper");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(root.resolve("paper/report.json").toFile());
        assertThat(report.at("/final/calibration/temperature").isMissingNode()).isTrue();
        assertThat(report.at("/final/calibration/note").asText()).contains("no validation part");
        assertThat(report.at("/config/validation/temperature").isMissingNode()).isTrue();
        JsonNode manifest = Json.MAPPER.readTree(
                root.resolve("paper/ensemble/manifest.json").toFile());
        assertThat(manifest.has("temperature")).isFalse();
        assertThat(manifest.path("formatVersion").asInt()).isEqualTo(4);

        CliRun off = search("off", "--preset", "validated", "--temperature", "off");
        assertThat(off.exitCode()).as(off.err()).isZero();
        JsonNode o = Json.MAPPER.readTree(root.resolve("off/report.json").toFile());
        assertThat(o.at("/final/calibration/temperature").isMissingNode()).isTrue();
        assertThat(o.at("/config/validation/temperature").asText()).isEqualTo("off");
        CliRun bad = search("bad", "--temperature", "test");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("--temperature").contains("expected validation or off");
    }

    @Test
    void compareReportsEceForEveryMethodIncludingBothBaselines() throws Exception {
        Path out = root.resolve("cmp");
        CliRun r = CliRun.of(
                "compare",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--iterations",
                "3",
                "--steps",
                "600",
                "--threads",
                "2",
                "--quiet",
                "--model",
                "dnn",
                "--methods",
                "adanet,single,deep-ensemble-3",
                "--seeds",
                "1",
                "--preset",
                "validated",
                "--out",
                out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("deep-ensemble-3/uniform").contains("ECE");
        JsonNode cmp = Json.MAPPER.readTree(out.resolve("comparison.json").toFile());
        assertThat(cmp.path("summary")).hasSize(3);
        for (JsonNode s : cmp.path("summary")) {
            assertThat(s.path("eceMean").asDouble()).as(s.toString()).isBetween(0.0, 1.0);
            assertThat(s.path("nllMean").asDouble()).as(s.toString()).isPositive();
            assertThat(s.path("eceScaledMean").isNumber()).as(s.toString()).isTrue();
        }
        JsonNode deep = cmp.path("runs").get(2);
        assertThat(deep.path("method").asText()).isEqualTo("deep-ensemble-3");
        assertThat(deep.path("ensembleSize").asInt()).isEqualTo(3);
        assertThat(Files.readString(out.resolve("comparison.csv"))
                        .lines()
                        .findFirst()
                        .orElseThrow())
                .endsWith("ece,nll,ece_scaled");
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("ECE (T)")
                .contains("deep-ensemble-3");
    }
}
