package org.saepj.bench;

import java.util.Arrays;

/**
 * When a warm-up may stop: the median step time of the last {@code window} steps differs from that of the
 * {@code window} steps before by less than {@code tolerance} (a fraction), or {@code maxSteps} steps have run, or the
 * steps have taken {@code maxSeconds} in all.
 *
 * <p>PyTorch's step time falls over its first steps (allocator caches, lazy kernel selection) and then wanders; a
 * fixed single warm-up run left its figure several-fold apart between runs. Medians of windows ignore the odd slow
 * step that another process's burst causes, so the rule waits for the level, not for a quiet moment.
 *
 * @param window steps per window (at least 1); the rule looks at the last two windows
 * @param tolerance the largest relative change between the two windows' medians that counts as settled
 * @param maxSteps the cap: warm-up stops after this many steps even when unsettled (at least two windows)
 * @param maxSeconds the cap in time: warm-up stops once its steps' times add up to this much (a slow network on a
 *     busy machine would otherwise warm up for minutes)
 */
record SettleRule(int window, double tolerance, int maxSteps, double maxSeconds) {

    /** The bench's rule: windows of 10 steps, 5%, at most 400 steps or 30 seconds. */
    static final SettleRule DEFAULT = new SettleRule(10, 0.05, 400, 30);

    SettleRule {
        if (window < 1 || tolerance <= 0 || maxSteps < 2 * window || maxSeconds <= 0) {
            throw new IllegalArgumentException("settle rule needs window >= 1, tolerance > 0, maxSteps >= 2 windows"
                    + " and maxSeconds > 0, got " + window + ", " + tolerance + ", " + maxSteps + ", " + maxSeconds);
        }
    }

    /**
     * @param times step times, oldest first
     * @param count how many of them have been taken
     * @return whether the last two windows of the first {@code count} times agree within the tolerance
     */
    boolean settled(double[] times, int count) {
        if (count < 2 * window) {
            return false;
        }
        double last = median(times, count - window, count);
        double before = median(times, count - 2 * window, count - window);
        return Math.abs(last - before) < tolerance * before;
    }

    /**
     * Runs warm-up steps until the rule is met or a cap is reached.
     *
     * @param step one warm-up step, returning its time
     * @return the steps run and whether the times settled
     * @throws Exception what the step throws
     */
    Outcome warmUp(Step step) throws Exception {
        double[] times = new double[maxSteps];
        double spent = 0;
        for (int i = 0; i < maxSteps; i++) {
            times[i] = step.seconds();
            spent += times[i];
            if (settled(times, i + 1)) {
                return new Outcome(i + 1, true);
            }
            if (spent >= maxSeconds) {
                return new Outcome(i + 1, false);
            }
        }
        return new Outcome(maxSteps, false);
    }

    private static double median(double[] values, int from, int to) {
        return Spread.of(Arrays.copyOfRange(values, from, to)).median();
    }

    /** One timed step. */
    interface Step {
        /**
         * @return the step's time in seconds
         * @throws Exception what the step throws
         */
        double seconds() throws Exception;
    }

    /**
     * @param steps warm-up steps run
     * @param settled whether the rule was met (false: the cap stopped it)
     */
    record Outcome(int steps, boolean settled) {
        /** @return the steps, marked {@code cap} where the times never settled */
        String describe() {
            return steps + (settled ? "" : "(cap)");
        }
    }
}
