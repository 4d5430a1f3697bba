package org.saepj.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.saepj.persistence.JsonFormat;

/** The metrics against confusion matrices, F1 scores and AUCs worked out by hand. */
class ClassificationMetricsTest {
    /** Logits that predict the given classes: 1 for the class, 0 elsewhere. */
    static float[] predicting(int[] classes, int k) {
        float[] f = new float[classes.length * k];
        for (int i = 0; i < classes.length; i++) {
            f[i * k + classes[i]] = 1;
        }
        return f;
    }

    @Test
    void threeClassesByHand() {
        int[] y = {0, 0, 1, 1, 2, 2, 2};
        int[] p = {0, 1, 1, 1, 2, 0, 2};
        ClassificationMetrics m = ClassificationMetrics.of(predicting(p, 3), y, 3);
        assertThat(m.confusion()).isDeepEqualTo(new int[][] {{1, 1, 0}, {0, 2, 0}, {1, 0, 2}});
        // precision: 1/2, 2/3, 2/2; recall: 1/2, 2/2, 2/3; F1: 1/2, 0.8, 0.8; macro (0.5 + 0.8 + 0.8)/3 = 0.7.
        assertThat(m.precision()).containsExactly(new double[] {0.5, 2.0 / 3, 1}, within(1e-12));
        assertThat(m.recall()).containsExactly(new double[] {0.5, 1, 2.0 / 3}, within(1e-12));
        assertThat(m.f1()).containsExactly(new double[] {0.5, 0.8, 0.8}, within(1e-12));
        assertThat(m.support()).containsExactly(2, 2, 3);
        assertThat(m.macroF1()).isCloseTo(0.7, within(1e-12));
        assertThat(m.rocAuc()).isNaN();
        assertThat(JsonFormat.mapper().valueToTree(m).get("rocAuc").isNull()).isTrue();
        // A fourth class that neither the labels nor the predictions hold stays out of the macro average.
        ClassificationMetrics four = ClassificationMetrics.of(predicting(p, 4), y, 4);
        assertThat(four.macroF1()).isCloseTo(0.7, within(1e-12));
        assertThat(four.precision()[3]).isZero();
        // A class predicted but never true: precision 0, recall 0 (no support), F1 0, and it counts in the average.
        ClassificationMetrics stray = ClassificationMetrics.of(predicting(new int[] {0, 3}, 4), new int[] {0, 0}, 4);
        assertThat(stray.f1()).containsExactly(new double[] {2.0 / 3, 0, 0, 0}, within(1e-12));
        assertThat(stray.macroF1()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void rocAucByHandWithTies() {
        // Scores for class 1 rise with z1 − z0. Positives 0.35 and 0.8, negatives 0.1 and 0.4: 3 of 4 pairs ordered.
        float[] logits = {0, 0.1f, 0, 0.4f, 0, 0.35f, 0, 0.8f};
        ClassificationMetrics m = ClassificationMetrics.of(logits, new int[] {0, 0, 1, 1}, 2);
        assertThat(m.rocAuc()).isCloseTo(0.75, within(1e-12));
        // Ties count one half: positive 0.5 ties both negatives (1), positive 0.9 beats both (2): 3/4.
        assertThat(ClassificationMetrics.rocAuc(new double[] {0.5, 0.5, 0.5, 0.9}, new int[] {0, 1, 0, 1}))
                .isCloseTo(0.75, within(1e-12));
        assertThat(ClassificationMetrics.rocAuc(new double[] {0.2, 0.3}, new int[] {1, 1}))
                .isNaN(); // no negatives
        assertThat(ClassificationMetrics.rocAuc(new double[] {0.9, 0.1}, new int[] {1, 0}))
                .isEqualTo(1.0);
    }
}
