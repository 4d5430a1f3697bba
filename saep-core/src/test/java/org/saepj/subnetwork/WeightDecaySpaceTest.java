package org.saepj.subnetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.data.Shape;
import org.saepj.data.SourceData;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.persistence.SpaceFiles;
import org.saepj.search.Experiment;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchListener;
import org.saepj.search.SearchResult;
import org.saepj.testing.TestFiles;

/** Space files' weight decay: sgd-momentum's coupled L2 and the adamw type, read, refused and searched with. */
class WeightDecaySpaceTest {
    @TempDir
    static Path dir;

    static SourceData fixture;

    @BeforeAll
    static void load() {
        fixture = TestFiles.fashionMnist(dir.resolve("f"));
    }

    /** @return a space of one dense family (depths 1 and 2, width 32) training with the given optimizer */
    static String space(String optimizer) {
        return "{\"formatVersion\": 1, \"name\": \"decay\", \"families\": [{\"name\": \"mlp\", \"type\": \"dense\","
                + " \"widths\": [32], \"depths\": {\"rule\": \"fixed\", \"values\": [1, 2]}, \"optimizer\": "
                + optimizer + ", \"complexity\": \"parameters\"}]}";
    }

    static SpaceDefinition read(String text) throws Exception {
        Path f = dir.resolve("space.json");
        Files.writeString(f, text);
        return SpaceFiles.read(f);
    }

    static OptimizerSpec firstOptimizer(String optimizer) throws Exception {
        DefinedSpace s = new DefinedSpace(read(space(optimizer)), new Shape(28, 28, 1), 10, 0.003f, 100, 5);
        return s.candidates(0, OptionalInt.empty()).get(0).optimizer();
    }

    @Test
    void sgdTakesACoupledDecayAndAdamWItsOwn() throws Exception {
        assertThat(firstOptimizer("{\"type\": \"sgd-momentum\", \"learningRate\": 0.05, \"schedule\": \"cosine\","
                        + " \"weightDecay\": 5e-4}"))
                .isEqualTo(new OptimizerSpec.SgdMomentum(0.05f, 0.9f, 100, 5e-4f));
        assertThat(firstOptimizer("{\"type\": \"sgd-momentum\", \"learningRate\": 0.05}"))
                .isEqualTo(new OptimizerSpec.SgdMomentum(0.05f, 0.9f, 0));
        assertThat(firstOptimizer("{\"type\": \"adamw\", \"learningRate\": 0.002}"))
                .isEqualTo(new OptimizerSpec.AdamW(0.002f, 0.01f));
        assertThat(firstOptimizer("{\"type\": \"adamw\", \"weightDecay\": 0.05}"))
                .isEqualTo(new OptimizerSpec.AdamW(0.003f, 0.05f));
        assertThat(firstOptimizer("{\"type\": \"adamw\", \"weightDecay\": 0}"))
                .isEqualTo(new OptimizerSpec.AdamW(0.003f, 0f));
    }

    @Test
    void aStoredDefinitionKeepsItsDecayAndOneWithoutIsWrittenAsBefore() throws Exception {
        var mapper = org.saepj.persistence.JsonFormat.mapper();
        SpaceDefinition plain = read(space("{\"type\": \"sgd-momentum\"}"));
        assertThat(mapper.writeValueAsString(plain)).doesNotContain("weightDecay");
        SpaceDefinition decayed = read(space("{\"type\": \"sgd-momentum\", \"weightDecay\": 5e-4}"));
        assertThat(mapper.readValue(mapper.writeValueAsString(decayed), SpaceDefinition.class))
                .isEqualTo(decayed);
        assertThat(decayed.families().get(0).optimizer().weightDecay()).isEqualTo(5e-4);
    }

    @Test
    void aDecayOutOfRangeOrOnAnotherOptimizerIsOneLineNamingTheField() {
        String field =
                "families[0].optimizer.weightDecay: belongs to sgd-momentum or adamw and must be in [0, 1), got ";
        assertThatThrownBy(() -> read(space("{\"type\": \"sgd-momentum\", \"weightDecay\": -0.1}")))
                .isInstanceOf(SaepException.class)
                .hasMessageEndingWith(field + "-0.1")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> read(space("{\"type\": \"adamw\", \"weightDecay\": 1}")))
                .hasMessageEndingWith(field + "1.0");
        assertThatThrownBy(() -> read(space("{\"type\": \"rmsprop\", \"weightDecay\": 0.01}")))
                .hasMessageEndingWith(field + "0.01");
        assertThatThrownBy(() -> read(space("{\"type\": \"adamw\", \"momentum\": 0.9}")))
                .hasMessageEndingWith("families[0].optimizer.momentum: belongs to sgd-momentum and must be in [0, 1)");
        assertThatThrownBy(() -> read(space("{\"type\": \"adamw\", \"schedule\": \"cosine\"}")))
                .hasMessageEndingWith("families[0].optimizer.schedule: must be constant, or cosine for sgd-momentum");
        assertThatThrownBy(() -> read(space("{\"type\": \"lion\"}")))
                .hasMessageEndingWith(
                        "families[0].optimizer.type: must be rmsprop, sgd-momentum, adam or adamw, got lion");
    }

    @Test
    void searchesWithEachNewOptimizerAreTheSameWithOneAndTwoThreads() throws Exception {
        String sgd = "{\"type\": \"sgd-momentum\", \"learningRate\": 0.05, \"schedule\": \"cosine\"";
        SearchResult plainSgd = search(space(sgd + "}"), 1);
        for (String optimizer : new String[] {sgd + ", \"weightDecay\": 0.05}", "{\"type\": \"adamw\"}"}) {
            String text = space(optimizer);
            SearchResult one = search(text, 1);
            SearchResult two = search(text, 2);
            assertThat(one.iterations()).as(optimizer).hasSize(2);
            assertThat(one.metrics().testAccuracy()).as(optimizer).isGreaterThan(0.25);
            assertThat(two.ensemble().size()).isEqualTo(one.ensemble().size());
            for (int j = 0; j < one.ensemble().size(); j++) {
                assertThat(two.ensemble().members().get(j).network().parameters())
                        .as(optimizer + " member " + j)
                        .isEqualTo(one.ensemble().members().get(j).network().parameters());
            }
            assertThat(two.metrics().testLoss()).isEqualTo(one.metrics().testLoss());
        }
        // the decay is not ignored: the same search without it ends elsewhere
        SearchResult decayed = search(space(sgd + ", \"weightDecay\": 0.05}"), 1);
        assertThat(decayed.ensemble().members().get(0).network().parameters())
                .isNotEqualTo(plainSgd.ensemble().members().get(0).network().parameters());
    }

    private static SearchResult search(String text, int threads) throws Exception {
        SearchConfig config = SearchConfig.builder()
                .space(read(text))
                .iterations(2)
                .totalSteps(60)
                .batchSize(32)
                .seed(2)
                .method("pap")
                .threads(threads)
                .build();
        return Experiment.run(config, fixture, SearchListener.NONE).get(0);
    }
}
