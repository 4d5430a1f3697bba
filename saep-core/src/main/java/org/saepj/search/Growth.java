package org.saepj.search;

import java.util.Locale;

/**
 * How a search's ensemble grows from one iteration to the next.
 *
 * <p>{@link #ADANET} is the paper's: each iteration's options (the ensemble as it is, or with one candidate added)
 * are compared by the objective and the lowest kept. {@link #INDEPENDENT} makes a deep ensemble (Lakshminarayanan
 * et al., NeurIPS 2017): the first iteration picks one architecture among its candidates as AdaNet does, and every
 * later iteration trains that architecture again from a seed of its own and adds it, whatever the objective says;
 * nothing is pruned, so the result is every member averaged.
 */
public enum Growth {
    /** The objective picks keep or add each iteration (AdaNet, the paper's). */
    ADANET,
    /** Every iteration adds an independently initialised copy of the first iteration's choice (a deep ensemble). */
    INDEPENDENT;

    /** @return the lower-case name, as stored */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id a stored name, in any case
     * @return the constant
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Growth parse(String id) {
        for (Growth g : values()) {
            if (g.id().equalsIgnoreCase(id.strip())) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown growth '" + id + "': expected adanet or independent");
    }

    /**
     * Leaves the paper's growth out of stored configurations, so that they read as they did before growth existed
     * (a Jackson value filter: {@code equals} is true for the values to leave out).
     */
    public static final class PaperDefault {
        @Override
        public boolean equals(Object value) {
            return value == null || value == ADANET;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
