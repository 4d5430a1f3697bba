package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.data.Augmentation;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.data.SourceData;
import org.saepj.data.io.IdxDatasetReader;
import org.saepj.data.source.KnownDataset;
import org.saepj.engine.Backends;
import org.saepj.engine.optim.LearningRateSchedule;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.execution.LocalExecutor;
import org.saepj.persistence.JsonFormat;
import org.saepj.persistence.SearchCheckpoint;
import org.saepj.subnetwork.ModelKind;
import org.saepj.task.RealValues;
import org.saepj.testing.TestFiles;

/**
 * Searches with the training options (AdamW, a cosine schedule with warm-up, label smoothing, augmentation) on the
 * Fashion-MNIST fixture: the same for one and two threads, the same when resumed, stored and read back, and refused
 * where the data cannot take them.
 */
class TrainingOptionsSearchTest {
    @TempDir
    static Path dir;

    static SourceData fixture;

    @BeforeAll
    static void load() {
        Path d = TestFiles.fashionMnistFixture(dir.resolve("fashion-mnist"));
        fixture = IdxDatasetReader.read("fashion-mnist", d, KnownDataset.FASHION_MNIST.classNames(), Map.of());
    }

    private static final TrainingPlan ALL = new TrainingPlan(
            TrainingPlan.OptimizerChoice.ADAMW,
            0.05,
            new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 10),
            0.1,
            new Augmentation(2, true, true),
            1.0);

    private static SearchConfig.Builder small() {
        return SearchConfig.builder()
                .iterations(4)
                .totalSteps(240)
                .seed(7)
                .learningRate(0.003)
                .method("pie")
                .training(ALL);
    }

    private static SearchResult run(SearchConfig config) {
        return Experiment.run(config, fixture, SearchListener.NONE).get(0);
    }

    @Test
    void sameSeedSameResultForOneAndTwoThreads() {
        // the CNN trains each iteration's candidate an iteration early with two threads, on the next one's draws
        for (SearchConfig one : List.of(
                small().threads(1).build(),
                small().model(ModelKind.CNN).totalSteps(80).threads(1).build())) {
            SearchResult a = run(one);
            SearchResult b = run(one.toBuilder().threads(2).build());
            assertThat(b.metrics().testAccuracy()).isEqualTo(a.metrics().testAccuracy());
            assertThat(b.metrics().testLoss()).isEqualTo(a.metrics().testLoss());
            assertThat(b.ensemble().size()).isEqualTo(a.ensemble().size());
            for (int j = 0; j < a.ensemble().size(); j++) {
                assertThat(b.ensemble().members().get(j).network().parameters())
                        .isEqualTo(a.ensemble().members().get(j).network().parameters());
            }
        }
    }

    @Test
    void eachOptionChangesTheTrainingAndTheMembersTrainWithAdamW() {
        SearchResult paper = run(small().iterations(2)
                .totalSteps(60)
                .training(TrainingPlan.PAPER)
                .threads(2)
                .build());
        float[] plain = paper.ensemble().members().get(0).network().parameters();
        List<TrainingPlan> plans = List.of(
                new TrainingPlan(TrainingPlan.OptimizerChoice.ADAMW, Double.NaN, null, 0, null),
                new TrainingPlan(null, 0, new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 0), 0, null),
                new TrainingPlan(null, 0, null, 0.1, null),
                new TrainingPlan(null, 0, null, 0, new Augmentation(0, true)),
                new TrainingPlan(null, 0, null, 0, new Augmentation(1, false)),
                new TrainingPlan(null, 0, null, 0, null, 0.05),
                new TrainingPlan(null, 0, null, 0, new Augmentation(0, false, true)),
                new TrainingPlan(null, 0, new LearningRateSchedule(LearningRateSchedule.Kind.ONECYCLE, 0), 0, null));
        for (TrainingPlan plan : plans) {
            SearchResult r = run(small().iterations(2)
                    .totalSteps(60)
                    .training(plan)
                    .threads(2)
                    .build());
            assertThat(r.ensemble().members().get(0).network().parameters())
                    .as("%s", plan)
                    .isNotEqualTo(plain);
        }
        SearchResult adamW = run(small().threads(2).build());
        assertThat(adamW.ensemble().members().get(0).candidate().optimizer())
                .isEqualTo(new OptimizerSpec.AdamW(0.003f, 0.05f));
        assertThat(adamW.metrics().testAccuracy()).isGreaterThan(0.5);
        // the paper's plan is the default and stores nothing new in the settings line
        assertThat(small().training(TrainingPlan.PAPER).build())
                .isEqualTo(small().training(null).build());
        assertThat(SearchConfig.builder().build().training()).isEqualTo(TrainingPlan.PAPER);
        assertThat(SearchConfig.builder().build().toString()).doesNotContain("optimizer=");
    }

    @Test
    void aResumedSearchAugmentsAndSchedulesAsTheUninterruptedOne() {
        SearchConfig config = small().threads(2).build();
        Partitions p = Partitions.prepare(config, fixture).get(0);
        try (LocalExecutor executor = new LocalExecutor(2, Backends.best())) {
            AdaNetSearch search = new AdaNetSearch(config, executor, Backends.best());
            int[] k = {0};
            SearchResult full = search.run(
                    p,
                    Experiment.info(config, fixture, p),
                    SearchListener.NONE,
                    null,
                    state -> new SearchCheckpoint(dir.resolve("after-" + (++k[0])), fixture.sha256()).save(state));
            SearchState state = SearchCheckpoint.load(dir.resolve("after-2"), Backends.best(), fixture.sha256());
            SearchResult resumed =
                    search.run(p, Experiment.info(config, fixture, p), SearchListener.NONE, state, s -> {});
            assertThat(resumed.metrics().testLoss()).isEqualTo(full.metrics().testLoss());
            for (int j = 0; j < full.ensemble().size(); j++) {
                assertThat(resumed.ensemble().members().get(j).network().parameters())
                        .isEqualTo(full.ensemble().members().get(j).network().parameters());
            }
        }
    }

    @Test
    void theStoredFormKeepsThePlanAndAnEarlierOneReadsAsThePaper() throws Exception {
        SearchConfig config = small().threads(2).build();
        ObjectNode json = JsonFormat.mapper().valueToTree(config);
        assertThat(json.at("/training/optimizer").asText()).isEqualTo("adamw");
        assertThat(json.at("/training/weightDecay").asDouble()).isEqualTo(0.05);
        assertThat(json.at("/training/schedule/kind").asText()).isEqualTo("cosine");
        assertThat(json.at("/training/schedule/warmupSteps").asInt()).isEqualTo(10);
        assertThat(json.at("/training/labelSmoothing").asDouble()).isEqualTo(0.1);
        assertThat(json.at("/training/augmentation/shift").asInt()).isEqualTo(2);
        assertThat(json.at("/training/augmentation/flip").asBoolean()).isTrue();
        assertThat(json.at("/training/clipNorm").asDouble()).isEqualTo(1.0);
        assertThat(JsonFormat.mapper().treeToValue(json, SearchConfig.class)).isEqualTo(config);
        assertThat(json.at("/training/augmentation/erase").asBoolean()).isTrue();
        // a plan stored before clipping and erasing existed reads as one without them
        ((ObjectNode) json.get("training")).remove("clipNorm");
        ((ObjectNode) json.at("/training/augmentation")).remove("erase");
        assertThat(JsonFormat.mapper()
                        .treeToValue(json, SearchConfig.class)
                        .training()
                        .augmentation())
                .isEqualTo(new Augmentation(2, true));
        assertThat(JsonFormat.mapper()
                        .treeToValue(json, SearchConfig.class)
                        .training()
                        .clipNorm())
                .isZero();
        json.remove("training");
        assertThat(JsonFormat.mapper().treeToValue(json, SearchConfig.class).training())
                .isEqualTo(TrainingPlan.PAPER);
    }

    @Test
    void settingsThatCannotBeUsedAreNamed() {
        assertThatThrownBy(() -> new TrainingPlan(TrainingPlan.OptimizerChoice.ADAM, 0.01, null, 0, null))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("weightDecay needs the adamw optimizer (decoupled decay) or the space's own SGD with"
                        + " momentum (coupled L2), and the optimizer is adam");
        assertThatThrownBy(() -> new TrainingPlan(TrainingPlan.OptimizerChoice.ADAMW, -1, null, 0, null))
                .hasMessage("weightDecay must be a number of at least 0, such as 0.01, got -1.0");
        assertThatThrownBy(() -> new TrainingPlan(null, 0, null, 1, null))
                .hasMessage("labelSmoothing must be at least 0 and below 1, such as 0.1, got 1.0");
        assertThatThrownBy(() -> new TrainingPlan(null, 0, null, 0, null, -1))
                .hasMessage("clipNorm must be 0 (no clipping) or a number above 0, such as 1, got -1.0");
        assertThat(new TrainingPlan(TrainingPlan.OptimizerChoice.ADAMW, Double.NaN, null, 0, null).weightDecay())
                .isEqualTo(TrainingPlan.DEFAULT_WEIGHT_DECAY);
    }

    @Test
    void labelSmoothingOnValuesAndAugmentationOnRowsAreRefusedBeforeTraining() {
        float[] x = new float[200 * 3];
        double[] y = new double[200];
        for (int i = 0; i < y.length; i++) {
            x[i * 3] = i % 7;
            y[i] = i % 5;
        }
        SourceData rows = new SourceData(
                "rows",
                "rows",
                new Dataset("rows", x, new RealValues(y), Shape.vector(3)),
                Optional.empty(),
                "0",
                false);
        SearchConfig smoothing = SearchConfig.builder()
                .iterations(2)
                .totalSteps(20)
                .threads(1)
                .training(new TrainingPlan(null, 0, null, 0.1, null))
                .build();
        assertThatThrownBy(() -> Experiment.run(smoothing, rows, SearchListener.NONE))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("labelSmoothing smooths class labels, and this is a regression search: leave it at 0");
        SearchConfig augment = smoothing.toBuilder()
                .training(new TrainingPlan(null, 0, null, 0, new Augmentation(0, true)))
                .build();
        assertThatThrownBy(() -> Experiment.run(augment, rows, SearchListener.NONE))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("augmentation needs images, and the samples are rows of 3 features");
    }
}
