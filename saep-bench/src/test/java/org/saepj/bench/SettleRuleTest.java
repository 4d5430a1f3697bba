package org.saepj.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SettleRuleTest {
    private static final SettleRule RULE = new SettleRule(3, 0.05, 30, 1000);

    /** Replays a fixed sequence of step times, counting the steps taken. */
    private static final class Replay implements SettleRule.Step {
        private final double[] times;
        private int taken;

        Replay(double... times) {
            this.times = times;
        }

        @Override
        public double seconds() {
            return times[taken++ % times.length];
        }
    }

    @Test
    void stopsOnceTwoWindowsMediansAgreeAfterAFallingStart() throws Exception {
        // windows of 3: at step 9 the last window's median (2, 2.05, 1.98 → 2) is within 5% of the one before
        // (4, 2.1, 2 → 2.1); at steps 6 to 8 it was 2 against 8, 6 and 4
        Replay replay = new Replay(10, 8, 6, 4, 2.1, 2, 2, 2.05, 1.98, 2, 2, 2);
        SettleRule.Outcome outcome = RULE.warmUp(replay::seconds);
        assertThat(outcome).isEqualTo(new SettleRule.Outcome(9, true));
        assertThat(replay.taken).isEqualTo(9);
    }

    @Test
    void oneSlowStepInAWindowDoesNotMoveItsMedian() {
        double[] times = {1, 1, 1, 1, 50, 1};
        assertThat(RULE.settled(times, 6)).isTrue();
    }

    @Test
    void aChangeOfFivePercentOrMoreIsNotSettled() {
        assertThat(RULE.settled(new double[] {1, 1, 1, 1.05, 1.05, 1.05}, 6)).isFalse();
        assertThat(RULE.settled(new double[] {1, 1, 1, 1.04, 1.04, 1.04}, 6)).isTrue();
    }

    @Test
    void needsTwoFullWindows() {
        assertThat(RULE.settled(new double[] {1, 1, 1, 1, 1, 1}, 5)).isFalse();
    }

    @Test
    void looksOnlyAtTheFirstCountTimes() {
        // the later, different times are not yet taken
        assertThat(RULE.settled(new double[] {1, 1, 1, 1, 1, 1, 9, 9, 9}, 6)).isTrue();
    }

    @Test
    void stopsAtTheCapWhenTheTimesNeverSettle() throws Exception {
        // alternating levels: every window's median differs from the one before by 2x
        Replay replay = new Replay(1, 1, 1, 2, 2, 2);
        SettleRule.Outcome outcome = RULE.warmUp(replay::seconds);
        assertThat(outcome).isEqualTo(new SettleRule.Outcome(30, false));
        assertThat(replay.taken).isEqualTo(30);
        assertThat(outcome.describe()).isEqualTo("30(cap)");
        assertThat(new SettleRule.Outcome(9, true).describe()).isEqualTo("9");
    }

    @Test
    void stopsOnceTheStepsTimesAddUpToTheTimeCap() throws Exception {
        SettleRule rule = new SettleRule(3, 0.05, 30, 10);
        Replay replay = new Replay(1, 1, 1, 2, 2, 2);
        // 1 + 1 + 1 + 2 + 2 + 2 = 9 s after six steps, 10 s after the seventh
        assertThat(rule.warmUp(replay::seconds)).isEqualTo(new SettleRule.Outcome(7, false));
    }

    @Test
    void refusesACapShorterThanTwoWindows() {
        assertThatThrownBy(() -> new SettleRule(10, 0.05, 19, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
