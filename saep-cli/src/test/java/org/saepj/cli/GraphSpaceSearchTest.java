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
 * A format 2 search space (examples/spaces/residual-mlp.json: residual blocks of dense layers, repeated) searched
 * end to end on a CSV file: the same search with 1 and 2 threads, stored whole with the run, and resumed without
 * the file.
 */
class GraphSpaceSearchTest {
    static final Path SPACE = Path.of("..", "examples", "spaces", "residual-mlp.json");

    @TempDir
    Path dir;

    @Test
    void aResidualMlpIsSearchedTheSameWithOneAndTwoThreadsAndResumes() throws Exception {
        Path csv = TestFiles.write(
                dir.resolve("blobs.csv"), OwnDataTest.blobs(300, 1).getBytes(StandardCharsets.UTF_8));
        JsonNode one = search(csv, "1", dir.resolve("one"));
        JsonNode two = search(csv, "2", dir.resolve("two"));
        assertThat(one.at("/config/space/definition/formatVersion").asInt()).isEqualTo(2);
        assertThat(one.at("/config/space/definition/families/0/vary/width").toString())
                .isEqualTo("[32,64]");
        assertThat(one.at("/iterations/0/candidates").size()).isEqualTo(4);
        assertThat(one.at("/iterations/0/candidates/0/name").asText()).isEqualTo("resmlp-width32-repeat1");
        assertThat(one.at("/final/testAccuracy").asDouble()).isGreaterThan(0.5);
        assertThat(two.at("/final/testLoss"))
                .as("the same search with 2 threads")
                .isEqualTo(one.at("/final/testLoss"));
        assertThat(two.at("/members")).isEqualTo(one.at("/members"));

        JsonNode stored =
                Json.MAPPER.readTree(dir.resolve("one").resolve("run.json").toFile());
        assertThat(stored.at("/config/space/definition/families/0/blocks/1/nodes/0/layer/units")
                        .asText())
                .as("the space is stored as written")
                .isEqualTo("$width");
        CliRun eval = CliRun.of(
                "evaluate",
                "--model",
                dir.resolve("one").resolve("ensemble").toString(),
                "--data",
                "csv:" + csv,
                "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(Json.MAPPER.readTree(eval.out()).get("accuracy").asDouble())
                .isEqualTo(one.at("/final/testAccuracy").asDouble());

        Path again = dir.resolve("again");
        FaultAuditTest.copyTree(dir.resolve("one"), again);
        Files.delete(again.resolve("report.json"));
        CliRun resumed = CliRun.of("search", "--resume", again.toString(), "--quiet");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(again.resolve("report.json").toFile());
        assertThat(report.at("/final/testLoss")).isEqualTo(one.at("/final/testLoss"));
        assertThat(report.at("/members")).isEqualTo(one.at("/members"));
        assertThat(report.at("/config/space")).isEqualTo(one.at("/config/space"));
    }

    private JsonNode search(Path csv, String threads, Path out) throws Exception {
        CliRun r = CliRun.of(
                "search",
                "--space",
                SPACE.toString(),
                "--data",
                "csv:" + csv,
                "--iterations",
                "2",
                "--steps",
                "60",
                "--threads",
                threads,
                "--quiet",
                "--out",
                out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Json.MAPPER.readTree(out.resolve("report.json").toFile());
    }

    /**
     * A regression table searched on a format 2 space: each candidate ends with the task's one output, the search
     * learns the function, and evaluate on the rebuilt split gives the report's RMSE.
     */
    @Test
    void aRegressionTableIsSearchedOnAGraphSpace() throws Exception {
        StringBuilder text = new StringBuilder("a,b,y\n");
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            double a = rng.nextDouble() * 2 - 1;
            double b = rng.nextDouble() * 2 - 1;
            text.append(String.format(java.util.Locale.ROOT, "%.4f,%.4f,%.4f%n", a, b, 20 + 5 * a - 3 * b * b));
        }
        Path csv = TestFiles.write(dir.resolve("values.csv"), text.toString().getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("values");
        CliRun r = CliRun.of(
                "search",
                "--space",
                SPACE.toString(),
                "--data",
                "csv:" + csv,
                "--iterations",
                "2",
                "--steps",
                "300",
                "--quiet",
                "--out",
                out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/iterations/0/candidates/0/name").asText()).isEqualTo("resmlp-width32-repeat1");
        assertThat(report.at("/final/regression/r2").asDouble())
                .as("learns the function")
                .isGreaterThan(0.8);
        JsonNode members = report.at("/members");
        assertThat(members.size()).isPositive();
        for (JsonNode m : members) {
            JsonNode nodes = m.at("/architecture/nodes");
            assertThat(m.at("/architecture/type").asText()).isEqualTo("graph");
            assertThat(m.at("/architecture/classes").asInt()).isEqualTo(1);
            assertThat(nodes.get(nodes.size() - 1).at("/layer/units").asInt())
                    .as("the head gives the task's one output")
                    .isEqualTo(1);
        }
        CliRun eval =
                CliRun.of("evaluate", "--model", out.resolve("ensemble").toString(), "--data", "csv:" + csv, "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(Json.MAPPER.readTree(eval.out()).at("/regression/rmse").asDouble())
                .isCloseTo(report.at("/final/regression/rmse").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
    }
}
