package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.testing.TestFiles;

/** {@code --optimizer}, {@code --weight-decay}, {@code --schedule}, {@code --warmup-steps}, {@code --label-smoothing}
 * {@code --augment}, {@code --clip-norm} and {@code --scaling}: stored in the report, and refused in one line naming
 * the option. */
class TrainingOptionsTest {
    @TempDir
    static Path root;

    static String dataDir;

    @BeforeAll
    static void data() {
        TestFiles.fashionMnistFixture(root.resolve("data").resolve("fashion-mnist"));
        dataDir = root.resolve("data").toString();
    }

    private static CliRun search(String out, String... options) {
        String[] head = {
            "search",
            "--data",
            "fashion-mnist",
            "--data-dir",
            dataDir,
            "--model", // the paper's dnn: this test is not about the default space
            "dnn",
            "--iterations",
            "2",
            "--steps",
            "100",
            "--threads",
            "2",
            "--quiet",
            "--out",
            root.resolve(out).toString()
        };
        String[] all = new String[head.length + options.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(options, 0, all, head.length, options.length);
        return CliRun.of(all);
    }

    @Test
    void theOptionsReachTheSearchAndItsReport() throws Exception {
        CliRun r = search(
                "all",
                "--optimizer",
                "adamw",
                "--weight-decay",
                "0.05",
                "--schedule",
                "cosine",
                "--warmup-steps",
                "5",
                "--label-smoothing",
                "0.1",
                "--augment",
                "shift=2,flip",
                "--clip-norm",
                "1.5");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(root.resolve("all/report.json").toFile());
        assertThat(report.at("/config/training/optimizer").asText()).isEqualTo("adamw");
        assertThat(report.at("/config/training/weightDecay").asDouble()).isEqualTo(0.05);
        assertThat(report.at("/config/training/schedule/kind").asText()).isEqualTo("cosine");
        assertThat(report.at("/config/training/schedule/warmupSteps").asInt()).isEqualTo(5);
        assertThat(report.at("/config/training/labelSmoothing").asDouble()).isEqualTo(0.1);
        assertThat(report.at("/config/training/augmentation/shift").asInt()).isEqualTo(2);
        assertThat(report.at("/config/training/augmentation/flip").asBoolean()).isTrue();
        assertThat(report.at("/config/training/clipNorm").asDouble()).isEqualTo(1.5);

        CliRun cycle = search("cycle", "--schedule", "onecycle", "--augment", "crop,erase");
        assertThat(cycle.exitCode()).as(cycle.err()).isZero();
        assertThat(Json.MAPPER
                        .readTree(root.resolve("cycle/report.json").toFile())
                        .at("/config/training/schedule/kind")
                        .asText())
                .isEqualTo("onecycle");
        JsonNode cropped =
                Json.MAPPER.readTree(root.resolve("cycle/report.json").toFile());
        assertThat(cropped.at("/config/training/augmentation/shift").asInt()).isEqualTo(-1);
        assertThat(cropped.at("/config/training/augmentation/erase").asBoolean())
                .isTrue();

        CliRun defaults = search("defaults", "--optimizer", "adamw");
        assertThat(defaults.exitCode()).as(defaults.err()).isZero();
        JsonNode other =
                Json.MAPPER.readTree(root.resolve("defaults/report.json").toFile());
        assertThat(other.at("/config/training/weightDecay").asDouble()).isEqualTo(0.01);
        assertThat(other.at("/config/training/schedule/kind").asText()).isEqualTo("constant");
        assertThat(other.at("/config/training/augmentation/shift").asInt()).isZero();
        assertThat(other.at("/config/training/clipNorm").asDouble()).isZero();
    }

    @Test
    void mistakesAreOneLineNamingTheOption() {
        // the paper's dnn trains with RMSProp: a decay for the space's own optimizer cannot apply to it
        assertRefused(
                search("bad1", "--weight-decay", "0.1"),
                "error: --weight-decay with the space's own optimizer is the coupled L2 of SGD with momentum, and"
                        + " candidate linear trains with RmsProp: choose the adamw optimizer for a decoupled decay");
        assertThat(root.resolve("bad1")).doesNotExist();
        assertRefused(
                search("bad12", "--optimizer", "adam", "--weight-decay", "0.1"),
                "error: --weight-decay needs the adamw optimizer (decoupled decay) or the space's own SGD with"
                        + " momentum (coupled L2), and the optimizer is adam");
        assertRefused(
                search("bad2", "--optimizer", "lion"),
                "error: --optimizer 'lion' is not understood: expected space, adam or adamw");
        assertRefused(
                search("bad3", "--schedule", "linear"),
                "error: --schedule 'linear' is not understood: expected constant, cosine or onecycle");
        assertRefused(
                search("bad4", "--warmup-steps", "-3"),
                "error: --warmup-steps must be 0 (no warm-up) or more steps, got -3");
        assertRefused(
                search("bad5", "--label-smoothing", "1"),
                "error: --label-smoothing must be at least 0 and below 1, such as 0.1, got 1.0");
        assertRefused(
                search("bad6", "--augment", "shift,rotate"),
                "error: --augment 'rotate' is not understood: expected crop, crop=PIXELS, shift, shift=PIXELS, flip"
                        + " or erase, separated by commas");
        assertRefused(
                search("bad8", "--schedule", "onecycle", "--warmup-steps", "5"),
                "error: --warmup-steps cannot go with the onecycle schedule, which warms up over its first 30% of"
                        + " steps itself: leave it at 0, got 5");
        assertRefused(
                search("bad7", "--clip-norm", "-1"),
                "error: --clip-norm must be 0 (no clipping) or a number above 0, such as 1, got -1.0");
        assertRefused(
                search("bad9", "--scaling", "minmax"),
                "error: --scaling: unknown scaling 'minmax': expected standard, robust, ple or auto");
        // robust scaling is a table's: these images would otherwise search with their pixels as ever, silently
        assertRefused(
                search("bad10", "--scaling", "robust"),
                "error: --scaling robust scales a table's columns, and this data holds images: leave it at standard");
        assertThat(root.resolve("bad10")).doesNotExist();
        assertRefused(
                search("bad11", "--scaling", "ple"),
                "error: --scaling ple scales a table's columns, and this data holds images: leave it at standard");
    }

    @Test
    void weightDecayReachesTheSpacesOwnSgdAndTheReport() throws Exception {
        Path space = sgdSpace("sgd-space.json", ", \"weightDecay\": 0.001");
        CliRun r = spaceSearch(
                space,
                "decay",
                "--iterations",
                "2",
                "--steps",
                "60",
                "--threads",
                "2",
                "--quiet",
                "--weight-decay",
                "5e-4");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(root.resolve("decay/report.json").toFile());
        assertThat(report.at("/config/training/optimizer").asText()).isEqualTo("space");
        assertThat(report.at("/config/training/weightDecay").asDouble()).isEqualTo(5e-4);
        // the option replaces the file's own decay on every member
        for (JsonNode member : report.at("/members")) {
            assertThat(member.at("/optimizer/type").asText()).isEqualTo("sgd-momentum");
            assertThat(member.at("/optimizer/weightDecay").asDouble()).isCloseTo(5e-4, within(1e-9));
        }
        assertThat(report.at("/members")).isNotEmpty();
    }

    @Test
    void anExplicitLearningRateReplacesTheSpacesOwnAndIsRecorded() throws Exception {
        Path space = sgdSpace("sgd-rate-space.json", "");
        for (String lr : new String[] {null, "0.02"}) {
            java.util.List<String> options =
                    new java.util.ArrayList<>(java.util.List.of("--iterations", "1", "--steps", "30", "--quiet"));
            if (lr != null) {
                options.addAll(java.util.List.of("--lr", lr));
            }
            CliRun r = spaceSearch(space, "rate-" + lr, options.toArray(String[]::new));
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode report = Json.MAPPER.readTree(
                    root.resolve("rate-" + lr + "/report.json").toFile());
            // without --lr the file's rate, and nothing recorded; with it, every member's rate and the plan's
            assertThat(report.at("/config/training/learningRate").isMissingNode())
                    .isEqualTo(lr == null);
            assertThat(report.at("/members")).isNotEmpty();
            for (JsonNode member : report.at("/members")) {
                assertThat(member.at("/optimizer/learningRate").asDouble())
                        .isCloseTo(lr == null ? 0.05 : 0.02, within(1e-7));
            }
        }
        assertRefused(spaceSearch(space, "rate-0", "--lr", "0"), "error: --lr must be a positive number, got 0.0");
    }

    /**
     * @param file the file's name in the test's directory
     * @param optimizer more fields of the optimizer after its rate, from a comma on, or nothing
     * @return a space file of one dense family (32 units, one layer) training with SGD with momentum from 0.05
     */
    private static Path sgdSpace(String file, String optimizer) throws java.io.IOException {
        return java.nio.file.Files.writeString(
                root.resolve(file),
                "{\"formatVersion\": 1, \"name\": \"sgd-mlp\", \"families\": [{\"name\": \"mlp\","
                        + " \"type\": \"dense\", \"widths\": [32], \"depths\": {\"rule\": \"fixed\","
                        + " \"values\": [1]}, \"optimizer\": {\"type\": \"sgd-momentum\", \"learningRate\":"
                        + " 0.05" + optimizer + "}, \"complexity\": \"parameters\"}]}");
    }

    /**
     * @param space the space file searched
     * @param out the run's folder in the test's directory
     * @param options the options after the data, the space and the folder
     * @return {@code saep search} of the fixture in that space
     */
    private static CliRun spaceSearch(Path space, String out, String... options) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "search",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--space",
                space.toString(),
                "--out",
                root.resolve(out).toString()));
        args.addAll(java.util.List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertRefused(CliRun r, String line) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(line);
    }
}
