package org.saepj.task;

import java.util.Arrays;
import java.util.Objects;

/**
 * Real-valued targets, one value per sample in the data's own unit, with the standardisation the networks learn them
 * in: {@code z = (y − mean) / scale}, mean and scale taken from the training part (see
 * {@link RegressionTask#prepared}). The targets of {@link RegressionTask}.
 */
public final class RealValues implements Targets {
    private final double[] values;
    private final double mean;
    private final double scale;
    private final RegressionLoss loss;

    /**
     * Values not yet standardised against a training part: they are their own reference (their mean and standard
     * deviation, 1 when they do not vary).
     *
     * @param values one value per sample, taken as it is, not copied; it must not be modified afterwards
     * @throws IllegalArgumentException when a value is not finite
     */
    public RealValues(double[] values) {
        this(values, mean(values), deviation(values));
    }

    /**
     * @param values one value per sample, taken as it is, not copied; it must not be modified afterwards
     * @param mean the mean the networks' outputs are centred on
     * @param scale the standard deviation the networks' outputs are divided by, positive
     * @throws IllegalArgumentException when a value is not finite or the scale is not positive
     */
    public RealValues(double[] values, double mean, double scale) {
        this(values, mean, scale, RegressionLoss.SQUARED);
    }

    /**
     * @param values one value per sample, taken as it is, not copied; it must not be modified afterwards
     * @param mean the mean the networks' outputs are centred on
     * @param scale the standard deviation the networks' outputs are divided by, positive
     * @param loss the loss the networks learn these values with
     * @throws IllegalArgumentException when a value is not finite or the scale is not positive
     */
    public RealValues(double[] values, double mean, double scale, RegressionLoss loss) {
        Objects.requireNonNull(values);
        Objects.requireNonNull(loss);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("the value of sample " + i + " is " + values[i]
                        + ": regression targets must be finite numbers");
            }
        }
        if (!(scale > 0) || !Double.isFinite(mean) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("standardisation mean " + mean + ", scale " + scale
                    + ": the scale must be a positive finite number");
        }
        this.values = values;
        this.mean = mean;
        this.scale = scale;
        this.loss = loss;
    }

    /**
     * The backing array, shared for speed: callers must not modify it.
     *
     * @return one value per sample, in the data's unit
     */
    public double[] values() {
        return values;
    }

    /** @return the loss the networks learn these values with (squared error unless the search chose Huber's) */
    public RegressionLoss loss() {
        return loss;
    }

    /**
     * @param choice the loss a search trains on
     * @return these values, learned with that loss
     */
    public RealValues withLoss(RegressionLoss choice) {
        return choice.equals(loss) ? this : new RealValues(values, mean, scale, choice);
    }

    /** @return the mean subtracted before training */
    public double mean() {
        return mean;
    }

    /** @return the standard deviation divided by before training */
    public double scale() {
        return scale;
    }

    /**
     * @param row a sample
     * @return its value standardised, what a network learns to output
     */
    public double standardised(int row) {
        return (values[row] - mean) / scale;
    }

    /**
     * @param output a network's or ensemble's output, standardised
     * @return the value in the data's unit
     */
    public double toValue(double output) {
        return mean + scale * output;
    }

    /**
     * @param reference the training part's values
     * @return these values standardised with the reference's mean and scale
     */
    public RealValues standardisedLike(RealValues reference) {
        return new RealValues(values, reference.mean, reference.scale, loss);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Task task() {
        return RegressionTask.INSTANCE;
    }

    @Override
    public RealValues select(int[] rows) {
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = values[rows[i]];
        }
        return new RealValues(y, mean, scale, loss);
    }

    @Override
    public RealValues append(Targets other) {
        if (!(other instanceof RealValues o)) {
            throw new IllegalArgumentException("cannot join real values with other targets: " + other);
        }
        double[] y = Arrays.copyOf(values, values.length + o.values.length);
        System.arraycopy(o.values, 0, y, values.length, o.values.length);
        return new RealValues(y);
    }

    @Override
    public String toString() {
        return "real values";
    }

    @Override
    public String describe() {
        double lo = Arrays.stream(values).min().orElse(Double.NaN);
        double hi = Arrays.stream(values).max().orElse(Double.NaN);
        return String.format(
                java.util.Locale.ROOT,
                "target: %d values from %.4g to %.4g, mean %.4g, standard deviation %.4g",
                values.length,
                lo,
                hi,
                Arrays.stream(values).average().orElse(Double.NaN),
                deviation(values));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    /** The population standard deviation, or 1 when the values do not vary (nothing to scale). */
    private static double deviation(double[] values) {
        double m = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - m) * (v - m);
        }
        double sd = values.length == 0 ? 0 : Math.sqrt(sum / values.length);
        return sd > 0 && Double.isFinite(sd) ? sd : 1;
    }
}
