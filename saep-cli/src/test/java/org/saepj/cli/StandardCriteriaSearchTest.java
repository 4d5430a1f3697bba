package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.testing.TestFiles;

/**
 * Each standard ensemble-pruning criterion prunes during a real search, with its target size and its numbers reported.
 */
class StandardCriteriaSearchTest {
    @TempDir
    Path dir;

    private JsonNode search(Path data, String name, String... args) throws Exception {
        Path out = dir.resolve(name);
        List<String> all = new java.util.ArrayList<>(List.of(
                "search",
                "--data",
                "idx:" + data,
                "--model", // the paper's dnn: this test is not about the default space
                "dnn",
                "--iterations",
                "8",
                "--steps",
                "480",
                "--quiet",
                "--out",
                out.toString()));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(name + ": " + run.err()).isZero();
        return Json.MAPPER.readTree(out.resolve("report.json").toFile());
    }

    @Test
    void everyCriterionWithATargetSizePrunesASearchToIt() throws Exception {
        Path data = TestFiles.fashionMnistFixture(dir.resolve("fixture"));
        for (String id : List.of("topk", "re", "kappa", "cm", "mdm", "oo", "epic", "drep", "pie", "rnd")) {
            // --max-members is the schedule; --param keep the same setting by its name.
            JsonNode report = id.equals("re")
                    ? search(data, id, "--method", id, "--param", "keep=2", "--threads", "2")
                    : search(data, id, "--method", id, "--max-members", "2", "--threads", "2");
            assertThat(report.at("/config/criterion/parameters/keep").asDouble())
                    .isEqualTo(2.0);
            boolean decided = false;
            for (JsonNode it : report.get("iterations")) {
                JsonNode d = it.get("pruneDecision");
                assertThat(d.get("criterion").asText()).isEqualTo(id);
                if (d.at("/details/keptOrder").isArray()) {
                    decided = true;
                    assertThat(d.at("/details/keptOrder")).as(id).hasSize(2);
                    assertThat(it.get("pruned").size())
                            .as(id)
                            .isEqualTo(d.get("removed").size());
                }
                assertThat(it.get("ensembleSize").asInt())
                        .as(id + " never holds more than K + 1 (the candidate added after pruning)")
                        .isLessThanOrEqualTo(3);
            }
            assertThat(decided)
                    .as(id + " decided at least once in " + report.get("iterations"))
                    .isTrue();
            assertThat(report.at("/members").size()).as(id).isBetween(1, 3);
        }
    }

    @Test
    void ensembleSelectionDecidesItsOwnSizeAndEveryCriterionIsTheSameOnOneThreadOrTwo() throws Exception {
        Path data = TestFiles.fashionMnistFixture(dir.resolve("fixture"));
        JsonNode es = search(data, "es", "--method", "es", "--threads", "2");
        boolean decided = false;
        for (JsonNode it : es.get("iterations")) {
            JsonNode d = it.get("pruneDecision");
            if (d.at("/details/picks").isArray()) {
                decided = true;
                assertThat(d.at("/details/picks").size())
                        .isEqualTo(d.at("/details/rounds").asInt());
            }
        }
        assertThat(decided).isTrue();
        for (String id : List.of("es", "epic", "drep", "kappa")) {
            JsonNode one = search(data, id + "-1", "--method", id, "--threads", "1");
            JsonNode two = id.equals("es") ? es : search(data, id + "-2", "--method", id, "--threads", "2");
            assertThat(one.get("iterations")
                            .toString()
                            .replaceAll("\"(seconds|trainSeconds|[a-zA-Z]*Seconds)\":[0-9.eE-]+", ""))
                    .as(id)
                    .isEqualTo(two.get("iterations")
                            .toString()
                            .replaceAll("\"(seconds|trainSeconds|[a-zA-Z]*Seconds)\":[0-9.eE-]+", ""));
            assertThat(one.get("members")).as(id).isEqualTo(two.get("members"));
        }
    }
}
