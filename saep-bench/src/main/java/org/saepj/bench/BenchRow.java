package org.saepj.bench;

import java.util.Locale;

/**
 * One network and thread count of {@code ./saep bench}: both engines' training throughputs as spreads over the
 * repetitions, the ratio of the medians, our arithmetic rate and the reference's warm-up.
 *
 * @param network the network's name
 * @param threads the thread count (ours: that many networks at once; PyTorch: that many intra-op threads)
 * @param ours our samples per second over the repetitions
 * @param djl DJL/PyTorch's samples per second over the repetitions
 * @param gflops our median's arithmetic rate
 * @param peak the measured FMA peak at this thread count, GFLOP/s
 * @param warmUp how PyTorch's warm-up ended
 */
record BenchRow(
        String network, int threads, Spread ours, Spread djl, double gflops, double peak, SettleRule.Outcome warmUp) {

    /** The CSV file's columns, in {@link #csv()}'s order. */
    static final String CSV_HEADER = "network,threads,ours,ours_min,ours_max,djl,djl_min,djl_max,ratio,ratio_min,"
            + "ratio_max,gflops,peak_percent,djl_warmup_steps,djl_settled";

    /** @return the ratio of the medians, with the spread of the extremes' ratios */
    Spread ratio() {
        return Spread.ratio(ours, djl);
    }

    /**
     * The printed row: the fields of the earlier format first and unchanged in meaning (medians), then the spreads
     * and the warm-up as further {@code key=value} fields, so readers of the earlier rows keep working.
     *
     * @return the {@code BENCH} line
     */
    String line() {
        Spread r = ratio();
        return String.format(
                Locale.ROOT,
                "BENCH %s threads=%d ours=%.0f djl=%.0f ratio=%.2f gflops=%.1f peak=%.0f%%"
                        + " ours_spread=%.0f..%.0f djl_spread=%.0f..%.0f ratio_spread=%.2f..%.2f djl_warmup=%s",
                network,
                threads,
                ours.median(),
                djl.median(),
                r.median(),
                gflops,
                100 * gflops / peak,
                ours.min(),
                ours.max(),
                djl.min(),
                djl.max(),
                r.min(),
                r.max(),
                warmUp.describe());
    }

    /** @return the row as a CSV line without its line end, in {@link #CSV_HEADER}'s columns */
    String csv() {
        Spread r = ratio();
        return String.format(
                Locale.ROOT,
                "%s,%d,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.4f,%.4f,%.4f,%.2f,%.1f,%d,%b",
                network,
                threads,
                ours.median(),
                ours.min(),
                ours.max(),
                djl.median(),
                djl.min(),
                djl.max(),
                r.median(),
                r.min(),
                r.max(),
                gflops,
                100 * gflops / peak,
                warmUp.steps(),
                warmUp.settled());
    }
}
