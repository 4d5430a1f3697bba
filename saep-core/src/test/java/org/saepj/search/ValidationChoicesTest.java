package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.data.BatchStream;
import org.saepj.data.SourceData;
import org.saepj.engine.Backends;
import org.saepj.execution.CandidateTrainer;
import org.saepj.execution.EarlyStopping;
import org.saepj.execution.TrainedCandidate;
import org.saepj.execution.TrainingProgress;
import org.saepj.execution.TrainingTask;
import org.saepj.persistence.SpaceFiles;
import org.saepj.subnetwork.CandidateSpec;
import org.saepj.task.Loss;
import org.saepj.testing.TestFiles;

/**
 * Choices made on the validation part: early stopping keeps the lowest validation loss's parameters and layer state,
 * the objective can be computed on either data, and the result is the best iteration on validation data.
 */
class ValidationChoicesTest {
    @TempDir
    static Path dir;

    static SourceData fixture;

    @BeforeAll
    static void load() {
        fixture = TestFiles.fashionMnist(dir.resolve("f"));
    }

    /** A dense network with batch normalisation, so the layer state is part of what early stopping keeps. */
    private static CandidateSpec batchNormCandidate(SearchConfig config, Partitions p) throws Exception {
        Path file = dir.resolve("bn-mlp.json");
        Files.writeString(file, """
                {"formatVersion": 2, "name": "bn-mlp", "families": [{"name": "bn", "type": "graph", "vary": {"w": [32]},
                  "blocks": [{"name": "b", "nodes": [
                    {"id": "flat", "layer": {"type": "flatten"}},
                    {"id": "fc", "layer": {"type": "dense", "units": "$w"}},
                    {"id": "bn", "layer": {"type": "batch_norm", "momentum": 0.1, "epsilon": 1e-5}},
                    {"id": "act", "layer": {"type": "relu"}}]}],
                  "body": [{"block": "b"}], "optimizer": {"type": "adam", "learningRate": 0.01},
                  "complexity": "sqrt-depth"}]}
                """);
        SearchConfig withSpace = config.toBuilder().space(SpaceFiles.read(file)).build();
        return withSpace
                .searchSpace(p.train().shape(), p.train().classCount())
                .candidates(0, OptionalInt.empty())
                .get(0);
    }

    private static int[] batches(int size, int steps, int batch) {
        return new BatchStream(size, batch, 11).next(steps);
    }

    @Test
    void earlyStoppingStopsOnTheValidationLossAndKeepsTheParametersAndStateOfItsLowest() throws Exception {
        SearchConfig config =
                SearchConfig.builder().selection(new SelectionSet(0.2)).seed(5).build();
        Partitions p = Partitions.prepare(config, fixture).get(0);
        CandidateSpec spec = batchNormCandidate(config, p);
        int steps = 1500;
        int[] all = batches(p.train().size(), steps, 32);
        CandidateTrainer trainer = new CandidateTrainer(Backends.best());
        TrainedCandidate stopped = trainer.train(
                new TrainingTask(
                        0, spec, p.train(), all, 32, List.of(p.train()), p.selection(), new EarlyStopping(25, 3)),
                TrainingProgress.NONE,
                1,
                null);
        // A few hundred images and a high learning rate: the validation loss turns up long before 1500 steps.
        assertThat(stopped.stepsRun()).isLessThan(steps);
        assertThat(stopped.keptStep()).isEqualTo(stopped.stepsRun() - 3 * 25);
        assertThat(stopped.network().state()).isNotEmpty();

        // The same candidate trained plainly for exactly the kept steps holds the same numbers: the measurements
        // changed nothing the training read, and the kept copy is the lowest one's, state included.
        int[] prefix = Arrays.copyOf(all, stopped.keptStep() * 32);
        TrainedCandidate plain = trainer.train(
                new TrainingTask(0, spec, p.train(), prefix, 32, List.of(p.train())), TrainingProgress.NONE, 1, null);
        assertThat(stopped.network().parameters()).isEqualTo(plain.network().parameters());
        assertThat(stopped.network().state()).isEqualTo(plain.network().state());
        TrainedCandidate full = trainer.train(
                new TrainingTask(0, spec, p.train(), all, 32, List.of(p.train())), TrainingProgress.NONE, 1, null);
        Loss validation = p.selection().targets().task().loss(p.selection().targets());
        assertThat(validation.mean(stopped.network().logits(p.selection())))
                .isLessThan(validation.mean(full.network().logits(p.selection())));
        assertThat(full.stepsRun()).isEqualTo(steps);
        assertThat(full.keptStep()).isEqualTo(steps);
    }

    @Test
    void theValidatedSearchReturnsItsBestIterationOnValidationDataAndSaysSo() {
        SearchConfig config = SearchConfig.builder()
                .iterations(6)
                .totalSteps(900)
                .seed(7)
                .threads(2)
                .learningRate(0.01)
                .selection(new SelectionSet(0.2))
                .validation(ValidationPlan.VALIDATED)
                .build();
        SearchResult r = Experiment.run(config, fixture, SearchListener.NONE).get(0);
        int best = 0;
        for (IterationRecord it : r.iterations()) {
            assertThat(it.validationLoss()).isFinite();
            if (it.validationLoss() < r.iterations().get(best).validationLoss()) {
                best = it.iteration();
            }
        }
        for (IterationRecord it : r.iterations()) {
            for (CandidateRecord c : it.candidates()) {
                assertThat(c.keptStep()).isBetween(1, c.stepsRun());
                assertThat(c.stepsRun()).isBetween(1, 150);
            }
        }
        IterationRecord chosen = r.iterations().get(best);
        assertThat(r.finalIteration()).isEqualTo(best);
        assertThat(r.ensemble().members().stream().map(m -> m.id()).toList()).isEqualTo(chosen.memberIds());
        assertThat(r.metrics().testAccuracy()).isEqualTo(chosen.testAccuracy());
        DataUse use = DataUse.of(r.config(), r.finalIteration(), r.dataset().trainSize());
        assertThat(use.finalEnsemble())
                .isEqualTo("iteration " + best + ": the lowest ensemble loss on the validation part");
        assertThat(use.earlyStopping()).startsWith("the loss on the validation part");
        assertThat(use.test()).isEqualTo("measured only: no choice is made on it");

        SearchResult last = Experiment.run(
                        config.toBuilder().validation(ValidationPlan.PAPER).build(), fixture, SearchListener.NONE)
                .get(0);
        assertThat(last.finalIteration()).isEqualTo(5);
        assertThat(DataUse.of(last.config(), 5, last.dataset().trainSize()).finalEnsemble())
                .isEqualTo("iteration 5: the last");
    }

    @Test
    void theObjectiveIsComputedOnTheValidationPartOrOnTheTrainingDataAsAsked() {
        SearchConfig.Builder b = SearchConfig.builder()
                .iterations(1)
                .totalSteps(100)
                .seed(3)
                .threads(1)
                .selection(new SelectionSet(0.2));
        for (ValidationPlan.ObjectiveData on : ValidationPlan.ObjectiveData.values()) {
            SearchConfig config = b.validation(
                            new ValidationPlan(EarlyStopping.NONE, on, ValidationPlan.FinalEnsemble.LAST))
                    .build();
            Partitions p = Partitions.prepare(config, fixture).get(0);
            SearchResult r =
                    Experiment.run(config, fixture, SearchListener.NONE).get(0);
            var member = r.ensemble().members().get(0);
            boolean train = on == ValidationPlan.ObjectiveData.TRAIN;
            var data = train ? p.train() : p.selection();
            double expected = data.targets()
                    .task()
                    .loss(data.targets())
                    .mean(train ? member.trainLogits() : member.selectionLogits());
            assertThat(r.iterations().get(0).selectionObjective()).as(on.id()).isEqualTo(expected);
        }
    }

    @Test
    void choicesThatNeedAValidationPartAreRefusedWithoutOne() {
        assertThatThrownBy(() -> SearchConfig.builder()
                        .validation(ValidationPlan.VALIDATED)
                        .build())
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("needs a part of the training data held out for early stopping");
        assertThatThrownBy(() -> new EarlyStopping(-1, 2)).hasMessageContaining("steps between measurements");
        assertThat(new EarlyStopping(0, 5).interval(454)).isEqualTo(22);
        assertThat(new EarlyStopping(0, 5).interval(7)).isEqualTo(1);
    }
}
