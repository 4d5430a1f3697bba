package org.saepj.engine.optim;

import java.util.Locale;

/**
 * How the learning rate moves over one training run of {@code S} steps, as a factor of the base rate: a linear
 * warm-up over the first {@code W} steps ({@code (s + 1)/W} at step s, counted from 0), then either the base rate
 * ({@link Kind#CONSTANT}) or a cosine decay to 0 over the remaining steps ({@link Kind#COSINE}:
 * {@code ½(1 + cos(π·(s − W)/(S − W)))}); or PyTorch's one-cycle policy ({@link Kind#ONECYCLE}, which has its own
 * warm-up and takes no other). {@link #CONSTANT} without warm-up is the factor 1 at every step: training without a
 * schedule.
 *
 * <p>One-cycle is {@code torch.optim.lr_scheduler.OneCycleLR} with its defaults and the base rate as {@code max_lr}:
 * over the first {@code 0.3·S − 1} steps the rate rises along half a cosine from {@code max_lr/25} to {@code max_lr},
 * then falls along half a cosine to {@code max_lr/25/10⁴} at step {@code S − 1}. Only the learning rate cycles: the
 * momentum PyTorch also cycles by default is the optimizer's own here (RMSProp has none to cycle).
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
        if (kind == Kind.ONECYCLE && warmupSteps > 0) {
            throw new IllegalArgumentException(
                    "onecycle warms up over its first 30% of steps itself: it takes no warm-up steps, got "
                            + warmupSteps);
        }
    }

    /** One-cycle's share of the steps that rise to the base rate: PyTorch's {@code pct_start}. */
    public static final double ONE_CYCLE_RISE = 0.3;

    /** One-cycle's first rate, the base rate divided by this: PyTorch's {@code div_factor}. */
    public static final double ONE_CYCLE_DIV = 25;

    /** One-cycle's last rate, its first divided by this: PyTorch's {@code final_div_factor}. */
    public static final double ONE_CYCLE_FINAL_DIV = 1e4;

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
        if (kind == Kind.ONECYCLE) {
            return (float) oneCycle(step, steps);
        }
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

    /** PyTorch's {@code OneCycleLR.get_lr} for two phases and cosine annealing, relative to {@code max_lr}. */
    private static double oneCycle(int step, int steps) {
        double initial = 1 / ONE_CYCLE_DIV;
        double last = initial / ONE_CYCLE_FINAL_DIV;
        double riseEnd = ONE_CYCLE_RISE * steps - 1;
        if (step <= riseEnd) {
            return annealCos(initial, 1, step / riseEnd);
        }
        // PyTorch's last phase takes every step after the first phase's end, as here
        return annealCos(1, last, (step - riseEnd) / (steps - 1 - riseEnd));
    }

    /** PyTorch's {@code _annealing_cos}: from start at pct 0 to end at pct 1 along half a cosine. */
    private static double annealCos(double start, double end, double pct) {
        return end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1);
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
        COSINE,
        /** PyTorch's one-cycle policy: up along half a cosine over 30% of the run, then down to near 0. */
        ONECYCLE;

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
            throw new IllegalArgumentException("'" + id + "' is not understood: expected constant, cosine or onecycle");
        }
    }
}
