package org.saepj.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpreadTest {
    @Test
    void oddCountTakesTheMiddleValueWhateverTheOrder() {
        assertThat(Spread.of(5, 1, 4, 2, 3)).isEqualTo(new Spread(1, 3, 5));
    }

    @Test
    void evenCountAveragesTheTwoMiddleValues() {
        assertThat(Spread.of(10, 40, 20, 30)).isEqualTo(new Spread(10, 25, 40));
    }

    @Test
    void oneValueIsItsOwnSpread() {
        assertThat(Spread.of(7)).isEqualTo(new Spread(7, 7, 7));
    }

    @Test
    void leavesTheCallersArrayAlone() {
        double[] v = {3, 1, 2};
        Spread.of(v);
        assertThat(v).containsExactly(3, 1, 2);
    }

    @Test
    void noValuesIsRefused() {
        assertThatThrownBy(Spread::of).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratioDividesMediansAndBoundsByTheExtremes() {
        Spread r = Spread.ratio(new Spread(90, 100, 120), new Spread(40, 50, 60));
        assertThat(r.median()).isEqualTo(2.0);
        assertThat(r.min()).isEqualTo(1.5); // 90 / 60
        assertThat(r.max()).isEqualTo(3.0); // 120 / 40
    }

    @Test
    void relativeWidthIsTheRangeOverTheMedian() {
        assertThat(new Spread(90, 100, 120).relativeWidth()).isCloseTo(0.3, within(1e-12));
    }
}
