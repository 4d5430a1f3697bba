package org.saepj.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.saepj.data.Augmentation;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.engine.Architecture;
import org.saepj.engine.Backends;
import org.saepj.engine.optim.LearningRateSchedule;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.subnetwork.CandidateSpec;
import org.saepj.task.ClassLabels;

/**
 * Augmented batches prepared on a helper thread while the step before trains give every bit the training thread's
 * own preparation gives: the same parameters, losses and outputs, with and without an early stop.
 */
class AugmentedBatchesTest {
    private static final Shape IMAGE = new Shape(12, 12, 1);
    private static final int ROWS = 300;
    private static final int BATCH = 16;

    private static Dataset images(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[ROWS * IMAGE.size()];
        int[] y = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            y[i] = i % 3;
            for (int p = 0; p < IMAGE.size(); p++) {
                // a bright band whose row depends on the class, so that the network learns something
                boolean band = p / 12 / 4 == y[i];
                x[i * IMAGE.size() + p] = (float) ((band ? 0.8 : 0.1) + 0.1 * rng.nextDouble());
            }
        }
        return new Dataset("images", x, new ClassLabels(y, List.of("a", "b", "c")), IMAGE);
    }

    private static TrainedCandidate train(boolean prepareAhead, Dataset train, int steps, EarlyStopping stopping) {
        SplittableRandom rng = new SplittableRandom(3);
        int[] batches = new int[steps * BATCH];
        for (int i = 0; i < batches.length; i++) {
            batches[i] = rng.nextInt(ROWS);
        }
        CandidateSpec spec =
                new CandidateSpec("cnn", Architecture.ConvNet.paper(IMAGE, 3), new OptimizerSpec.Adam(0.01f), 9);
        TrainingRecipe recipe = new TrainingRecipe(
                new LearningRateSchedule(LearningRateSchedule.Kind.ONECYCLE, 0),
                0.1,
                Augmentation.parse("crop,flip,erase"),
                77,
                1.0);
        TrainingTask task = new TrainingTask(
                0,
                spec,
                train,
                batches,
                BATCH,
                List.of(train),
                stopping.enabled() ? images(8) : null,
                stopping,
                recipe);
        return new CandidateTrainer(Backends.best(), prepareAhead).train(task, TrainingProgress.NONE, 1, null);
    }

    @Test
    void preparedAheadIsBitForBitThePreparationOnTheTrainingThread() {
        Dataset train = images(1);
        for (EarlyStopping stopping : List.of(EarlyStopping.NONE, new EarlyStopping(5, 1))) {
            TrainedCandidate here = train(false, train, 60, stopping);
            TrainedCandidate ahead = train(true, train, 60, stopping);
            assertThat(ahead.network().parameters()).isEqualTo(here.network().parameters());
            assertThat(ahead.trainLoss()).isEqualTo(here.trainLoss());
            assertThat(ahead.stepsRun()).isEqualTo(here.stepsRun());
            assertThat(ahead.keptStep()).isEqualTo(here.keptStep());
            assertThat(ahead.logits().get(0)).isEqualTo(here.logits().get(0));
            assertThat(ahead.divergence()).isEmpty();
        }
    }
}
