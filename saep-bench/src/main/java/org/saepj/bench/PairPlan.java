package org.saepj.bench;

/**
 * How many interleaved pairs a row runs: at least {@code minimum}; then, while the row's pairs have taken less than
 * {@code budgetSeconds} (a cheap row), or less than {@code remeasureSeconds} and its figures fall into two levels
 * ({@link Pairs#unsteady()}: measure again rather than report a mixture), more, up to {@code maximum}.
 *
 * @param minimum the pairs every row runs (the bench's REPETITIONS, at least 1)
 * @param maximum the most pairs a row runs (at least {@code minimum})
 * @param budgetSeconds the time in pairs below which a row takes another
 * @param remeasureSeconds the time in pairs below which a two-level row takes another (on a loaded machine a
 *     row's pairs can take minutes; it then stops at the minimum and says that it is two-level)
 */
record PairPlan(int minimum, int maximum, double budgetSeconds, double remeasureSeconds) {
    /** Cheap rows get up to this many times the requested repetitions. */
    static final int MORE = 3;

    /** Seconds of pairs under which a row counts as cheap. */
    static final double BUDGET_SECONDS = 4;

    /** Seconds of pairs under which a two-level row is measured again. */
    static final double REMEASURE_SECONDS = 20;

    PairPlan {
        if (minimum < 1 || maximum < minimum || !(budgetSeconds >= 0) || !(remeasureSeconds >= 0)) {
            throw new IllegalArgumentException("a pair plan needs 1 <= minimum <= maximum and budgets >= 0, got "
                    + minimum + ", " + maximum + ", " + budgetSeconds + ", " + remeasureSeconds);
        }
    }

    /**
     * @param repetitions the repetitions asked for
     * @return the bench's plan: those, up to {@link #MORE} times as many in a cheap or two-level row
     */
    static PairPlan forRepetitions(int repetitions) {
        return new PairPlan(repetitions, MORE * repetitions, BUDGET_SECONDS, REMEASURE_SECONDS);
    }

    /**
     * @param pairs the pairs so far
     * @param elapsedSeconds the time they took
     * @return whether the row runs another pair
     */
    boolean another(Pairs pairs, double elapsedSeconds) {
        int done = pairs.count();
        if (done < minimum) {
            return true;
        }
        if (done >= maximum) {
            return false;
        }
        return elapsedSeconds < budgetSeconds || (elapsedSeconds < remeasureSeconds && pairs.unsteady());
    }
}
