package org.saepj.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.saepj.UnknownNameException;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.data.split.StratifiedHoldout;
import org.saepj.data.split.StratifiedKFold;

class ClassificationTaskTest {
    private static final List<String> NAMES = List.of("a", "b", "c");

    @Test
    void isFoundByItsIdAndNamedByItsTargets() {
        assertThat(Tasks.of("classification")).isInstanceOf(ClassificationTask.class);
        assertThat(new ClassLabels(new int[] {0, 2}, NAMES).task().id()).isEqualTo(ClassificationTask.ID);
        assertThat(Tasks.all()).extracting(Task::id).contains("classification");
        assertThatThrownBy(() -> Tasks.of("clasification"))
                .isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("unknown task 'clasification'")
                .hasMessageContaining("classification");
    }

    @Test
    void batchLossOverRowsEqualsTheLossOfTheGatheredLabelsBitForBit() {
        SplittableRandom rng = new SplittableRandom(3);
        int[] labels = rng.ints(50, 0, 3).toArray();
        int[] rows = rng.ints(8, 0, 50).toArray();
        float[] logits = new float[8 * 3];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) rng.nextGaussian();
        }
        Loss loss = ClassificationTask.INSTANCE.loss(new ClassLabels(labels, NAMES));
        float[] grad = new float[logits.length];
        float value = loss.batch(logits, rows, 8, grad);

        int[] gathered = Arrays.stream(rows).map(r -> labels[r]).toArray();
        float[] expectedGrad = new float[logits.length];
        float expected = SoftmaxCrossEntropy.lossAndGradient(logits, gathered, 8, 3, expectedGrad);
        assertThat(value).isEqualTo(expected);
        assertThat(grad).containsExactly(expectedGrad);
    }

    @Test
    void sampleGradientIsTheDerivativeOfTheSampleLoss() {
        int[] labels = {2};
        Loss loss = ClassificationTask.crossEntropy(labels, 3);
        double[] f = {0.3, -1.2, 0.7};
        double[] delta = new double[3];
        loss.sampleGradient(f.clone(), 0, delta);
        double eps = 1e-3;
        for (int c = 0; c < 3; c++) {
            float[] plus = toFloat(f);
            float[] minus = toFloat(f);
            plus[c] += (float) eps;
            minus[c] -= (float) eps;
            double numeric = (loss.mean(plus) - loss.mean(minus)) / (2 * eps);
            assertThat(delta[c]).as("class %d", c).isCloseTo(numeric, within(1e-4));
        }
    }

    @Test
    void uninformedLossIsThatOfUniformProbabilities() {
        ClassLabels y = new ClassLabels(new int[] {0, 1, 2, 1}, NAMES);
        double uniform = ClassificationTask.INSTANCE.loss(y).mean(new float[12]);
        assertThat(ClassificationTask.INSTANCE.uninformedLoss(y)).isCloseTo(uniform, within(1e-6));
        assertThat(ClassificationTask.INSTANCE.uninformedGuess(y)).isEqualTo("guessing uniformly (ln 3 = 1.0986)");
        assertThat(ClassificationTask.INSTANCE.outputWidth(y)).isEqualTo(3);
    }

    @Test
    void splitsAreTheStratifiedOnes() {
        int[] labels = new SplittableRandom(9).ints(200, 0, 3).toArray();
        ClassLabels y = new ClassLabels(labels, NAMES);
        Holdout h = ClassificationTask.INSTANCE.holdout(y, 0.2, 42);
        StratifiedHoldout.Parts expected = StratifiedHoldout.split(labels, 0.2, 42);
        assertThat(h.kept()).containsExactly(expected.kept());
        assertThat(h.heldOut()).containsExactly(expected.heldOut());
        assertThat(ClassificationTask.INSTANCE.folds(y, 5, 7)).isDeepEqualTo(StratifiedKFold.folds(labels, 5, 7));
    }

    @Test
    void headlineIsAccuracy() {
        ClassLabels y = new ClassLabels(new int[] {0, 1}, List.of("a", "b"));
        float[] logits = {2, 1, 3, 0}; // both rows predict class 0
        assertThat(ClassificationTask.INSTANCE.headline(logits, y)).isEqualTo(0.5);
        assertThat(ClassificationTask.INSTANCE.headlineMetric()).isEqualTo("accuracy");
    }

    @Test
    void datasetsCarryTheirTargetsThroughSubsetsAndJoins() {
        Dataset d = new Dataset("d", new float[] {1, 2, 3}, new int[] {0, 2, 1}, new Shape(1, 1, 1), NAMES);
        Dataset picked = d.subset(new int[] {2, 0}, "p");
        assertThat(picked.labels()).containsExactly(1, 0);
        assertThat(picked.targets().task()).isSameAs(ClassificationTask.INSTANCE);
        assertThat(d.concat(picked, "j").labels()).containsExactly(0, 2, 1, 1, 0);
        Dataset other = new Dataset("o", new float[] {1}, new int[] {0}, new Shape(1, 1, 1), List.of("x", "y", "z"));
        assertThatThrownBy(() -> d.concat(other, "j"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot join d and o")
                .hasMessageContaining("classes differ");
    }

    @Test
    void labelsOutsideTheClassesAreRefused() {
        assertThatThrownBy(() -> new ClassLabels(new int[] {0, 3}, NAMES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label 3 of sample 1 is outside [0, 3)");
    }

    private static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }
}
