package org.saepj.search;

import java.util.List;

/**
 * When a search ends before its last iteration. By default it runs every iteration (the paper's SAEP
 * experiments); AdaNet's own rule ends it at the first iteration whose best option is the ensemble as it was,
 * no candidate lowering the objective; a time budget ends it after the iteration in progress once the budget is
 * spent, with a complete, reported result. A resumed search applies the rule to what it already ran.
 *
 * @param whenNoImprovement stop after an iteration that kept the previous ensemble
 * @param maxSeconds stop after the iteration during which this many seconds of search time passed; 0 for none
 */
public record StoppingRule(boolean whenNoImprovement, double maxSeconds) {
    /** Every iteration runs. */
    public static final StoppingRule NONE = new StoppingRule(false, 0);

    /**
     * Checks the budget.
     *
     * @param whenNoImprovement stop after an iteration that kept the previous ensemble
     * @param maxSeconds stop after the iteration during which this many seconds of search time passed; 0 for none
     */
    public StoppingRule {
        if (!(maxSeconds >= 0) || Double.isInfinite(maxSeconds)) {
            throw new InvalidSettingException(
                    "maxSeconds", "must be a finite number of seconds ≥ 0, got " + maxSeconds);
        }
    }

    /**
     * @param records the iterations run so far
     * @param elapsedSeconds search time so far, earlier sessions of a resumed search included
     * @return why the search stops before the next iteration, or null to go on
     */
    public String reason(List<IterationRecord> records, double elapsedSeconds) {
        if (records.isEmpty()) {
            return null;
        }
        IterationRecord last = records.get(records.size() - 1);
        if (whenNoImprovement && last.selected().equals("keep")) {
            return "no candidate lowered the objective in iteration " + last.iteration();
        }
        if (maxSeconds > 0 && elapsedSeconds >= maxSeconds) {
            return String.format(
                    java.util.Locale.ROOT, "the time budget of %.0f s was spent (%.1f s)", maxSeconds, elapsedSeconds);
        }
        return null;
    }
}
