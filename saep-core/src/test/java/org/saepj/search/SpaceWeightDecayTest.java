package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.saepj.data.Shape;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.subnetwork.CandidateSpec;
import org.saepj.subnetwork.ModelKind;
import org.saepj.subnetwork.PaperSpace;
import org.saepj.subnetwork.SearchSpace;

/** A weight decay with the space's own optimizer: coupled L2 on its SGD with momentum, refused on any other. */
class SpaceWeightDecayTest {
    private static final Shape IMAGES = new Shape(28, 28, 1);

    private static TrainingPlan decay(double weightDecay) {
        return new TrainingPlan(TrainingPlan.OptimizerChoice.SPACE, weightDecay, null, 0, null);
    }

    @Test
    void theSpacesSgdTakesTheDecayAndKeepsTheRest() {
        SearchSpace cnn = new PaperSpace(ModelKind.CNN, IMAGES, 10, 32, 0.05f, 100, 3);
        SearchSpace decayed = decay(5e-4).apply(cnn);
        for (int t = 0; t < 3; t++) {
            var own = cnn.candidates(t, OptionalInt.empty());
            var with = decayed.candidates(t, OptionalInt.empty());
            assertThat(with).hasSameSizeAs(own);
            for (int i = 0; i < own.size(); i++) {
                CandidateSpec o = own.get(i);
                CandidateSpec w = with.get(i);
                assertThat(w.optimizer()).isEqualTo(((OptimizerSpec.SgdMomentum) o.optimizer()).withWeightDecay(5e-4f));
                assertThat(w.optimizer()).isEqualTo(new OptimizerSpec.SgdMomentum(0.05f, 0.9f, 100, 5e-4f));
                assertThat(w.architecture()).isEqualTo(o.architecture());
                assertThat(w.seed()).isEqualTo(o.seed());
            }
        }
        // the learned mixture's weights keep the space's optimizer, as with --optimizer adamw
        assertThat(decayed.mixtureOptimizer()).isEqualTo(cnn.mixtureOptimizer());
        // without a decay the space is used as it is: the paper's searches are untouched
        assertThat(TrainingPlan.PAPER.apply(cnn)).isSameAs(cnn);
        assertThat(decay(0).apply(cnn)).isSameAs(cnn);
    }

    @Test
    void aSpaceThatDoesNotTrainWithSgdIsRefusedBeforeAnyTraining() {
        SearchSpace dnn = new PaperSpace(ModelKind.DNN, IMAGES, 10, 32, 0.003f, 100, 3);
        assertThatThrownBy(() -> decay(0.01).apply(dnn))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("weightDecay with the space's own optimizer is the coupled L2 of SGD with momentum, and"
                        + " candidate linear trains with RmsProp: choose the adamw optimizer for a decoupled decay");
        // AdamW's decay applies to any space
        SearchSpace adamW = new TrainingPlan(TrainingPlan.OptimizerChoice.ADAMW, 0.01, null, 0, null).apply(dnn);
        assertThat(adamW.candidates(0, OptionalInt.empty()).get(0).optimizer())
                .isEqualTo(new OptimizerSpec.AdamW(0.003f, 0.01f));
    }

    @Test
    void aLearningRateReplacesEveryFamilysOwnAndKeepsTheRest() {
        SearchSpace cnn = new PaperSpace(ModelKind.CNN, IMAGES, 10, 32, 0.05f, 100, 3);
        SearchSpace dnn = new PaperSpace(ModelKind.DNN, IMAGES, 10, 32, 0.003f, 100, 3);
        TrainingPlan rate = new TrainingPlan(TrainingPlan.OptimizerChoice.SPACE, 0, null, 0, null, 0, 0.02);
        var sgd = rate.apply(cnn).candidates(1, OptionalInt.empty());
        var own = cnn.candidates(1, OptionalInt.empty());
        for (int i = 0; i < own.size(); i++) {
            assertThat(sgd.get(i).optimizer()).isEqualTo(new OptimizerSpec.SgdMomentum(0.02f, 0.9f, 100));
            assertThat(sgd.get(i).seed()).isEqualTo(own.get(i).seed());
        }
        // any optimizer of the space takes it, its other settings kept
        assertThat(rate.apply(dnn).candidates(0, OptionalInt.empty()).get(0).optimizer())
                .isEqualTo(new OptimizerSpec.RmsProp(0.02f));
        // with the space's SGD and a decay, both apply
        SearchSpace both =
                new TrainingPlan(TrainingPlan.OptimizerChoice.SPACE, 5e-4, null, 0, null, 0, 0.02).apply(cnn);
        assertThat(both.candidates(0, OptionalInt.empty()).get(0).optimizer())
                .isEqualTo(new OptimizerSpec.SgdMomentum(0.02f, 0.9f, 100, 5e-4f));
        // and with AdamW it is AdamW's rate, not the space's
        SearchSpace adamW =
                new TrainingPlan(TrainingPlan.OptimizerChoice.ADAMW, 0.01, null, 0, null, 0, 0.002).apply(cnn);
        assertThat(adamW.candidates(0, OptionalInt.empty()).get(0).optimizer())
                .isEqualTo(new OptimizerSpec.AdamW(0.002f, 0.01f));
        assertThat(rate.toString()).endsWith(", learningRate=0.02");
        assertThatThrownBy(() -> new TrainingPlan(TrainingPlan.OptimizerChoice.SPACE, 0, null, 0, null, 0, 0.0))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("learningRate must be a positive number, got 0.0");
    }

    @Test
    void thePlanSaysItsDecay() {
        assertThat(decay(5e-4).toString()).startsWith("optimizer=space, weightDecay=5.0E-4, schedule=");
        assertThat(TrainingPlan.PAPER.toString()).startsWith("optimizer=space, schedule=");
    }
}
