package org.saepj.search;

import java.util.Locale;

/**
 * How a search with a time budget ({@code --max-time}) was fitted into it: the steps each candidate trains and the
 * iterations, decided before the first iteration from the throughput a short probe measured on this machine. The
 * planned search is an ordinary fixed-steps search whose iterations end where the next one is predicted not to fit,
 * so it is reproducible bit for bit by running it again with the recorded steps and the iterations it ran
 * ({@link #rerunOptions(int)}) on any machine; the time budget itself is not, since the same seconds hold more steps
 * on a faster machine.
 *
 * @param budgetSeconds the time budget
 * @param configuredIterations the iterations the configuration asked for, an upper bound
 * @param configuredSteps the steps per candidate the configuration asked for: an upper bound, or the ceiling of a
 *     data-scaled default that members train past when the time holds more ({@link #how} says so)
 * @param iterations the iterations predicted to fit (the search runs while the next one is predicted to fit)
 * @param steps the steps each candidate trains
 * @param epochs those steps as passes over the training rows
 * @param secondsPerStep the measured wall time of one training step of an iteration's candidates trained together
 * @param fixedSeconds the measured per-iteration time that does not grow with the steps (the candidates' outputs on
 *     every partition, their early-stopping measurements)
 * @param probeSeconds the time the measurement took, counted in the budget
 * @param predictedSeconds the planned search's predicted time, probe included
 * @param finishSeconds the predicted time after the last iteration, kept free when deciding whether one more fits
 * @param how why these numbers, in words
 */
public record TimePlan(
        double budgetSeconds,
        int configuredIterations,
        int configuredSteps,
        int iterations,
        int steps,
        double epochs,
        double secondsPerStep,
        double fixedSeconds,
        double probeSeconds,
        double predictedSeconds,
        double finishSeconds,
        String how) {
    /** The share of the time left after the probe and the finish that the iterations are planned to fill. */
    static final double FILL = 0.85;
    /** The fewest iterations kept at the configured steps before the members' steps are reduced instead. */
    static final int MIN_ITERATIONS = 3;

    /**
     * What the probe measured.
     *
     * @param secondsPerStep wall time per step of an iteration's candidates trained together
     * @param fixedSeconds per-iteration time that does not grow with the steps
     * @param probeSeconds the time the measurement took
     * @param finishSeconds the predicted time after the last iteration (the final ensemble's measurements)
     */
    public record Throughput(double secondsPerStep, double fixedSeconds, double probeSeconds, double finishSeconds) {}

    /**
     * Plans a search into a time budget whose configured steps are an upper bound ({@link #decide(double, int, int,
     * int, int, int, boolean, Throughput)} with {@code mostSteps} = {@code steps}).
     *
     * @param budgetSeconds the time budget
     * @param iterations the configured iterations
     * @param steps the configured steps per candidate, the most a member trains
     * @param trainRows the rows candidates train on
     * @param batchSize samples per step
     * @param keepIterations true to keep the iterations (a deep ensemble's members, a single network)
     * @param t what was measured
     * @return the plan
     */
    public static TimePlan decide(
            double budgetSeconds,
            int iterations,
            int steps,
            int trainRows,
            int batchSize,
            boolean keepIterations,
            Throughput t) {
        return decide(budgetSeconds, iterations, steps, steps, trainRows, batchSize, keepIterations, t);
    }

    /**
     * Plans a search into a time budget. Where the time holds more than {@value #MIN_ITERATIONS} iterations of the
     * configured steps and the configured steps are a ceiling that only bounds a search without a time budget
     * ({@code mostSteps} above {@code steps}: the data-scaled default's, {@link Budget#mostStepsUnderTime}), members
     * train longer instead: the steps that fill the time in {@value #MIN_ITERATIONS} iterations (the configured
     * iterations when fewer, or kept), at most {@code mostSteps}, then as many iterations of them as fit — longer
     * members make better ensembles than many short ones (docs/RESULTS.md). Otherwise the configured budget is an
     * upper bound: it runs as configured when it fits; else iterations go first, down to {@value #MIN_ITERATIONS},
     * keeping each member's training (under-trained members make poor ensembles); then members' steps, down to one
     * pass over the training rows; then iterations again, down to one; then steps, down to one. A deep ensemble keeps
     * its members and shares the time among them.
     *
     * @param budgetSeconds the time budget
     * @param iterations the configured iterations
     * @param steps the configured steps per candidate
     * @param mostSteps the most steps a member may grow to when the time holds more than {@code steps}: the budget's
     *     own epochs without the ceiling of a search without a time budget; {@code steps} where they are a user's
     * @param trainRows the rows candidates train on
     * @param batchSize samples per step
     * @param keepIterations true to keep the iterations (a deep ensemble's members, a single network)
     * @param t what was measured
     * @return the plan
     */
    public static TimePlan decide(
            double budgetSeconds,
            int iterations,
            int steps,
            int mostSteps,
            int trainRows,
            int batchSize,
            boolean keepIterations,
            Throughput t) {
        double available = FILL * (budgetSeconds - t.probeSeconds() - t.finishSeconds());
        int onePass = Math.max(1, Math.min(steps, (int) Math.ceil((double) trainRows / batchSize)));
        int minIterations = keepIterations ? iterations : Math.min(iterations, MIN_ITERATIONS);
        int planIterations;
        int planSteps;
        String how;
        int fitting = fittingIterations(available, steps, t);
        int stepsAtMin = fittingSteps(available, minIterations, t);
        if (mostSteps > steps && stepsAtMin > steps) {
            planSteps = Math.min(mostSteps, stepsAtMin);
            planIterations = keepIterations
                    ? iterations
                    : Math.max(minIterations, Math.min(iterations, fittingIterations(available, planSteps, t)));
            how = String.format(
                    Locale.ROOT,
                    "longer members: the default's ceiling of %d steps bounds only a search without a time budget,"
                            + " so members train %s, in the iterations that fit",
                    steps,
                    planSteps == mostSteps
                            ? String.format(
                                    Locale.ROOT,
                                    "the default's whole %.3g epochs (%d steps)",
                                    (double) mostSteps * batchSize / trainRows,
                                    mostSteps)
                            : "the steps that fill the time in " + minIterations + " iterations (at most " + mostSteps
                                    + ", the default's epochs)");
        } else if (fitting >= iterations) {
            planIterations = iterations;
            planSteps = steps;
            how = "the configured budget fits the time";
        } else if (fitting >= minIterations) {
            planIterations = fitting;
            planSteps = steps;
            how = "fewer iterations, each member trained as configured";
        } else {
            if (stepsAtMin >= onePass) {
                planIterations = minIterations;
                planSteps = Math.min(steps, stepsAtMin);
                how = "members train fewer steps so that " + minIterations + " iterations fit";
            } else {
                int atOnePass = Math.max(1, fittingIterations(available, onePass, t));
                planIterations = keepIterations ? iterations : Math.min(minIterations, atOnePass);
                planSteps = Math.max(1, Math.min(onePass, fittingSteps(available, planIterations, t)));
                how = planSteps < onePass
                        ? "the time holds less than one pass over the data per member: members train " + planSteps
                                + " steps"
                        : "members train one pass over the data, in the iterations that fit";
            }
        }
        double predicted = t.probeSeconds()
                + t.finishSeconds()
                + planIterations * (t.fixedSeconds() + planSteps * t.secondsPerStep());
        return new TimePlan(
                budgetSeconds,
                iterations,
                steps,
                planIterations,
                planSteps,
                (double) planSteps * batchSize / trainRows,
                t.secondsPerStep(),
                t.fixedSeconds(),
                t.probeSeconds(),
                predicted,
                t.finishSeconds(),
                how);
    }

    /**
     * Plans a configured search into its time budget ({@link StoppingRule#maxSeconds()}).
     *
     * @param config the configured search, not planned yet
     * @param trainRows the rows candidates train on
     * @param t what the probe measured
     * @return the plan: the configured steps an upper bound, or a data-scaled default's ceiling passed where the time
     *     holds more ({@link Budget#mostStepsUnderTime})
     */
    static TimePlan forSearch(SearchConfig config, int trainRows, Throughput t) {
        // a single network and a deep ensemble keep their members: the time is shared among them
        boolean keep = config.iterations() == 1 || config.growth() == Growth.INDEPENDENT;
        return decide(
                config.stopping().maxSeconds(),
                config.iterations(),
                config.stepsPerIteration(trainRows),
                config.budget().mostStepsUnderTime(trainRows),
                trainRows,
                config.batchSize(),
                keep,
                t);
    }

    private static int fittingIterations(double available, int steps, Throughput t) {
        double perIteration = t.fixedSeconds() + steps * t.secondsPerStep();
        return perIteration <= 0 ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, available / perIteration);
    }

    private static int fittingSteps(double available, int iterations, Throughput t) {
        double perIteration = available / iterations - t.fixedSeconds();
        return t.secondsPerStep() <= 0
                ? Integer.MAX_VALUE
                : (int) Math.max(0, Math.min(Integer.MAX_VALUE, perIteration / t.secondsPerStep()));
    }

    /**
     * @param iterationsRun the iterations the search ran
     * @return the options that rerun the planned search without a time budget, bit for bit
     */
    public String rerunOptions(int iterationsRun) {
        return "--iterations " + iterationsRun + " --steps " + (long) iterationsRun * steps;
    }

    /** @return the plan in one line, for the search's first lines and its log */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "time plan for %.0f s: %d steps per candidate (%.2f epochs), %d iterations predicted to fit"
                        + " (configured %d × %d steps: %s); measured %.3g ms per step, %.2f s per iteration"
                        + " besides, probe %.2f s; predicted %.1f s. Iterations run while the next is predicted to"
                        + " fit; K iterations rerun exactly with --iterations K --steps K×%d",
                budgetSeconds,
                steps,
                epochs,
                iterations,
                configuredIterations,
                configuredSteps,
                how,
                secondsPerStep * 1e3,
                fixedSeconds,
                probeSeconds,
                predictedSeconds,
                steps);
    }
}
