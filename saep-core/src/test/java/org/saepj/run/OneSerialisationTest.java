package org.saepj.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.data.SourceData;
import org.saepj.engine.Backends;
import org.saepj.execution.LocalExecutor;
import org.saepj.persistence.JsonFormat;
import org.saepj.persistence.MemberRecord;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.persistence.SearchCheckpoint;
import org.saepj.search.AdaNetSearch;
import org.saepj.search.Experiment;
import org.saepj.search.IterationRecord;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchListener;
import org.saepj.search.SearchResult;
import org.saepj.testing.TestFiles;

/**
 * Each record is written one way: a search's report.json, its last checkpoint and its saved ensemble hold the
 * same configuration, members, iterations and provenance under the same keys; numbers that do not exist are
 * null and read back as NaN.
 */
class OneSerialisationTest {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = JsonFormat.mapper();

    @Test
    void reportCheckpointAndManifestShareTheirRecords() throws Exception {
        SourceData data = TestFiles.fashionMnist(dir.resolve("f"));
        SearchConfig config = SearchConfig.builder()
                .method("pie")
                .iterations(4)
                .totalSteps(80)
                .seed(5)
                .threads(2)
                .build();
        Partitions p = Partitions.prepare(config, data).get(0);
        SearchResult r;
        try (LocalExecutor executor = new LocalExecutor(2, Backends.best())) {
            SearchCheckpoint checkpoint = new SearchCheckpoint(dir.resolve("run"), data.sha256());
            r = new AdaNetSearch(config, executor, Backends.best())
                    .run(p, Experiment.info(config, data, p), SearchListener.NONE, null, checkpoint);
        }
        RunOutputs.write(dir.resolve("run"), r, p, -1);
        JsonNode report = JSON.readTree(dir.resolve("run/report.json").toFile());
        JsonNode manifest =
                JSON.readTree(dir.resolve("run/ensemble/manifest.json").toFile());
        JsonNode state = JSON.readTree(dir.resolve("run/checkpoint/state.json").toFile());

        assertThat(report.get("config")).isEqualTo(manifest.get("config"));
        assertThat(report.get("provenance")).isEqualTo(manifest.get("provenance"));
        assertThat(report.get("iterations")).isEqualTo(state.get("records"));
        assertThat(report.get("members")).hasSize(r.ensemble().size());
        for (int j = 0; j < r.ensemble().size(); j++) {
            ObjectNode inReport = (ObjectNode) report.get("members").get(j).deepCopy();
            ObjectNode inManifest = (ObjectNode) manifest.get("members").get(j).deepCopy();
            ObjectNode inCheckpoint = (ObjectNode) state.get("members").get(j).deepCopy();
            assertThat(inManifest.remove(List.of("file", "sha256"))).isEqualTo(inReport);
            inReport.remove(List.of("weight", "parameters"));
            assertThat(inCheckpoint.remove(List.of("file", "sha256"))).isEqualTo(inReport);
            assertThat(inReport.get("architecture").get("type").asText()).isIn("dense", "conv");
        }
        // Read back, the records are the ones written.
        RunReport back = RunReport.read(dir.resolve("run/report.json"));
        // (compared as JSON: records holding arrays have identity equality)
        assertThat(JSON.valueToTree(back.iterations()).equals(JSON.valueToTree(r.iterations())))
                .isTrue();
        assertThat(JSON.valueToTree(back.config()).equals(JSON.valueToTree(r.config())))
                .isTrue();
        assertThat(back.provenance()).isEqualTo(r.provenance());
        List<MemberRecord> saved =
                SavedEnsemble.load(dir.resolve("run/ensemble"), Backends.best()).manifest().members().stream()
                        .map(m -> new MemberRecord(
                                m.id(),
                                m.iteration(),
                                m.name(),
                                m.seed(),
                                m.architecture(),
                                m.optimizer(),
                                m.complexity(),
                                m.weight(),
                                m.parameters(),
                                null,
                                null))
                        .toList();
        assertThat(saved).isEqualTo(back.members());
    }

    @Test
    void numbersThatDoNotExistAreNullAndReadBackAsNaN() throws Exception {
        IterationRecord withNaN = new IterationRecord(
                0,
                List.of(),
                org.saepj.pruning.PruneDecision.nothing("adanet"),
                List.of(),
                "linear",
                1,
                List.of(0),
                List.of(0),
                new double[] {Double.NaN, 1},
                Double.NaN,
                Double.POSITIVE_INFINITY,
                new org.saepj.diversity.Diversity(Double.NaN, 0, 0, 0, 0, 0),
                1,
                2,
                Double.NaN,
                null,
                null);
        String text = JSON.writer()
                .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(withNaN);
        assertThat(text)
                .doesNotContain("NaN")
                .doesNotContain("Infinity")
                .contains("\"selectionObjective\":null")
                .contains("\"weights\":[null,1.0]");
        IterationRecord back = JSON.readValue(text, IterationRecord.class);
        assertThat(back.selectionObjective()).isNaN();
        assertThat(back.testAccuracy()).isNaN();
        assertThat(back.weights()[0]).isNaN();
        assertThat(back.diversity().disagreement()).isNaN();
        // Files before format 3 wrote the strings of Jackson's default; they still read.
        IterationRecord old = JSON.readValue(
                text.replace("\"selectionObjective\":null", "\"selectionObjective\":\"-Infinity\""),
                IterationRecord.class);
        assertThat(old.selectionObjective()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Files.exists(dir)).isTrue();
    }
}
