package org.saepj.diversity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DiversityTest {
    static final int[] X = {0, 0, 1, 1, 2, 2, 0, 1};
    static final int[] Y = {0, 0, 1, 1, 2, 2, 1, 0};
    static final int[] Z = {0, 0, 0, 0, 0, 0, 0, 0};
    static final int[] W = {0, 1, 1, 1, 2, 2, 0, 1};

    @Test
    void specDisagreement() {
        Diversity d = Diversity.of(new int[][] {X, Y, Z, W}, X);
        assertThat(d.pairs()).isEqualTo(6);
        assertThat(d.disagreement()).isCloseTo(0.4583333, within(1e-7));
        assertThat(d.disagreementWithLabels()).isCloseTo(0.4583333, within(1e-7));
    }

    @Test
    void handWorkedPair() {
        // labels 0 0 1 1; i = 0 0 1 0 (wrong at 3); j = 0 1 1 0 (wrong at 1 and 3)
        int[] labels = {0, 0, 1, 1};
        int[] i = {0, 0, 1, 0};
        int[] j = {0, 1, 1, 0};
        Diversity d = Diversity.of(new int[][] {i, j}, labels);
        // a = both right {0, 2} = 2, b = i wrong j right = 0, c = i right j wrong {1} = 1, d = both wrong {3} = 1
        assertThat(d.disagreement()).isCloseTo(0.25, within(1e-12));
        assertThat(d.disagreementWithLabels()).isCloseTo(0.25, within(1e-12));
        assertThat(d.qStatistic()).isCloseTo((2.0 * 1 - 0) / (2.0 * 1 + 0), within(1e-12));
        assertThat(d.doubleFault()).isCloseTo(0.25, within(1e-12));
        // kappa: po = 0.75; pi(0) = 3/4, pi(1) = 1/4; pj(0) = 2/4, pj(1) = 2/4; pe = 3/8 + 1/8 = 0.5
        assertThat(d.kappa()).isCloseTo((0.75 - 0.5) / 0.5, within(1e-12));
    }

    @Test
    void singleMemberHasNoPairs() {
        Diversity d = Diversity.of(new int[][] {X}, X);
        assertThat(d.pairs()).isZero();
        assertThat(d.disagreement()).isZero();
    }
}
