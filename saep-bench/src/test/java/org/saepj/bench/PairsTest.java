package org.saepj.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PairsTest {
    @Test
    void theRatioIsTheMedianOfThePairsRatiosNotTheRatioOfTheMedians() {
        Pairs pairs = new Pairs();
        pairs.add(300, 100); // 3
        pairs.add(100, 50); // 2: the machine was slow for both in this pair
        pairs.add(330, 150); // 2.2
        assertThat(pairs.ratio()).isEqualTo(new Spread(2, 2.2, 3));
        // the medians' ratio would be 300 / 100 = 3
        assertThat(pairs.ours().median() / pairs.djl().median()).isEqualTo(3);
    }

    @Test
    void eachSideKeepsItsOwnSpread() {
        Pairs pairs = new Pairs();
        pairs.add(10, 4);
        pairs.add(12, 5);
        assertThat(pairs.count()).isEqualTo(2);
        assertThat(pairs.ours()).isEqualTo(new Spread(10, 11, 12));
        assertThat(pairs.djl()).isEqualTo(new Spread(4, 4.5, 5));
    }

    @Test
    void noiseIsOneLevel() {
        assertThat(Pairs.twoLevel(new double[] {9200, 9100, 10_500, 8000})).isFalse();
        assertThat(Pairs.twoLevel(new double[] {5})).isFalse();
    }

    @Test
    void aSlowModeMakesTwoLevelsWhicheverOrderTheyCameIn() {
        assertThat(Pairs.twoLevel(new double[] {9200, 1700, 9100})).isTrue();
        assertThat(Pairs.twoLevel(new double[] {1700, 1750, 9100, 9000})).isTrue();
    }

    @Test
    void theModeNamesTheSideThatFellIntoTwoLevels() {
        Pairs steady = new Pairs();
        steady.add(100, 50);
        steady.add(110, 52);
        assertThat(steady.mode()).isEqualTo("steady");
        assertThat(steady.unsteady()).isFalse();

        Pairs djl = new Pairs();
        djl.add(100, 50);
        djl.add(100, 10);
        assertThat(djl.mode()).isEqualTo("two-level:djl");
        assertThat(djl.unsteady()).isTrue();

        Pairs ours = new Pairs();
        ours.add(100, 50);
        ours.add(300, 50);
        assertThat(ours.mode()).isEqualTo("two-level:ours");

        Pairs both = new Pairs();
        both.add(100, 50);
        both.add(300, 10);
        assertThat(both.mode()).isEqualTo("two-level:both");
    }

    @Test
    void aPairNeedsTwoPositiveThroughputs() {
        Pairs pairs = new Pairs();
        assertThatThrownBy(() -> pairs.add(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pairs.add(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(pairs.count()).isZero();
    }
}
