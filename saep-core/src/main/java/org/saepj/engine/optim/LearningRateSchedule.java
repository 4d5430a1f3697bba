package org.saepj.engine.optim;

import java.util.Locale;

/**
 * How the learning rate moves over one training run of {@code S} steps, as a factor of the base rate: a linear
 * warm-up over the first {@code W} steps ({@code (s + 1)/W} at step s, counted from 0), then either the base rate
 * ({@link Kind#CONSTANT}) or a cosine decay to 0 over the remaining steps ({@link Kind#COSINE}:
 * {@code ½(1 + cos(π·(s − W)/(S − W)))}). {@link #CONSTANT} without warm-up is the factor 1 at every step: training
 * without a schedule.
 *
 * @param kind what follows the warm-up
 * @param warmupSteps W, 0 for none
 */
public record LearningRateSchedule(Kind kind, int warmupSteps) {
    /** The base rate at every step: today's and the paper's training. */
    public static final LearningRateSchedule CONSTANT = new LearningRateSchedule(Kind.CONSTANT, 0);

    /**
     * Checks the settings.
     *
     * @param kind what follows the warm-up
     * @param warmupSteps W, 0 for none
     */
    public LearningRateSchedule {
        kind = kind == null ? Kind.CONSTANT : kind;
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warm-up steps must be 0 or more, got " + warmupSteps);
        }
    }

    /** @return true when every step has the factor 1 (nothing to apply) */
    @com.fasterxml.jackson.annotation.JsonIgnore // a property of the value, not a setting to store
    public boolean isConstant() {
        return kind == Kind.CONSTANT && warmupSteps == 0;
    }

    /**
     * @param step s, the step about to be taken, from 0
     * @param steps S, the steps of the whole run
     * @return the factor of the base learning rate at that step
     */
    public float factor(int step, int steps) {
        if (step < warmupSteps) {
            return (float) ((step + 1) / (double) warmupSteps);
        }
        if (kind == Kind.CONSTANT) {
            return 1f;
        }
        int decaying = steps - warmupSteps;
        if (decaying <= 0) {
            return 1f; // a run no longer than its warm-up has no steps left to decay over
        }
        return (float) (0.5 * (1 + Math.cos(Math.PI * (step - warmupSteps) / decaying)));
    }

    @Override
    public String toString() {
        return kind.id() + (warmupSteps > 0 ? " after " + warmupSteps + " warm-up steps" : "");
    }

    /** What the rate does after the warm-up. */
    public enum Kind {
        /** It stays at the base rate. */
        CONSTANT,
        /** It decays to 0 along half a cosine over the rest of the run. */
        COSINE;

        /** @return the lower-case name, as stored and typed */
        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param id a stored or typed name
         * @return the kind
         * @throws IllegalArgumentException naming the accepted names
         */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static Kind parse(String id) {
            for (Kind k : values()) {
                if (k.id().equalsIgnoreCase(id.strip())) {
                    return k;
                }
            }
            throw new IllegalArgumentException("'" + id + "' is not understood: expected constant or cosine");
        }
    }
}
