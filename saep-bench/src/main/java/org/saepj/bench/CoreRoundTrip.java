package org.saepj.bench;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The time a cache line takes to go from one thread to another and back, two threads bouncing one flag: where the
 * host has put the machine's cores relative to each other, measured from inside the guest.
 *
 * <p>Why the bench needs it: on the 2 vCPU AMD EPYC guest of docs/BENCHMARKS.md the host moves the two vCPUs between
 * placements for seconds to minutes at a time, and this round trip reads about 70 ns in one and about 340 ns in the
 * other. PyTorch's intra-op threads split every operation of one step, so each step's tensors cross between the
 * cores: at the far placement its two threads train no faster than one (MLP 27–34k samples/s against 50k at the near
 * one, its one-thread figure about 30k), while ours, independent networks one per thread, do not notice. A
 * two-thread row measured at the far placement is another experiment, not noise; each pair therefore records the
 * round trip measured just before PyTorch's part ({@link Pairs}).
 */
final class CoreRoundTrip {
    /** Round trips per round: about 0.07–0.35 ms a round at the placements seen. */
    static final int TRIPS = 1_000;

    /**
     * Rounds measured, a millisecond apart; the fastest counts. Another thread busy on a core (the JIT compiler, the
     * collector) makes a round slower, never faster, so spreading the rounds over some 15 ms lets one of them miss
     * it: measured back to back right after our part, every round of a row's pair sometimes read 0.5–1.3 µs.
     */
    static final int ROUNDS = 12;

    /** The pause between rounds. */
    private static final long PAUSE_MILLIS = 1;

    /** A round that takes longer than this is cut short: a loaded machine must not stall the bench. */
    private static final long ROUND_LIMIT_NANOS = 50_000_000L;

    private CoreRoundTrip() {}

    /**
     * Bounces a flag between this thread and another one {@link #TRIPS} times, in {@link #ROUNDS} rounds.
     *
     * @return the fastest round's mean round trip in nanoseconds, or NaN on a machine with one processor (the two
     *     threads would take turns on it, which measures the scheduler) or where no trip came back in time
     * @throws InterruptedException if interrupted while waiting for the other thread
     */
    static double nanos() throws InterruptedException {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return Double.NaN;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < ROUNDS; r++) {
            if (r > 0) {
                Thread.sleep(PAUSE_MILLIS);
            }
            best = Math.min(best, round());
        }
        return Double.isInfinite(best) ? Double.NaN : best;
    }

    /** One round: the mean nanoseconds of its round trips. */
    private static double round() throws InterruptedException {
        AtomicInteger flag = new AtomicInteger();
        // The other side answers each 1 with a 0; -1 ends it early when the round is cut short.
        Thread other = new Thread(
                () -> {
                    for (int i = 0; i < TRIPS; i++) {
                        int seen;
                        while ((seen = flag.get()) == 0) {
                            Thread.onSpinWait();
                        }
                        if (seen < 0) {
                            return;
                        }
                        flag.set(0);
                    }
                },
                "core-round-trip");
        other.setDaemon(true);
        other.start();
        long deadline = System.nanoTime() + ROUND_LIMIT_NANOS;
        long start = System.nanoTime();
        int trips = 0;
        boolean cut = false;
        while (trips < TRIPS && !cut) {
            flag.set(1);
            while (flag.get() != 0) {
                if (System.nanoTime() > deadline) {
                    cut = true;
                    break;
                }
                Thread.onSpinWait();
            }
            if (!cut) {
                trips++;
            }
        }
        long elapsed = System.nanoTime() - start;
        if (cut) {
            flag.set(-1);
        }
        other.join();
        return trips == 0 ? Double.POSITIVE_INFINITY : elapsed / (double) trips;
    }
}
