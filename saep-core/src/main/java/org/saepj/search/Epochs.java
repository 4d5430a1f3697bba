package org.saepj.search;

/**
 * A member's budget in passes over the training data: each candidate trains
 * ⌈count × training rows / batch⌉ steps, held between {@code minSteps} and {@code maxSteps}, so the budget grows
 * with the data instead of being a fixed number of steps.
 *
 * @param count passes over the training rows per candidate (need not be whole)
 * @param minSteps the fewest steps a candidate trains, whatever the data's size
 * @param maxSteps the most steps a candidate trains, whatever the data's size
 */
public record Epochs(double count, int minSteps, int maxSteps) {
    /**
     * The data-scaled default of {@code --preset validated}: 50 epochs, at least the paper's 454 steps (5000 / 11)
     * and at most 5000. Small tables keep the paper's member budget (which fits them), tables of tens of thousands
     * of rows get up to eleven times more; early stopping ends a candidate sooner once the validation loss turns.
     */
    public static final Epochs DATA_SCALED = new Epochs(50, 454, 5000);

    /**
     * The data-scaled default for images searched in the default residual CNN ({@link DefaultSpace}): as
     * {@link #DATA_SCALED}, at most 2000 steps a candidate. A residual-CNN step costs tens of times a table's, so
     * 5000 steps over the 11 iterations made a default Fashion-MNIST search about 40 minutes on 2 cores; with 2000
     * (2.4 epochs of its 54,000 training images) it took 19 minutes on a shared 2-core machine, about a quarter of an
     * hour idle by its CPU time, and reached 0.906 (docs/RESULTS.md).
     */
    public static final Epochs IMAGES = new Epochs(50, 454, 2000);

    /**
     * Checks the settings.
     *
     * @param count passes over the training rows per candidate
     * @param minSteps the fewest steps a candidate trains
     * @param maxSteps the most steps a candidate trains
     */
    public Epochs {
        InvalidSettingException.require(
                count > 0 && Double.isFinite(count), "epochs", "must be a number above 0, got " + count);
        InvalidSettingException.require(
                minSteps >= 1 && maxSteps >= minSteps,
                "epochs",
                "needs 1 ≤ fewest steps ≤ most" + " steps, got " + minSteps + " and " + maxSteps);
    }

    /**
     * Exactly {@code count} passes, with no floor or ceiling beyond one step.
     *
     * @param count passes over the training rows per candidate
     * @return the budget
     */
    public static Epochs exactly(double count) {
        return new Epochs(count, 1, Integer.MAX_VALUE);
    }

    /**
     * @param trainRows the rows candidates train on
     * @param batchSize samples per step
     * @return the steps each candidate trains
     */
    public int steps(int trainRows, int batchSize) {
        double steps = Math.ceil(count * trainRows / batchSize);
        return (int) Math.max(minSteps, Math.min(maxSteps, steps));
    }

    /**
     * @return true for the data-scaled defaults ({@link #DATA_SCALED}, {@link #IMAGES}) and for what a comparison makes
     *     of them for its baselines ({@link #times}: a single network of the whole search's budget; {@link #share}: a
     *     deep ensemble's members), whose step ceiling only keeps a search without a time budget within minutes an
     *     iteration: under a time budget members may train past it, up to the epochs
     *     ({@link Budget#mostStepsUnderTime}), so that every method of a comparison fills the same time. A budget a
     *     user gave ({@code --epochs}, {@code --steps}) stays an upper bound.
     */
    public boolean isDataScaledDefault() {
        return scales(DATA_SCALED) || scales(IMAGES);
    }

    /**
     * @return true when this budget is {@code base} times some factor, as {@link #times} and {@link #share} make it:
     *     the epochs multiplied, each step bound multiplied and rounded down (so within one step of the exact product)
     */
    private boolean scales(Epochs base) {
        double factor = count / base.count;
        return Math.abs(minSteps - Math.max(1, base.minSteps * factor)) < 1
                && Math.abs(maxSteps - Math.max(1, base.maxSteps * factor)) < 1;
    }

    /**
     * @param trainRows the rows candidates train on
     * @param batchSize samples per step
     * @return the steps of {@link #count} passes, at least {@link #minSteps}, without the ceiling {@link #maxSteps}
     */
    public int uncappedSteps(int trainRows, int batchSize) {
        double steps = Math.ceil(count * trainRows / batchSize);
        return (int) Math.max(minSteps, Math.min(Integer.MAX_VALUE, steps));
    }

    /**
     * @param factor how many members' budgets in one (a single network of the whole search's budget)
     * @return this budget times {@code factor}
     */
    public Epochs times(int factor) {
        return new Epochs(count * factor, (int) Math.min(Integer.MAX_VALUE, (long) minSteps * factor), (int)
                Math.min(Integer.MAX_VALUE, (long) maxSteps * factor));
    }

    /**
     * @param factor how many members' budgets the whole search has
     * @param parts how many members share it (a deep ensemble's)
     * @return this budget times {@code factor / parts}, step bounds rounded down and at least 1
     */
    public Epochs share(int factor, int parts) {
        return new Epochs(
                count * factor / parts,
                (int) Math.max(1, Math.min(Integer.MAX_VALUE, (long) minSteps * factor / parts)),
                (int) Math.max(1, Math.min(Integer.MAX_VALUE, (long) maxSteps * factor / parts)));
    }
}
