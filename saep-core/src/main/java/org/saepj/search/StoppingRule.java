package org.saepj.search;

import java.util.List;
import java.util.Locale;

/**
 * When a search ends before its last iteration. By default it runs every iteration (the paper's SAEP
 * experiments); AdaNet's own rule ends it at the first iteration whose best option is the ensemble as it was,
 * no candidate lowering the objective. A time budget is planned before the first iteration ({@link TimePlan}: the
 * steps and iterations that fit) and guarded before each: an iteration whose predicted time does not fit the time
 * left is not started, and the search ends with its ensemble so far, complete and reported, no member cut short. A
 * resumed search applies the rule to what it already ran.
 *
 * @param whenNoImprovement stop after an iteration that kept the previous ensemble
 * @param maxSeconds the time budget in seconds of search time; 0 for none
 * @param plan how the budget was planned, or null before planning (and without a budget)
 */
public record StoppingRule(boolean whenNoImprovement, double maxSeconds, TimePlan plan) {
    /** Every iteration runs. */
    public static final StoppingRule NONE = new StoppingRule(false, 0);
    /**
     * How much longer than the longer of the last two iterations the next one is predicted to take: deeper candidates
     * train slower than their predecessors.
     */
    static final double GROWTH = 1.15;

    /**
     * Checks the budget.
     *
     * @param whenNoImprovement stop after an iteration that kept the previous ensemble
     * @param maxSeconds the time budget in seconds of search time; 0 for none
     * @param plan how the budget was planned, or null
     */
    public StoppingRule {
        if (!(maxSeconds >= 0) || Double.isInfinite(maxSeconds)) {
            throw new InvalidSettingException(
                    "maxSeconds", "must be a finite number of seconds ≥ 0, got " + maxSeconds);
        }
    }

    /**
     * A rule not planned yet.
     *
     * @param whenNoImprovement stop after an iteration that kept the previous ensemble
     * @param maxSeconds the time budget in seconds of search time; 0 for none
     */
    public StoppingRule(boolean whenNoImprovement, double maxSeconds) {
        this(whenNoImprovement, maxSeconds, null);
    }

    /** @return true when a time budget is still to be planned */
    public boolean needsPlan() {
        return maxSeconds > 0 && plan == null;
    }

    /**
     * The rule of one of several searches run in turn under this rule's budget (a bagged search's bags, the encodings
     * of scaling auto): an equal share of the time left, at least a second; without a budget, this rule.
     *
     * @param elapsedSeconds the whole search's time so far
     * @param searchesLeft the searches still to run, this one included
     * @return the rule for the next search
     */
    public StoppingRule shareOfTimeLeft(double elapsedSeconds, int searchesLeft) {
        if (maxSeconds <= 0) {
            return this;
        }
        return new StoppingRule(whenNoImprovement, Math.max(1, (maxSeconds - elapsedSeconds) / searchesLeft));
    }

    /**
     * @param p the plan made for this rule's budget
     * @return this rule with the plan
     */
    public StoppingRule planned(TimePlan p) {
        return new StoppingRule(whenNoImprovement, maxSeconds, p);
    }

    /**
     * @param records the iterations run so far
     * @param elapsedSeconds search time so far, earlier sessions of a resumed search included
     * @return why the search stops before the next iteration, or null to go on
     */
    public String reason(List<IterationRecord> records, double elapsedSeconds) {
        return reason(records, elapsedSeconds, 0, 0);
    }

    /**
     * @param records the iterations run so far
     * @param elapsedSeconds search time so far, earlier sessions of a resumed search included
     * @param nextSeconds the predicted time of the next iteration
     * @param finishSeconds the predicted time after the last iteration
     * @return why the search stops before the next iteration, or null to go on
     */
    public String reason(
            List<IterationRecord> records, double elapsedSeconds, double nextSeconds, double finishSeconds) {
        if (records.isEmpty()) {
            return null; // a search always has a result: its first iteration runs whatever the time
        }
        IterationRecord last = records.get(records.size() - 1);
        if (whenNoImprovement && last.selected().equals("keep")) {
            return "no candidate lowered the objective in iteration " + last.iteration();
        }
        if (maxSeconds > 0 && elapsedSeconds + nextSeconds + finishSeconds > maxSeconds) {
            String rerun = plan == null ? "" : "; rerun exactly with " + plan.rerunOptions(records.size());
            if (elapsedSeconds >= maxSeconds) {
                return String.format(
                        Locale.ROOT,
                        "the time budget of %.0f s was spent (%.1f s)%s",
                        maxSeconds,
                        elapsedSeconds,
                        rerun);
            }
            return String.format(
                    Locale.ROOT,
                    "the time budget of %.0f s leaves %.1f s, and the next iteration is predicted to take %.1f s%s",
                    maxSeconds,
                    Math.max(0, maxSeconds - elapsedSeconds),
                    nextSeconds + finishSeconds,
                    rerun);
        }
        return null;
    }

    /**
     * The next iteration's predicted time: the longer of the last two iterations' (in that order, oldest first) times
     * {@link #GROWTH}, or the plan's prediction before any iteration ran.
     *
     * @param lastSeconds the wall times of the iterations run so far, oldest first
     * @param remaining how many iterations the next one trains (a deep ensemble trains all its later members at once)
     * @return the prediction, 0 without a time budget
     */
    public double predictNext(List<Double> lastSeconds, int remaining) {
        if (maxSeconds <= 0) {
            return 0;
        }
        if (lastSeconds.isEmpty()) {
            return plan == null ? 0 : plan.fixedSeconds() + plan.steps() * plan.secondsPerStep();
        }
        int n = lastSeconds.size();
        double longest = Math.max(lastSeconds.get(n - 1), n > 1 ? lastSeconds.get(n - 2) : 0);
        return GROWTH * longest * Math.max(1, remaining);
    }
}
