package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataInputStream;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.data.io.CsvReader;
import org.saepj.data.source.DataSources;
import org.saepj.data.source.DatasetLocator;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.testing.TestFiles;

/**
 * Files written by the last build before any format change (test resources {@code golden/v1}, see its
 * README) still load with this build and give the same results: the same logits bit for bit, the same
 * predictions file and evaluation, and a killed run's checkpoint resumes to the report that build wrote.
 */
class GoldenFilesTest {
    @TempDir
    Path dir;

    static Path golden(String name) {
        try {
            return Path.of(GoldenFilesTest.class.getResource("/golden/v1/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Points a golden run's stored settings (made with the relative source idx:fixture) at a copy of the fixture. */
    static void pointAtFixture(Path runDir, Path fixture) throws Exception {
        ObjectNode inv = (ObjectNode) Json.MAPPER.readTree(runDir.resolve("run.json").toFile());
        ((ObjectNode) inv.get("config")).put("dataset", "idx:" + fixture);
        Files.writeString(runDir.resolve("run.json"), Json.pretty(inv));
    }

    /** @return the data source the golden model of this kind was searched on, as a copy in the temporary directory */
    String source(String kind) throws Exception {
        if (kind.equals("csv")) {
            return "csv:" + Files.copy(golden("csv/blobs.csv"), dir.resolve("blobs.csv"));
        }
        return "idx:" + TestFiles.fashionMnistFixture(dir.resolve("fixture"));
    }

    static float[] logits(Path file) throws Exception {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            float[] f = new float[in.readInt() * in.readInt()];
            for (int i = 0; i < f.length; i++) {
                f[i] = Float.intBitsToFloat(in.readInt());
            }
            return f;
        }
    }

    @Test
    void everyGoldenEnsembleGivesTheSameLogitsPredictionsAndEvaluation() throws Exception {
        for (String kind : List.of("dnn", "cnn", "csv")) {
            Path model = golden(kind + "/ensemble");
            String source = source(kind);
            SavedEnsemble ensemble = SavedEnsemble.load(model, KernelsProvider.best());
            assertThat(ensemble.manifest().formatVersion()).isEqualTo(1);
            DataSources sources = new DataSources(DatasetLocator.standard(null), CsvReader.Options.defaults());
            ModelData.Scored scored = ModelData.prepare(ensemble, sources, source, "test");
            assertThat(scored.rows()).as(kind).contains("the search's own test split");
            float[] expected = logits(golden(kind + "/test-logits.bin"));
            float[] actual = ensemble.logits(scored.data());
            assertThat(actual.length).isEqualTo(expected.length);
            for (int i = 0; i < expected.length; i++) {
                assertThat(Float.floatToRawIntBits(actual[i])).as(kind + " logit " + i).isEqualTo(Float.floatToRawIntBits(expected[i]));
            }
            Path predictions = dir.resolve(kind + "-predictions.csv");
            CliRun predict = CliRun.of("predict", "--model", model.toString(), "--data", source, "--out", predictions.toString());
            assertThat(predict.exitCode()).as(predict.err()).isZero();
            assertThat(Files.readString(predictions)).as(kind).isEqualTo(Files.readString(golden(kind + "/predictions.csv")));
            CliRun evaluate = CliRun.of("evaluate", "--model", model.toString(), "--data", source, "--json");
            assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
            JsonNode now = Json.MAPPER.readTree(evaluate.out());
            JsonNode then = Json.MAPPER.readTree(golden(kind + "/evaluate.json").toFile());
            for (String field : List.of("samples", "accuracy", "loss", "ensembleSize", "diversity")) {
                assertThat(now.get(field)).as(kind + " " + field).isEqualTo(then.get(field));
            }
        }
    }

    @Test
    void aVersionOneCheckpointResumesToTheReportItsBuildWrote() throws Exception {
        Path run = dir.resolve("checkpoint-run");
        FaultAuditTest.copyTree(golden("checkpoint-run"), run);
        Files.delete(run.resolve("resumed-report.json"));
        Files.delete(run.resolve("resumed-iterations.csv"));
        pointAtFixture(run, TestFiles.fashionMnistFixture(dir.resolve("fixture")));
        CliRun resumed = CliRun.of("search", "--resume", run.toString(), "--quiet");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("warning: ").contains("did not record the data's fingerprint");
        JsonNode now = InterruptionTest.comparable(run.resolve("report.json"));
        JsonNode then = InterruptionTest.comparable(golden("checkpoint-run/resumed-report.json"));
        for (String part : List.of("final", "members", "iterations")) {
            assertThat(now.get(part)).as(part).isEqualTo(then.get(part));
        }
        assertThat(now.at("/config/seed")).isEqualTo(then.at("/config/seed"));
    }

    @Test
    void settingsOfVersionOneRunsAndComparisonsAreReadWithTheirCriterion() throws Exception {
        Invocation pie = Invocation.load(golden("dnn"));
        assertThat(pie.config().criterion()).isEqualTo(org.saepj.pruning.CriterionSpec.of("pie", java.util.Map.of("alpha", 0.5)));
        Path cmp = dir.resolve("compare-run");
        FaultAuditTest.copyTree(golden("compare-run"), cmp);
        ObjectNode stored = (ObjectNode) Json.MAPPER.readTree(cmp.resolve("compare.json").toFile());
        String fixture = "idx:" + TestFiles.fashionMnistFixture(dir.resolve("fixture"));
        ((ObjectNode) stored.at("/plan/base")).put("dataset", fixture);
        ((ObjectNode) stored.at("/invocation/config")).put("dataset", fixture);
        Files.writeString(cmp.resolve("compare.json"), Json.pretty(stored));
        CliRun resumed = CliRun.of("compare", "--resume", cmp.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("adanet/uniform").contains("pie/uniform").contains("(already complete)");
        JsonNode now = Json.MAPPER.readTree(cmp.resolve("comparison.json").toFile());
        JsonNode then = Json.MAPPER.readTree(golden("compare-run/comparison.json").toFile());
        assertThat(now.get("runs")).isEqualTo(then.get("runs"));
        assertThat(now.at("/config/criterionParameters/alpha").asDouble()).isEqualTo(0.25);
    }
}
