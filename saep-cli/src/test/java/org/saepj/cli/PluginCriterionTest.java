package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.testing.TestFiles;

/**
 * A criterion that exists only in the test sources ({@code drop-worst}, registered by a services file in the
 * test resources) is a method of search, compare and prune like the paper's, and its own numbers reach
 * report.json, report.html and prune's output, with no line of the command line written for it.
 */
class PluginCriterionTest {
    @TempDir
    Path dir;

    @Test
    void aTestOnlyCriterionSearchesComparesAndPrunes() throws Exception {
        Path data = TestFiles.fashionMnistFixture(dir.resolve("fixture"));
        CliRun help = CliRun.of("search", "--help");
        assertThat(help.out())
                .contains("drep, drop-worst,")
                .contains("test criterion: the member with the highest error")
                .contains("--param margin=V");
        Path out = dir.resolve("run");
        CliRun run = CliRun.of(
                "search",
                "--data",
                "idx:" + data,
                "--model", // the paper's dnn: this test is not about the default space
                "dnn",
                "--method",
                "drop-worst",
                "--param",
                "margin=0",
                "--iterations",
                "8",
                "--steps",
                "480",
                "--threads",
                "2",
                "--quiet",
                "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/config/criterion/id").asText()).isEqualTo("drop-worst");
        assertThat(report.at("/config/criterion/parameters/margin").asDouble()).isZero();
        JsonNode considered = null;
        for (JsonNode it : report.get("iterations")) {
            assertThat(it.at("/pruneDecision/criterion").asText()).isEqualTo("drop-worst");
            if (considered == null
                    && it.at("/pruneDecision/details/memberErrors").isArray()) {
                considered = it.at("/pruneDecision/details");
            }
        }
        assertThat(considered)
                .as("a decision on three or more members in " + report.get("iterations"))
                .isNotNull();
        assertThat(considered.get("memberErrors").size()).isGreaterThanOrEqualTo(3);
        assertThat(considered.has("worstPosition")).isTrue();
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("<td>drop-worst</td><td>removed #")
                .containsPattern("memberErrors \\[[0-9., ]+\\], ensembleError [0-9.]+, worstPosition #\\d+");
        CliRun resumed = CliRun.of("search", "--resume", out.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        // A stored run whose criterion is gone from the class path is one clear error, not an internal one.
        Path gone = dir.resolve("gone");
        FaultAuditTest.copyTree(out, gone);
        Files.delete(gone.resolve("report.json"));
        Files.writeString(
                gone.resolve("run.json"),
                Files.readString(gone.resolve("run.json")).replace("\"drop-worst\"", "\"vanished\""));
        CliRun vanished = CliRun.of("search", "--resume", gone.toString());
        assertThat(vanished.exitCode()).isEqualTo(3);
        assertThat(vanished.err())
                .contains("error: the search's pruning criterion vanished(margin=0) cannot be used: unknown"
                        + " method 'vanished'")
                .doesNotContain("internal error");

        Path predictions = TestFiles.write(
                dir.resolve("members.csv"), "0,0,1\n1,1,0\n0,1,1\n1,0,0\n".getBytes(StandardCharsets.UTF_8));
        Path labels = TestFiles.write(dir.resolve("labels.csv"), "0\n1\n1\n1\n".getBytes(StandardCharsets.UTF_8));
        CliRun prune = CliRun.of(
                "prune",
                "--predictions",
                predictions.toString(),
                "--labels",
                labels.toString(),
                "--method",
                "drop-worst",
                "--json");
        assertThat(prune.exitCode()).as(prune.err()).isZero();
        JsonNode p = Json.MAPPER.readTree(prune.out());
        assertThat(p.at("/decision/criterion").asText()).isEqualTo("drop-worst");
        assertThat(p.at("/decision/details/memberErrors")).hasSize(3);
        CliRun text = CliRun.of(
                "prune",
                "--predictions",
                predictions.toString(),
                "--labels",
                labels.toString(),
                "--method",
                "drop-worst",
                "--param",
                "margin=0.9");
        assertThat(text.out()).contains("criterion drop-worst(margin=0.9)").contains("details  memberErrors [");

        CliRun compare = CliRun.of(
                "compare",
                "--data",
                "idx:" + data,
                "--model", // the paper's dnn: this test is not about the default space
                "dnn",
                "--methods",
                "adanet,drop-worst",
                "--seeds",
                "1",
                "--iterations",
                "4",
                "--steps",
                "80",
                "--threads",
                "2",
                "--quiet",
                "--out",
                dir.resolve("cmp").toString());
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        assertThat(compare.out()).contains("drop-worst/uniform");
        Path cmp = dir.resolve("cmp");
        Files.writeString(
                cmp.resolve("compare.json"),
                Files.readString(cmp.resolve("compare.json")).replace("\"drop-worst\"", "\"vanished\""));
        CliRun resumedCompare = CliRun.of("compare", "--resume", cmp.toString());
        assertThat(resumedCompare.exitCode()).isEqualTo(3);
        assertThat(resumedCompare.out()).as("refused before any run").doesNotContain("[1/");
        assertThat(resumedCompare.err())
                .contains("error: the comparison's method vanished cannot be used: unknown method 'vanished'");
        CliRun unknown = CliRun.of(
                "prune",
                "--predictions",
                predictions.toString(),
                "--labels",
                labels.toString(),
                "--method",
                "drop-worst",
                "--param",
                "alpha=0.3");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err())
                .isEqualTo("error: --param: criterion drop-worst has no parameter 'alpha': it takes margin\n");
    }
}
