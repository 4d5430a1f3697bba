package org.saepj.bench;

import java.util.Arrays;

/**
 * The spread of repeated measurements: the smallest, the median and the largest.
 *
 * @param min the smallest value
 * @param median the middle value (of an even count, the mean of the two middle values)
 * @param max the largest value
 */
record Spread(double min, double median, double max) {

    /**
     * @param values at least one measurement (not changed)
     * @return their min, median and max
     */
    static Spread of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a spread needs at least one value");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Spread(v[0], median, v[n - 1]);
    }

    /**
     * The ratio of two spreads of throughputs: the medians' ratio, bounded by the most and least favourable pairs.
     *
     * @param numerator the spread on top
     * @param denominator the spread below (positive values)
     * @return {@code median = numerator.median / denominator.median}, {@code min = numerator.min / denominator.max},
     *     {@code max = numerator.max / denominator.min}
     */
    static Spread ratio(Spread numerator, Spread denominator) {
        return new Spread(
                numerator.min / denominator.max,
                numerator.median / denominator.median,
                numerator.max / denominator.min);
    }

    /** @return how far the extremes lie from the median, as a fraction of it: {@code (max - min) / median} */
    double relativeWidth() {
        return (max - min) / median;
    }
}
