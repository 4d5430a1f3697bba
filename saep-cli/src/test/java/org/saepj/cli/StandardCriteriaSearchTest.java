package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.testing.TestFiles;

/** Each standard ensemble-pruning criterion prunes during a real search, with its target size and its numbers reported. */
class StandardCriteriaSearchTest {
    @TempDir
    Path dir;

    @Test
    void everyStandardCriterionPrunesASearchToItsTarget() throws Exception {
        Path data = TestFiles.fashionMnistFixture(dir.resolve("fixture"));
        for (String id : java.util.List.of("topk", "re", "kappa", "cm", "mdm", "oo")) {
            Path out = dir.resolve(id);
            CliRun run = CliRun.of("search", "--data", "idx:" + data, "--method", id, "--param", "keep=2",
                    "--iterations", "8", "--steps", "480", "--threads", "2", "--quiet", "--out", out.toString());
            assertThat(run.exitCode()).as(id + ": " + run.err()).isZero();
            JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
            assertThat(report.at("/config/criterion/parameters/keep").asDouble()).isEqualTo(2.0);
            boolean decided = false;
            for (JsonNode it : report.get("iterations")) {
                JsonNode d = it.get("pruneDecision");
                assertThat(d.get("criterion").asText()).isEqualTo(id);
                if (d.at("/details/keptOrder").isArray()) {
                    decided = true;
                    assertThat(d.at("/details/keptOrder")).as(id).hasSize(2);
                    assertThat(it.get("pruned").size()).as(id).isEqualTo(d.get("removed").size());
                }
            }
            assertThat(decided).as(id + " decided at least once in " + report.get("iterations")).isTrue();
        }
    }
}
