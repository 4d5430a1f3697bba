package org.saepj.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.saepj.SaepException;
import org.saepj.data.Augmentation;
import org.saepj.data.preprocess.Scaling;
import org.saepj.engine.optim.LearningRateSchedule;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.search.SearchConfig;
import org.saepj.search.TrainingPlan;

/**
 * The facade's training options: they reach the configuration as {@code saep search}'s options do, change what is
 * trained, and are refused in one line naming the builder's method.
 */
class TrainingOptionsApiTest {
    private static final Blobs TRAIN = Blobs.draw(240, 1);

    /** One search (no bags: DefaultBags would bag these small blobs), small and quick. */
    private static ClassifierBuilder small() {
        return Saep.classifier()
                .bags(1)
                .iterations(2)
                .steps(120)
                .batchSize(32)
                .threads(1)
                .seed(5);
    }

    @Test
    void everyOptionReachesTheConfiguration() {
        SearchConfig config = small().optimizer(TrainingPlan.OptimizerChoice.ADAMW)
                .weightDecay(0.05)
                .schedule(LearningRateSchedule.Kind.COSINE)
                .warmupSteps(7)
                .labelSmoothing(0.1)
                .clipNorm(2)
                .augmentation(Augmentation.parse("crop,flip,erase"))
                .config("arrays");
        assertThat(config.training())
                .isEqualTo(new TrainingPlan(
                        TrainingPlan.OptimizerChoice.ADAMW,
                        0.05,
                        new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 7),
                        0.1,
                        new Augmentation(Augmentation.CROP_FOR_IMAGE, true, true),
                        2));
        assertThat(Saep.regressor()
                        .schedule(LearningRateSchedule.Kind.ONECYCLE)
                        .clipNorm(1)
                        .config("arrays")
                        .training())
                .isEqualTo(new TrainingPlan(
                        null, 0, new LearningRateSchedule(LearningRateSchedule.Kind.ONECYCLE, 0), 0, null, 1));
        // nothing given: the paper's training, as saep search without the options
        assertThat(small().config("arrays").training()).isEqualTo(TrainingPlan.PAPER);
    }

    @Test
    void theOptionsChangeTheTrainedModel() {
        double[][] plain = small().fit(TRAIN.features(), TRAIN.labels()).predictProbabilities(TRAIN.features());
        SaepClassifier adamW = small().optimizer(TrainingPlan.OptimizerChoice.ADAMW)
                .schedule(LearningRateSchedule.Kind.ONECYCLE)
                .labelSmoothing(0.1)
                .clipNorm(0.5)
                .fit(TRAIN.features(), TRAIN.labels());
        assertThat(adamW.predictProbabilities(TRAIN.features())).isNotEqualTo(plain);
        assertThat(adamW.members().get(0).optimizer()).isInstanceOf(OptimizerSpec.AdamW.class);
        assertThat(adamW.report().orElseThrow().config().training().clipNorm()).isEqualTo(0.5);
    }

    /** {@code refit(true)}: the same members, retrained on every training row; the report says so. */
    @Test
    void refitRetrainsTheChosenMembersAndTheReportSaysSo() {
        SaepClassifier plain = small().fit(TRAIN.features(), TRAIN.labels());
        SaepClassifier refit = small().refit(true).fit(TRAIN.features(), TRAIN.labels());
        assertThat(refit.report().orElseThrow().config().validation().refits()).isTrue();
        assertThat(refit.members())
                .extracting(m -> m.id())
                .containsExactlyElementsOf(
                        plain.members().stream().map(m -> m.id()).toList());
        assertThat(refit.predictProbabilities(TRAIN.features()))
                .isNotEqualTo(plain.predictProbabilities(TRAIN.features()));
        assertThat(refit.report().orElseThrow().dataUse().finalTraining())
                .contains("192 rows"); // 240 less the 20% test part
        assertThat(plain.report().orElseThrow().dataUse().finalTraining()).isNull();
    }

    /** {@code scaling(ROBUST)}: the fitted model holds the robust-scale step and predicts through it. */
    @Test
    void robustScalingIsFittedStoredAndApplied() {
        assertThat(small().config("arrays").scaling()).as("the default").isEqualTo(Scaling.STANDARD);
        SaepClassifier plain = small().fit(TRAIN.features(), TRAIN.labels());
        SaepClassifier robust = small().scaling(Scaling.ROBUST).fit(TRAIN.features(), TRAIN.labels());
        assertThat(plain.ensemble().manifest().preprocessing().types()).containsExactly("standardize");
        assertThat(robust.ensemble().manifest().preprocessing().types()).containsExactly("robust-scale");
        assertThat(robust.report().orElseThrow().config().scaling()).isEqualTo(Scaling.ROBUST);
        double[][] p = robust.predictProbabilities(TRAIN.features());
        assertThat(p).isNotEqualTo(plain.predictProbabilities(TRAIN.features()));
        // the library's prediction on raw rows is the saved ensemble's own, through its stored step
        assertThat(robust.ensemble().predictProbabilities(TRAIN.features())).isEqualTo(p);
    }

    /** {@code scaling(PLE)}: the fitted model holds the piecewise-linear step, its members take the wider input. */
    @Test
    void piecewiseLinearEncodingIsFittedStoredAndApplied() {
        SaepClassifier plain = small().fit(TRAIN.features(), TRAIN.labels());
        SaepClassifier ple = small().scaling(Scaling.PLE).fit(TRAIN.features(), TRAIN.labels());
        assertThat(ple.ensemble().manifest().preprocessing().types()).containsExactly("piecewise-linear");
        assertThat(ple.report().orElseThrow().config().scaling()).isEqualTo(Scaling.PLE);
        int columns = TRAIN.features()[0].length;
        int[] shape = ple.ensemble().manifest().inputShape();
        assertThat(shape[0] * shape[1] * shape[2]).as("bins a column").isGreaterThan(columns);
        assertThat(ple.featureCount())
                .as("a row's features, before the encoding")
                .isEqualTo(columns);
        double[][] p = ple.predictProbabilities(TRAIN.features());
        assertThat(p).isNotEqualTo(plain.predictProbabilities(TRAIN.features()));
        assertThat(ple.ensemble().predictProbabilities(TRAIN.features())).isEqualTo(p);
    }

    @Test
    void mistakesNameTheMethod() {
        assertThatThrownBy(() -> small().warmupSteps(-1).config("arrays"))
                .isInstanceOf(SaepException.class)
                .hasMessage("warmupSteps must be 0 (no warm-up) or more steps, got -1");
        assertThatThrownBy(() -> small().optimizer(TrainingPlan.OptimizerChoice.ADAM)
                        .weightDecay(0.1)
                        .config("arrays"))
                .hasMessage("weightDecay needs the adamw optimizer (decoupled decay) or the space's own SGD with"
                        + " momentum (coupled L2), and the optimizer is adam");
        assertThatThrownBy(() -> small().clipNorm(-2).config("arrays"))
                .hasMessage("clipNorm must be 0 (no clipping) or a number above 0, such as 1, got -2.0");
        assertThatThrownBy(
                        () -> small().augmentation(Augmentation.parse("flip")).fit(TRAIN.features(), TRAIN.labels()))
                .isInstanceOf(SaepException.class)
                .hasMessage("augmentation needs images, and the samples are rows of 4 features");
        float[][] rows = new float[60][];
        double[] values = SaepRegressorTest.smooth(rows, 3);
        assertThatThrownBy(() -> Saep.regressor().labelSmoothing(0.1).fit(rows, values))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("labelSmoothing smooths class labels");
    }
}
