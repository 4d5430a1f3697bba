package org.saepj.cli.display;

import java.util.Optional;
import org.saepj.search.SearchConfig;

/**
 * A warning before a search whose budget is too small to learn: each candidate trains fewer than {@link #MIN_STEPS}
 * steps, or sees less than one pass over small training data (at most {@link #SMALL_DATA_ROWS} rows). Such a search
 * runs, but its accuracy says more about the budget than about the method; the warning names the option that raises
 * it.
 */
public final class BudgetWarning {
    /** Fewer steps than this rarely move a network from its initial weights far enough to compare methods. */
    static final int MIN_STEPS = 50;

    /**
     * Data this small takes a pass in a few dozen steps, so less than one is a budget set too small; the paper's
     * budget trains each candidate half a pass over Fashion-MNIST's 60,000 rows on purpose, and is not warned about.
     */
    static final int SMALL_DATA_ROWS = 10_000;

    private BudgetWarning() {}

    /**
     * @param config the search's settings
     * @param trainRows the rows each candidate trains on
     * @return one line saying what is too small and the option to raise, or empty when the budget is large enough
     */
    public static Optional<String> of(SearchConfig config, int trainRows) {
        int steps = config.stepsPerIteration(trainRows);
        int batch = config.batchSize();
        // with --epochs the steps follow the data; otherwise they are --steps shared by the iterations
        String raise = config.epochs() != null
                ? "raise --epochs"
                : "raise --steps (now " + config.totalSteps() + " over " + config.iterations() + " iterations)";
        if (steps < MIN_STEPS) {
            return Optional.of("each candidate trains " + steps + " steps, fewer than " + MIN_STEPS
                    + ": too few to learn; " + raise);
        }
        long seen = (long) steps * batch;
        if (seen < trainRows && trainRows <= SMALL_DATA_ROWS) {
            long needed = ((long) trainRows + batch - 1) / batch;
            return Optional.of("each candidate trains " + steps + " steps of " + batch + " samples, less than one pass"
                    + " over the " + trainRows + " training samples (" + needed + " steps): " + raise);
        }
        return Optional.empty();
    }
}
