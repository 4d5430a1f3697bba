package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.api.Saep;
import org.saepj.cli.display.Json;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.testing.TestFiles;

/** {@code saep inspect} on a run that pruned, on its bare saved ensemble, and on a regression run. */
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
                "--preset",
                "paper", // a classifier of format 4: no temperature is fitted without a validation part
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
            // each member's own test accuracy, as the run's report records it
            assertThat(m.get("testAccuracy").asDouble())
                    .isEqualTo(report.at("/final/memberTestAccuracies/" + j).asDouble());
            assertThat(m.has("testRmse")).isFalse();
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
                .contains("classes        10: 0, 1, 2")
                .contains(String.format(
                        java.util.Locale.ROOT,
                        "parameters, own test accuracy %.4f%n",
                        report.at("/final/memberTestAccuracies/0").asDouble()));
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
        // a bare saved ensemble records no test figures of its members
        assertThat(Json.MAPPER.readTree(bare.out()).at("/members/0").has("testAccuracy"))
                .isFalse();
        CliRun none = CliRun.of("inspect", dir.toString());
        assertThat(none.exitCode()).isEqualTo(3);
        assertThat(none.err())
                .startsWith("error: ")
                .contains("neither a saved ensemble")
                .doesNotContain("\tat ");
    }

    @Test
    void aRegressionRunShowsEachMembersOwnTestRmse() throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        float[][] x = new float[240][2];
        double[] y = new double[240];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = (float) rng.nextDouble();
            x[i][1] = (float) rng.nextDouble();
            y[i] = 10 + 4 * x[i][0] - 3 * x[i][1] * x[i][1];
        }
        Path out = dir.resolve("reg");
        Saep.regressor().iterations(3).steps(300).threads(1).outputFolder(out).fit(x, y);
        JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        JsonNode own = report.at("/final/memberTestRmse");
        assertThat(own.size()).isEqualTo(report.get("members").size()).isGreaterThan(1);
        assertThat(report.at("/final/memberTestAccuracies").isNull()).isTrue();

        CliRun json = CliRun.of("inspect", out.toString(), "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode in = Json.MAPPER.readTree(json.out());
        double weights = 0;
        double weightedMse = 0;
        for (int j = 0; j < own.size(); j++) {
            assertThat(in.at("/members/" + j + "/testRmse").asDouble())
                    .isEqualTo(own.get(j).asDouble());
            assertThat(in.at("/members/" + j).has("testAccuracy")).isFalse();
            double w = report.at("/members/" + j + "/weight").asDouble();
            weights += w;
            weightedMse += w * own.get(j).asDouble() * own.get(j).asDouble();
        }
        // the members' own errors are those of the ambiguity decomposition: their weighted mean square is its
        // average member error, computed apart from them
        assertThat(weightedMse / weights)
                .isCloseTo(report.at("/final/regression/averageMemberMse").asDouble(), within(1e-9 * weightedMse));
        CliRun text = CliRun.of("inspect", out.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out())
                .contains(String.format(
                        java.util.Locale.ROOT,
                        "own test RMSE %.4g%n",
                        own.get(0).asDouble()))
                .doesNotContain("own test accuracy");
    }
}
