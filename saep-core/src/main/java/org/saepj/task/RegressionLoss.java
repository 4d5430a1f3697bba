package org.saepj.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The loss a regression search's members train on and candidates are scored by, on standardised targets: squared
 * error (the default) or Huber's loss, which is squared error for residuals up to δ and grows linearly beyond, so that
 * a few gross errors in the targets pull the fit less. Written at twice Huber's usual scale, {@code e²} for
 * {@code |e| ≤ δ} and {@code 2δ|e| − δ²} beyond, so that it equals the squared error wherever that is small and the
 * search's thresholds (the uninformed loss, the objective) keep their meaning.
 *
 * @param kind squared error or Huber's loss
 * @param delta Huber's δ in standardised units (standard deviations of the training targets); 0 for squared error
 */
public record RegressionLoss(Kind kind, double delta) {
    /** Huber's δ when none is given: 1.345, his constant of 95% efficiency under Gaussian residuals of unit scale. */
    public static final double DEFAULT_DELTA = 1.345;

    /** Squared error, the default. */
    public static final RegressionLoss SQUARED = new RegressionLoss(Kind.SQUARED, 0);

    /** The kinds of loss, by the id a configuration and {@code --loss} use. */
    public enum Kind {
        /** Squared error. */
        SQUARED,
        /** Huber's loss. */
        HUBER;

        /** @return the id, lower case */
        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param id a kind's id
         * @return the kind
         * @throws IllegalArgumentException naming the kinds
         */
        @JsonCreator
        public static Kind of(String id) {
            for (Kind k : values()) {
                if (k.id().equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown regression loss '" + id + "': expected squared or huber");
        }
    }

    /**
     * Checks δ against the kind.
     *
     * @param kind squared error or Huber's loss
     * @param delta Huber's δ, positive; 0 for squared error
     */
    public RegressionLoss {
        if (kind == null) {
            throw new IllegalArgumentException("a regression loss needs a kind: squared or huber");
        }
        if (kind == Kind.HUBER && !(delta > 0 && Double.isFinite(delta))) {
            throw new IllegalArgumentException("huber's delta must be a positive number, got " + delta);
        }
        if (kind == Kind.SQUARED && delta != 0) {
            throw new IllegalArgumentException("squared error takes no delta, got " + delta);
        }
    }

    /**
     * @param delta δ in standardised units
     * @return Huber's loss with that δ
     */
    public static RegressionLoss huber(double delta) {
        return new RegressionLoss(Kind.HUBER, delta);
    }

    /**
     * @param text {@code squared}, {@code huber} (δ {@value #DEFAULT_DELTA}) or {@code huber:D}
     * @return the loss
     * @throws IllegalArgumentException saying what is accepted
     */
    public static RegressionLoss parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("squared")) {
            return SQUARED;
        }
        if (t.equals("huber")) {
            return huber(DEFAULT_DELTA);
        }
        if (t.startsWith("huber:")) {
            double d;
            try {
                d = Double.parseDouble(t.substring("huber:".length()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "'" + text.strip() + "': expected huber:D with D a number of standard deviations", e);
            }
            return huber(d);
        }
        throw new IllegalArgumentException(
                "'" + text.strip() + "': expected squared, huber or huber:D (D in standard deviations)");
    }

    /**
     * @param e a residual, output − target, standardised
     * @return the loss of it
     */
    public double value(double e) {
        double a = Math.abs(e);
        return kind == Kind.SQUARED || a <= delta ? e * e : 2 * delta * a - delta * delta;
    }

    /**
     * @param e a residual, output − target, standardised
     * @return the loss's derivative with respect to the output: {@code 2e}, clipped to ±2δ for Huber's
     */
    public double derivative(double e) {
        return kind == Kind.SQUARED || Math.abs(e) <= delta ? 2 * e : 2 * delta * Math.signum(e);
    }

    /** @return "squared" or "huber:1.345", as {@link #parse} reads it */
    @Override
    public String toString() {
        return kind == Kind.SQUARED ? kind.id() : kind.id() + ":" + delta;
    }
}
