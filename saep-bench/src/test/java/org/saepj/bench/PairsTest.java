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

    @Test
    void theNearestPlacementsPairsAreKeptAndTheOthersCountedApart() {
        Pairs pairs = new Pairs();
        pairs.add(100, 50, 70);
        pairs.add(100, 30, 340);
        pairs.add(100, 52, 100); // under 1.5 × 70: the same placement
        pairs.add(100, 51, 140); // twice 70, but next to 100: still the nearest placement
        assertThat(pairs.unsteady()).isTrue(); // two placements: measure more pairs
        assertThat(pairs.roundTrip()).isEqualTo(new Spread(70, 120, 340));
        assertThat(pairs.nearest().djl()).isEqualTo(new Spread(50, 51, 52));
        assertThat(pairs.nearest().count()).isEqualTo(3);
        assertThat(pairs.nearest().unsteady()).isFalse();
        assertThat(pairs.farther().count()).isEqualTo(1);
        assertThat(pairs.farther().roundTrip()).isEqualTo(new Spread(340, 340, 340));
    }

    @Test
    void withoutRoundTripsEveryPairIsKept() {
        Pairs pairs = new Pairs();
        pairs.add(100, 50);
        pairs.add(100, 20);
        assertThat(pairs.roundTrip()).isNull();
        assertThat(pairs.nearest().count()).isEqualTo(2);
        assertThat(pairs.farther().count()).isZero();
    }

    @Test
    void aRoundTripIsPositiveOrUnknown() {
        assertThatThrownBy(() -> new Pairs().add(100, 50, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("round trip");
    }

    @Test
    void oneNearPairAmongFarOnesIsTooFewToStandForTheRow() {
        Pairs pairs = new Pairs();
        pairs.add(100, 50, 130);
        for (int i = 0; i < 8; i++) {
            pairs.add(100, 30, 390);
        }
        assertThat(pairs.nearest().count()).isEqualTo(1);
        assertThat(pairs.atPlacement().count()).isEqualTo(8);
        assertThat(pairs.atPlacement().djl().median()).isEqualTo(30);
        assertThat(pairs.elsewhere().count()).isEqualTo(1);

        Pairs enough = new Pairs();
        for (int i = 0; i < 3; i++) {
            enough.add(100, 50, 110);
        }
        enough.add(100, 30, 390);
        assertThat(enough.atPlacement().djl().median()).isEqualTo(50);
        assertThat(enough.elsewhere().count()).isEqualTo(1);
    }

    @Test
    void theScalingTravelsWithItsPairWhenAPlacementIsChosen() {
        Pairs pairs = new Pairs();
        for (int i = 0; i < 3; i++) {
            pairs.add(50, 100, 50, 100);
        }
        pairs.add(40, 60, 30, 390);
        assertThat(pairs.scaling()).isEqualTo(new Spread(1.5, 2, 2));
        assertThat(pairs.atPlacement().scaling()).isEqualTo(new Spread(2, 2, 2));
        assertThat(pairs.elsewhere().scaling()).isEqualTo(new Spread(1.5, 1.5, 1.5));
        assertThat(new Pairs().scaling()).isNull();
        assertThatThrownBy(() -> new Pairs().add(0, 100, 50, 100)).isInstanceOf(IllegalArgumentException.class);
    }
}
