package org.saepj.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PairPlanTest {
    private static final PairPlan PLAN = new PairPlan(3, 9, 4, 20);

    private static Pairs steady(int n) {
        Pairs pairs = new Pairs();
        for (int i = 0; i < n; i++) {
            pairs.add(100 + i, 50);
        }
        return pairs;
    }

    @Test
    void everyRowRunsTheMinimumHoweverLongItTakes() {
        assertThat(PLAN.another(steady(0), 0)).isTrue();
        assertThat(PLAN.another(steady(2), 100)).isTrue();
    }

    @Test
    void aCheapRowTakesMorePairsUpToTheMaximum() {
        assertThat(PLAN.another(steady(3), 1.5)).isTrue();
        assertThat(PLAN.another(steady(8), 3.9)).isTrue();
        assertThat(PLAN.another(steady(9), 1)).isFalse();
    }

    @Test
    void aDearSteadyRowStopsAtTheMinimum() {
        assertThat(PLAN.another(steady(3), 4)).isFalse();
    }

    @Test
    void aTwoLevelRowIsMeasuredAgainUpToTheMaximum() {
        Pairs pairs = steady(3);
        pairs.add(100, 10);
        assertThat(PLAN.another(pairs, 19)).isTrue();
        while (pairs.count() < 9) {
            pairs.add(100, 50);
        }
        assertThat(PLAN.another(pairs, 19)).isFalse();
    }

    @Test
    void aTwoLevelRowStopsOnceItsPairsTookTheRemeasuringTime() {
        Pairs pairs = steady(3);
        pairs.add(100, 10);
        assertThat(PLAN.another(pairs, 20)).isFalse();
    }

    @Test
    void theBenchsPlanGoesToThreeTimesTheRepetitions() {
        assertThat(PairPlan.forRepetitions(3))
                .isEqualTo(new PairPlan(3, 9, PairPlan.BUDGET_SECONDS, PairPlan.REMEASURE_SECONDS));
    }

    @Test
    void refusesAnEmptyOrInvertedPlan() {
        assertThatThrownBy(() -> new PairPlan(0, 3, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PairPlan(3, 2, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PairPlan(1, 2, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PairPlan(1, 2, 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
