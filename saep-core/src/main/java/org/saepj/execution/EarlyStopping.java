package org.saepj.execution;

/**
 * When a candidate stops training before its last step: its loss on the validation part is measured every
 * {@code every} steps (and after the last one); after {@code patience} measurements in a row without a new lowest
 * loss it stops, and in every case it ends with the parameters and layer state of its lowest measurement.
 *
 * @param every steps between measurements; 0 for a twentieth of the candidate's steps (at least 1)
 * @param patience measurements without improvement before it stops; 0 for no early stopping (the paper's)
 */
public record EarlyStopping(int every, int patience) {
    /** No measurement, every step runs, the last parameters are kept (the paper's). */
    public static final EarlyStopping NONE = new EarlyStopping(0, 0);

    /** Measurements over a candidate's steps when {@code every} is 0: often enough to see the turn, cheaply. */
    static final int DEFAULT_MEASUREMENTS = 20;

    /**
     * Checks the settings.
     *
     * @param every steps between measurements; 0 for a twentieth of the candidate's steps (at least 1)
     * @param patience measurements without improvement before it stops; 0 for no early stopping (the paper's)
     */
    public EarlyStopping {
        if (every < 0) {
            throw new IllegalArgumentException(
                    "early stopping: the steps between measurements must be 0 (automatic) or" + " more, got " + every);
        }
        if (patience < 0) {
            throw new IllegalArgumentException(
                    "early stopping: the patience must be 0 (none) or more, got " + patience);
        }
    }

    /** @return true when candidates are measured on the validation part and may stop early */
    public boolean enabled() {
        return patience > 0;
    }

    /**
     * @param steps the candidate's steps
     * @return the steps between two measurements for a candidate of that many steps
     */
    public int interval(int steps) {
        return every > 0 ? every : Math.max(1, steps / DEFAULT_MEASUREMENTS);
    }

    @Override
    public String toString() {
        return enabled() ? "every " + (every == 0 ? "auto" : every) + " steps, patience " + patience : "none";
    }
}
