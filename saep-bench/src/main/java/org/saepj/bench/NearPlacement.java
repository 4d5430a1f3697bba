package org.saepj.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The cores' usual placement in one bench run, and a bounded wait for it before a row of several threads, where
 * PyTorch's figures depend on it ({@link CoreRoundTrip}): a row then runs where PyTorch's threads help, rather than
 * at whichever placement the host chose at the moment, and two runs' rows compare like with like.
 *
 * <p>The usual placement is the median of the round trips seen in the run (at its start and in every pair). Neither
 * the least one nor a fixed figure would do: on the 2 vCPU AMD EPYC of docs/BENCHMARKS.md the near placement read
 * 54–160 ns in the bench (its least often a lucky 54–71, its median 100–140) and the far one 250–380 ns, so no
 * multiple of the least separates them in every run, while {@link #FAR} times the median does.
 */
final class NearPlacement {
    /** The longest wait before a row: the far placement has lasted minutes here, and a run must end. */
    static final double MAX_WAIT_SECONDS = 60;

    /** The cores count as far while their round trip is at least this many times the run's median. */
    static final double FAR = 1.8;

    /** How often the round trip is measured while waiting. */
    private static final long POLL_MILLIS = 500;

    /** Measures the cores' round trip: {@link CoreRoundTrip#nanos()}, or a stand-in in tests. */
    interface Probe {
        /**
         * @return the round trip in nanoseconds, NaN where it cannot be measured
         * @throws InterruptedException if interrupted while measuring
         */
        double nanos() throws InterruptedException;
    }

    private final Probe roundTrip;
    /** The round trips seen: the run's start and every pair's (not the polls of a wait, which are all far). */
    private double[] seen = new double[0];

    /**
     * Measures the round trip once, the first placement seen.
     *
     * @param roundTrip measures the cores' round trip
     * @throws InterruptedException if interrupted while measuring
     */
    NearPlacement(Probe roundTrip) throws InterruptedException {
        this.roundTrip = roundTrip;
        add(roundTrip.nanos());
    }

    /** @param pairs a row's pairs, whose round trips join those seen */
    void observe(Pairs pairs) {
        for (double v : pairs.roundTrips()) {
            add(v);
        }
    }

    private void add(double nanos) {
        if (!Double.isNaN(nanos)) {
            seen = Arrays.copyOf(seen, seen.length + 1);
            seen[seen.length - 1] = nanos;
        }
    }

    /** @return the median round trip seen in this run, NaN where none was measured */
    double usual() {
        return seen.length == 0 ? Double.NaN : Spread.of(seen).median();
    }

    private boolean isFar(double nanos) {
        double usual = usual();
        return !Double.isNaN(nanos) && !Double.isNaN(usual) && nanos >= FAR * usual;
    }

    /**
     * @param pairs a row's pairs
     * @return whether the pairs its figures come from ({@link Pairs#atPlacement()}) ran with the cores far: their
     *     median round trip at least {@link #FAR} times the run's usual one (the cores moved away during the row)
     */
    boolean far(Pairs pairs) {
        Spread r = pairs.atPlacement().roundTrip();
        return r != null && isFar(r.median());
    }

    /**
     * Waits, up to {@link #MAX_WAIT_SECONDS}, until the round trip is less than {@link #FAR} times the run's usual one.
     *
     * @return what happened, for the bench's output: {@code null} where the cores were not far (or not measured)
     * @throws InterruptedException if interrupted while waiting
     */
    String await() throws InterruptedException {
        double now = roundTrip.nanos();
        if (!isFar(now)) {
            return null;
        }
        double first = now;
        long start = System.nanoTime();
        double waited = 0;
        while (isFar(now) && waited < MAX_WAIT_SECONDS) {
            Thread.sleep(POLL_MILLIS);
            now = roundTrip.nanos();
            waited = (System.nanoTime() - start) / 1e9;
        }
        return String.format(
                Locale.ROOT,
                "the cores' round trip %.0f ns against the run's usual %.0f ns; %s after %.1f s (%.0f ns)",
                first,
                usual(),
                isFar(now) ? "still far, measured as it is" : "near again",
                waited,
                now);
    }
}
