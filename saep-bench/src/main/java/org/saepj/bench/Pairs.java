package org.saepj.bench;

import java.util.Arrays;

/**
 * Interleaved repetitions of one row: ours, then PyTorch, then ours again, …, so that each pair saw the same machine
 * (another process's burst, the host's other guests) and its ratio cancels what both sides felt.
 *
 * <p>The row's ratio is the median of the pairs' ratios and its spread their least and largest; each side's spread
 * is that of its own figures. A side whose figures fall into two levels, one at least {@link #TWO_LEVELS} times the
 * other, ran in two modes during the row ({@link #twoLevel(double[])}): the row says so rather than averaging them.
 */
final class Pairs {
    /** The factor between neighbouring sorted figures that makes them two levels rather than noise. */
    static final double TWO_LEVELS = 1.5;

    private double[] ours = new double[0];
    private double[] djl = new double[0];

    /**
     * @param oursValue our throughput in this pair (positive)
     * @param djlValue PyTorch's throughput in this pair, measured right after ours (positive)
     */
    void add(double oursValue, double djlValue) {
        if (!(oursValue > 0) || !(djlValue > 0)) {
            throw new IllegalArgumentException(
                    "a pair needs two positive throughputs, got " + oursValue + " and " + djlValue);
        }
        ours = append(ours, oursValue);
        djl = append(djl, djlValue);
    }

    /** @return the pairs added so far */
    int count() {
        return ours.length;
    }

    /** @return the spread of our figures */
    Spread ours() {
        return Spread.of(ours);
    }

    /** @return the spread of PyTorch's figures */
    Spread djl() {
        return Spread.of(djl);
    }

    /** @return the spread of the pairs' ratios, ours over PyTorch's */
    Spread ratio() {
        double[] r = new double[ours.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = ours[i] / djl[i];
        }
        return Spread.of(r);
    }

    /** @return which side's figures fall into two levels: {@code steady}, {@code two-level:ours|djl|both} */
    String mode() {
        boolean o = twoLevel(ours);
        boolean d = twoLevel(djl);
        if (o && d) {
            return "two-level:both";
        }
        return o ? "two-level:ours" : d ? "two-level:djl" : "steady";
    }

    /** @return whether either side's figures fall into two levels */
    boolean unsteady() {
        return twoLevel(ours) || twoLevel(djl);
    }

    /**
     * @param values positive figures of one side
     * @return whether, sorted, two neighbours differ by a factor of {@link #TWO_LEVELS} or more
     */
    static boolean twoLevel(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        for (int i = 1; i < v.length; i++) {
            if (v[i] >= TWO_LEVELS * v[i - 1]) {
                return true;
            }
        }
        return false;
    }

    private static double[] append(double[] values, double value) {
        double[] longer = Arrays.copyOf(values, values.length + 1);
        longer[values.length] = value;
        return longer;
    }
}
