package org.saepj.subnetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.data.Shape;
import org.saepj.data.SourceData;
import org.saepj.engine.Architecture;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.persistence.SpaceFiles;
import org.saepj.search.Experiment;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchListener;
import org.saepj.search.SearchResult;
import org.saepj.testing.TestFiles;

/** Search spaces from files: what they propose, how they are checked, and every example space run end to end. */
class SearchSpaceTest {
    @TempDir
    static Path dir;

    static SourceData fixture;
    static final Path EXAMPLES = Path.of("..", "examples", "spaces");

    @BeforeAll
    static void load() {
        fixture = TestFiles.fashionMnist(dir.resolve("f"));
    }

    static SpaceDefinition example(String name) {
        return SpaceFiles.read(EXAMPLES.resolve(name + ".json"));
    }

    @Test
    void familiesProposeTheirCandidatesInOrderWithSeedsByPosition() {
        DefinedSpace space = new DefinedSpace(example("wide-and-deep"), new Shape(28, 28, 1), 10, 0.003f, 100, 5);
        List<CandidateSpec> c = space.candidates(3, OptionalInt.of(7));
        assertThat(c.stream().map(CandidateSpec::name))
                .containsExactly("mlp-d1-w64", "mlp-d1-w256", "mlp-d2-w64", "mlp-d2-w256");
        for (int i = 0; i < c.size(); i++) {
            assertThat(c.get(i).seed()).isEqualTo(Seeds.derive(5, Seeds.CANDIDATE, 3, i));
            assertThat(c.get(i).optimizer()).isEqualTo(new OptimizerSpec.Adam(0.001f));
            assertThat(c.get(i).complexityValue())
                    .isEqualTo(c.get(i).architecture().parameterCount() / 1000.0);
        }
        assertThat(space.independentOfEnsemble()).isTrue();
        assertThat(space.maxCandidates()).isEqualTo(4);

        DefinedSpace mixed = new DefinedSpace(example("cnn-and-dnn"), new Shape(28, 28, 1), 10, 0.003f, 100, 5);
        assertThat(mixed.candidates(0, OptionalInt.empty()).stream().map(CandidateSpec::name))
                .containsExactly("cnn", "dnn-linear", "dnn-d1-w64");
        assertThat(mixed.candidates(4, OptionalInt.of(2)).stream().map(CandidateSpec::name))
                .containsExactly("cnn", "dnn-d2-w64", "dnn-d3-w64");
        assertThat(mixed.independentOfEnsemble()).isFalse();
        assertThat(mixed.candidates(0, OptionalInt.empty()).get(0).optimizer())
                .isEqualTo(new OptimizerSpec.SgdMomentum(0.05f, 0.9f, 100));
        assertThat(mixed.largest(11).parameterCount())
                .isEqualTo(Math.max(
                        Architecture.ConvNet.paper(new Shape(28, 28, 1), 10).parameterCount(),
                        Architecture.DenseStack.dnn(new Shape(28, 28, 1), 12, 64, 10)
                                .parameterCount()));

        DefinedSpace cnn = new DefinedSpace(example("cnn-two-blocks"), new Shape(28, 28, 1), 10, 0.003f, 100, 5);
        Architecture.ConvNet a = (Architecture.ConvNet)
                cnn.candidates(0, OptionalInt.empty()).get(0).architecture();
        assertThat(a.blocks()).containsExactly(new Architecture.ConvBlock(32, 5), new Architecture.ConvBlock(64, 3));
        assertThat(a.toString()).isEqualTo("conv32x5-pool-conv64-pool-128-10");
        assertThat(a.parameterCount())
                .isEqualTo(25 * 32 + 32 + 9 * 32 * 64 + 64 + 7 * 7 * 64 * 128 + 128 + 128 * 10 + 10);
    }

    @Test
    void thePapersDnnWrittenAsAFileSearchesExactlyAsTheBuiltInOne() {
        SearchConfig.Builder b = SearchConfig.builder()
                .iterations(5)
                .totalSteps(300)
                .seed(4)
                .threads(2)
                .method("pie");
        SearchResult builtIn =
                Experiment.run(b.build(), fixture, SearchListener.NONE).get(0);
        SearchResult file = Experiment.run(b.space(example("paper-dnn")).build(), fixture, SearchListener.NONE)
                .get(0);
        assertThat(file.ensemble().size()).isEqualTo(builtIn.ensemble().size());
        for (int j = 0; j < builtIn.ensemble().size(); j++) {
            assertThat(file.ensemble().members().get(j).network().parameters())
                    .isEqualTo(builtIn.ensemble().members().get(j).network().parameters());
        }
        assertThat(file.metrics().testLoss()).isEqualTo(builtIn.metrics().testLoss());
    }

    @Test
    void everyExampleSpaceRunsAndIsTheSameWithOneAndTwoThreads() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(EXAMPLES)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        // the spaces for tables (a dense stem on the flattened row) run on a table: PLR embeds each of an image's 784
        // pixels by 16 × 16 values, a 25-million-parameter stem that takes half a minute for 60 steps
        SourceData table = table(400, 200);
        for (Path f : files) {
            SearchConfig.Builder b = SearchConfig.builder()
                    .space(SpaceFiles.read(f))
                    .iterations(3)
                    .totalSteps(60)
                    .batchSize(32)
                    .seed(2)
                    .method("pap");
            SourceData data = TABLE_SPACES.contains(f.getFileName().toString()) ? table : fixture;
            SearchResult one = Experiment.run(b.threads(1).build(), data, SearchListener.NONE)
                    .get(0);
            SearchResult two = Experiment.run(b.threads(2).build(), data, SearchListener.NONE)
                    .get(0);
            assertThat(one.iterations()).as(f.toString()).hasSize(3);
            assertThat(one.metrics().testAccuracy()).as(f.toString()).isGreaterThan(0.25);
            assertThat(two.ensemble().size()).isEqualTo(one.ensemble().size());
            for (int j = 0; j < one.ensemble().size(); j++) {
                assertThat(two.ensemble().members().get(j).network().parameters())
                        .as(f + " member " + j)
                        .isEqualTo(one.ensemble().members().get(j).network().parameters());
            }
            assertThat(two.metrics().testLoss()).isEqualTo(one.metrics().testLoss());
        }
        assertThat(files.stream().map(f -> f.getFileName().toString()))
                .as("every table space listed is an example")
                .containsAll(TABLE_SPACES);
    }

    /** The example spaces made for tables. */
    static final java.util.Set<String> TABLE_SPACES = java.util.Set.of(
            "residual-mlp.json", "residual-mlp-dropout.json", "residual-mlp-linear.json", "residual-mlp-plr.json");

    /** @return a table of three classes over 12 numeric features, each class's mean apart, train and test rows */
    static SourceData table(int trainRows, int testRows) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        java.util.function.IntFunction<org.saepj.data.Dataset> part = rows -> {
            int features = 12;
            float[] x = new float[rows * features];
            int[] y = new int[rows];
            for (int i = 0; i < rows; i++) {
                y[i] = i % 3;
                for (int j = 0; j < features; j++) {
                    x[i * features + j] = (float) (rng.nextGaussian() + (j % 3 == y[i] ? 1.5 : 0));
                }
            }
            return new org.saepj.data.Dataset("table", x, y, Shape.vector(features), List.of("a", "b", "c"));
        };
        return new SourceData(
                "table", "table", part.apply(trainRows), java.util.Optional.of(part.apply(testRows)), "0", false);
    }

    @Test
    void filesAreCheckedFieldByField() throws Exception {
        String good = Files.readString(EXAMPLES.resolve("wide-and-deep.json"));
        assertThatThrownBy(() -> read(good.replace("[64, 256]", "[64, -1]")))
                .isInstanceOf(SaepException.class)
                .hasMessageEndingWith(": families[0].widths: must list 1 to 8 widths between 1 and 4096");
        assertThatThrownBy(() -> read(good.replace("\"fixed\"", "\"deeper\"")))
                .hasMessageEndingWith("families[0].depths.rule: must be adanet or fixed");
        assertThatThrownBy(() -> read(good.replace("\"adam\"", "\"sgd\"")))
                .hasMessageContaining("families[0].optimizer.type: must be rmsprop,");
        assertThatThrownBy(() -> read(good.replace("\"parameters\"", "\"flops\"")))
                .hasMessageContaining("unknown complexity 'flops'");
        assertThatThrownBy(() -> read(good.replace("\"formatVersion\": 1", "\"formatVersion\": 3")))
                .hasMessageEndingWith("formatVersion: must be 1 or 2, got 3");
        String cnn = Files.readString(EXAMPLES.resolve("cnn-two-blocks.json"));
        assertThatThrownBy(() -> read(cnn.replace("\"kernel\": 5", "\"kernel\": 7")))
                .hasMessageContaining("3×3 or 5×5 kernel");
        assertThatThrownBy(() -> read(cnn.replace("\"dense\": 128", "\"dense\": 0")))
                .hasMessageContaining("families[0].dense: must be between");
        assertThatThrownBy(() -> read("{}")).hasMessageContaining("formatVersion: must be 1 or 2, got null");
        assertThatThrownBy(() -> read("[1,")).hasMessageContaining("not a search-space file");
    }

    static SpaceDefinition read(String text) throws Exception {
        Path f = dir.resolve("space.json");
        Files.writeString(f, text);
        return SpaceFiles.read(f);
    }
}
