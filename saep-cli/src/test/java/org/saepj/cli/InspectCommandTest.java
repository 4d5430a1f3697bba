package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.testing.TestFiles;

/** {@code saep inspect} on a run that pruned and on its bare saved ensemble. */
class InspectCommandTest {
    @TempDir
    Path dir;

    @Test
    void aRunShowsItsMembersLayerByLayerAndItsPruningHistory() throws Exception {
        Path data = TestFiles.fashionMnistFixture(dir.resolve("fixture"));
        Path out = dir.resolve("run");
        CliRun search = CliRun.of(
                "search",
                "--data",
                "idx:" + data,
                "--method",
                "re",
                "--max-members",
                "2",
                "--iterations",
                "8",
                "--steps",
                "480",
                "--quiet",
                "--out",
                out.toString());
        assertThat(search.exitCode()).as(search.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        CliRun json = CliRun.of("inspect", out.toString(), "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode in = Json.MAPPER.readTree(json.out());
        assertThat(in.get("members")).hasSize(report.get("members").size());
        long total = 0;
        for (int j = 0; j < in.get("members").size(); j++) {
            JsonNode m = in.get("members").get(j);
            JsonNode r = report.get("members").get(j);
            assertThat(m.get("id")).isEqualTo(r.get("id"));
            assertThat(m.get("iteration")).isEqualTo(r.get("iteration"));
            assertThat(m.get("weight").asDouble()).isEqualTo(r.get("weight").asDouble());
            long layers = 0;
            for (JsonNode l : m.get("layers")) {
                layers += l.get("parameters").asLong();
            }
            assertThat(layers)
                    .isEqualTo(m.get("parameters").asLong())
                    .isEqualTo(r.get("parameters").asLong());
            total += layers;
        }
        assertThat(in.get("parameters").asLong()).isEqualTo(total);
        // Every pruned member of the report, at its iteration, by id and with the name of the candidate that brought
        // it.
        int events = 0;
        for (JsonNode it : report.get("iterations")) {
            if (!it.get("pruned").isEmpty()) {
                JsonNode e = in.get("pruning").get(events++);
                assertThat(e.get("iteration")).isEqualTo(it.get("iteration"));
                assertThat(e.get("removedIds")).isEqualTo(it.get("pruned"));
                assertThat(e.get("criterion").asText()).isEqualTo("re");
                assertThat(e.get("removedNames").toString())
                        .doesNotContain("\"?\"")
                        .containsPattern("linear|dnn");
                assertThat(e.get("details")).isEqualTo(it.at("/pruneDecision/details"));
            }
        }
        assertThat(events).isPositive().isEqualTo(in.get("pruning").size());
        CliRun text = CliRun.of("inspect", out.toString());
        assertThat(text.out())
                .contains("run directory (manifest format " + SavedEnsemble.FORMAT_VERSION + ")")
                .contains("Dense(784→")
                .containsPattern("iteration \\d+: re removed #\\d+ linear, kept #\\d+ linear, #\\d+ linear; keep 2,"
                        + " voteErrors \\[[0-9., ]+\\], keptOrder \\[#\\d+, #\\d+\\]")
                .contains("classes        10: 0, 1, 2");
        // report.html names the members and every pruning event the same way.
        String html = java.nio.file.Files.readString(out.resolve("report.html"));
        assertThat(html)
                .contains("<h2>Members</h2>")
                .contains("<h2>Pruning</h2>")
                .contains("joined at iteration")
                .contains("removed #" + in.at("/pruning/0/removedIds/0").asInt() + " "
                        + in.at("/pruning/0/removedNames/0").asText() + ", kept #")
                .contains("keptOrder [#"
                        + in.at("/pruning/0/beforeIds/"
                                        + in.at("/pruning/0/details/keptOrder/0")
                                                .asInt())
                                .asInt() + ", #");
        CliRun bare = CliRun.of("inspect", out.resolve("ensemble").toString(), "--json");
        assertThat(Json.MAPPER.readTree(bare.out()).get("pruning").isNull()).isTrue();
        CliRun none = CliRun.of("inspect", dir.toString());
        assertThat(none.exitCode()).isEqualTo(3);
        assertThat(none.err())
                .startsWith("error: ")
                .contains("neither a saved ensemble")
                .doesNotContain("\tat ");
    }
}
