package org.saepj.search;

import java.util.List;

/**
 * What {@code --refit} did after the choices were made: the final members retrained on the training rows and the
 * validation part together ({@link FinalRefit}), for the report's account of what each part of the data was used for.
 *
 * @param rows the rows the members were retrained on
 * @param steps each final member's retraining steps, in the ensemble's order
 * @param diverged the members (by name) whose retraining diverged and which kept their searched parameters
 */
public record Refit(int rows, List<Integer> steps, List<String> diverged) {
    /** Copies the lists. */
    public Refit {
        steps = List.copyOf(steps);
        diverged = List.copyOf(diverged);
    }

    /** @return the retraining in words, for the report's {@link DataUse} */
    public String describe() {
        return "the final members retrained on the training data and the validation part together (" + rows
                + " rows), each for the steps its early stopping kept scaled to the added rows: " + steps
                + (diverged.isEmpty() ? "" : "; " + diverged + " kept their searched parameters (retraining diverged)");
    }
}
