package org.saepj.bench;

import java.util.Arrays;

/**
 * Interleaved repetitions of one row: ours, then PyTorch, then ours again, …, so that each pair saw the same machine
 * (another process's burst, the host's other guests) and its ratio cancels what both sides felt.
 *
 * <p>The row's ratio is the median of the pairs' ratios and its spread their least and largest; each side's spread
 * is that of its own figures. A side whose figures fall into two levels, one at least {@link #TWO_LEVELS} times the
 * other, ran in two modes during the row ({@link #twoLevel(double[])}): the row says so rather than averaging them.
 *
 * <p>Each pair also records the cores' round trip measured before PyTorch's part ({@link CoreRoundTrip}): where the
 * host moved the machine's cores apart during the row, the round trips fall into two levels, and the row's figures
 * come from the pairs at the nearest placement ({@link #nearest()}), PyTorch's best, where there are enough of them
 * ({@link #atPlacement()}); the others are counted apart ({@link #elsewhere()}) rather than mixed in.
 */
final class Pairs {
    /** The factor between neighbouring sorted figures that makes them two levels rather than noise. */
    static final double TWO_LEVELS = 1.5;

    /**
     * The factor between neighbouring sorted round trips that makes them two placements. In the bench's rows the near
     * placement read 67–160 ns, its values close together, and the far one 250–380 ns, so the placements' gap is over
     * it; a rare wider gap inside the near values only leaves a pair out, never mixes the far in. A round trip a busy
     * thread inflated (0.5–2.7 µs) lands above either.
     */
    static final double FARTHER = 1.5;

    /** The fewest pairs at the nearest placement that a row's figures come from ({@link #atPlacement()}). */
    static final int FEWEST_AT_PLACEMENT = 3;

    private double[] ours = new double[0];
    private double[] djl = new double[0];
    private double[] roundTrips = new double[0];
    /** Our one-thread throughput measured right before a several-thread pair's ours, NaN where not measured. */
    private double[] oursOneThread = new double[0];

    /**
     * A pair whose cores' round trip was not measured.
     *
     * @param oursValue our throughput in this pair (positive)
     * @param djlValue PyTorch's throughput in this pair, measured right after ours (positive)
     */
    void add(double oursValue, double djlValue) {
        add(oursValue, djlValue, Double.NaN);
    }

    /**
     * @param oursValue our throughput in this pair (positive)
     * @param djlValue PyTorch's throughput in this pair, measured right after ours (positive)
     * @param roundTripNanos the cores' round trip measured just before PyTorch's part, or NaN where unknown
     */
    void add(double oursValue, double djlValue, double roundTripNanos) {
        add(Double.NaN, oursValue, djlValue, roundTripNanos);
    }

    /**
     * A pair of a row of several threads with our one-thread figure measured beside it.
     *
     * @param oursOne our one-thread throughput, measured right before {@code oursValue} (positive), or NaN where not
     *     measured
     * @param oursValue our throughput at the row's threads in this pair (positive)
     * @param djlValue PyTorch's throughput in this pair, measured right after ours (positive)
     * @param roundTripNanos the cores' round trip measured just before PyTorch's part, or NaN where unknown
     */
    void add(double oursOne, double oursValue, double djlValue, double roundTripNanos) {
        if (!(oursValue > 0) || !(djlValue > 0)) {
            throw new IllegalArgumentException(
                    "a pair needs two positive throughputs, got " + oursValue + " and " + djlValue);
        }
        if (roundTripNanos <= 0 || Double.isInfinite(roundTripNanos)) {
            throw new IllegalArgumentException("a round trip is positive and finite or NaN, got " + roundTripNanos);
        }
        if (!(oursOne > 0) && !Double.isNaN(oursOne)) {
            throw new IllegalArgumentException("a one-thread throughput is positive, got " + oursOne);
        }
        ours = append(ours, oursValue);
        djl = append(djl, djlValue);
        roundTrips = append(roundTrips, roundTripNanos);
        oursOneThread = append(oursOneThread, oursOne);
    }

    /**
     * @return the spread of the pairs' scaling, our figure over our one-thread figure measured beside it, or {@code
     *     null} where none was measured
     */
    Spread scaling() {
        double[] r = new double[ours.length];
        int n = 0;
        for (int i = 0; i < ours.length; i++) {
            if (!Double.isNaN(oursOneThread[i])) {
                r[n++] = ours[i] / oursOneThread[i];
            }
        }
        return n == 0 ? null : Spread.of(Arrays.copyOf(r, n));
    }

    /** @return the round trips measured, in the pairs' order (those not measured left out) */
    double[] roundTrips() {
        return Arrays.stream(roundTrips).filter(v -> !Double.isNaN(v)).toArray();
    }

    /**
     * @return the spread of the round trips measured, or {@code null} where none was
     */
    Spread roundTrip() {
        double[] known = roundTrips();
        return known.length == 0 ? null : Spread.of(known);
    }

    /**
     * @return the pairs at the nearest placement: those whose round trip lies below the first gap of
     *     {@link #FARTHER} times between neighbouring sorted round trips; all of them where there is no such gap or no
     *     round trip was measured
     */
    Pairs nearest() {
        return select(true);
    }

    /** @return the pairs {@link #nearest()} leaves out: measured at a farther placement (none where none was) */
    Pairs farther() {
        return select(false);
    }

    /**
     * @return the pairs a row of several threads takes its figures from: those at the nearest placement where there
     *     are at least {@link #FEWEST_AT_PLACEMENT} of them (or all pairs are there), else the others: one pair whose
     *     cores happened to be near while the rest were far is too few to stand for the row
     */
    Pairs atPlacement() {
        return select(nearestStands());
    }

    /** @return the pairs {@link #atPlacement()} leaves out */
    Pairs elsewhere() {
        return select(!nearestStands());
    }

    /** @return whether the nearest placement has pairs enough for the row's figures ({@link #atPlacement()}) */
    private boolean nearestStands() {
        return nearest().count() >= Math.min(FEWEST_AT_PLACEMENT, count());
    }

    /** @return the least round trip of a farther placement than the nearest, or infinity where there is one only */
    private double fartherPlacement() {
        return upperLevel(roundTrips(), FARTHER);
    }

    private Pairs select(boolean near) {
        double far = fartherPlacement();
        Pairs kept = new Pairs();
        for (int i = 0; i < ours.length; i++) {
            // A pair whose round trip was not measured goes with the nearest placement only where none was farther.
            boolean isNear = Double.isNaN(roundTrips[i]) ? far == Double.POSITIVE_INFINITY : roundTrips[i] < far;
            if (isNear == near) {
                kept.add(oursOneThread[i], ours[i], djl[i], roundTrips[i]);
            }
        }
        return kept;
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

    /**
     * @return whether either side's figures fall into two levels, or the round trips into two placements (then more
     *     pairs are worth having at a row of several threads, and cost a row of one only time)
     */
    boolean unsteady() {
        return twoLevel(ours) || twoLevel(djl) || fartherPlacement() < Double.POSITIVE_INFINITY;
    }

    /**
     * @param values positive figures of one side
     * @return whether, sorted, two neighbours differ by a factor of {@link #TWO_LEVELS} or more
     */
    static boolean twoLevel(double[] values) {
        return upperLevel(values, TWO_LEVELS) < Double.POSITIVE_INFINITY;
    }

    /**
     * @param values positive figures (not changed)
     * @param factor the ratio between sorted neighbours that starts a higher level
     * @return the least value of the first higher level, infinity where they are one level
     */
    private static double upperLevel(double[] values, double factor) {
        double[] v = values.clone();
        Arrays.sort(v);
        for (int i = 1; i < v.length; i++) {
            if (v[i] >= factor * v[i - 1]) {
                return v[i];
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static double[] append(double[] values, double value) {
        double[] longer = Arrays.copyOf(values, values.length + 1);
        longer[values.length] = value;
        return longer;
    }
}
