package org.saepj.bench;

import java.util.Locale;

/**
 * One network and thread count of {@code ./saep bench}: both engines' training throughputs as spreads over the
 * interleaved repetitions ({@link Pairs}), the median and spread of the pairs' ratios, our arithmetic rate, the
 * reference's warm-up and what shows whether the reference ran steadily: its page faults per step and the mode.
 *
 * @param network the network's name
 * @param threads the thread count (ours: that many networks at once; PyTorch: that many intra-op threads)
 * @param ours our samples per second over the repetitions
 * @param djl DJL/PyTorch's samples per second over the repetitions
 * @param ratio ours over PyTorch's: the median and extremes of the pairs' ratios
 * @param gflops our median's arithmetic rate
 * @param peak the measured FMA peak at this thread count, GFLOP/s
 * @param warmUp how PyTorch's warm-up ended
 * @param oursWarmUp how our warm-up ended (its steps: runs of {@link EngineBench#WARM_UP_STEPS} steps)
 * @param pairs the interleaved pairs measured
 * @param djlFaultsPerStep the process's minor page faults per PyTorch step while PyTorch was timed, or NaN unknown
 * @param mode {@link Pairs#mode()}: {@code steady}, or which side's figures fell into two levels
 * @param roundTripNanos the median cores' round trip of the pairs the figures come from ({@link CoreRoundTrip}), NaN
 *     where not measured
 * @param pairsLeft the pairs measured at another placement and left out of the figures ({@link Pairs#elsewhere()})
 * @param leftRoundTripNanos their median round trip, NaN where none was left out
 * @param scaling at several threads, our figure over our one-thread figure measured beside it in each pair
 *     ({@link Pairs#scaling()}); {@code null} at one thread
 */
record BenchRow(
        String network,
        int threads,
        Spread ours,
        Spread djl,
        Spread ratio,
        double gflops,
        double peak,
        SettleRule.Outcome warmUp,
        SettleRule.Outcome oursWarmUp,
        int pairs,
        double djlFaultsPerStep,
        String mode,
        double roundTripNanos,
        int pairsLeft,
        double leftRoundTripNanos,
        Spread scaling) {

    /** The CSV file's columns, in {@link #csv()}'s order. */
    static final String CSV_HEADER = "network,threads,ours,ours_min,ours_max,djl,djl_min,djl_max,ratio,ratio_min,"
            + "ratio_max,gflops,peak_percent,djl_warmup_steps,djl_settled,pairs,djl_faults_per_step,mode,"
            + "ours_warmup_steps,ours_settled,c2c_ns,pairs_left,c2c_left_ns,scaling,scaling_min,scaling_max";

    /**
     * @param measured the row's interleaved repetitions, all of them: at several threads the figures come from those
     *     at one placement, the nearest where it has enough pairs ({@link Pairs#atPlacement()}), at one from all
     * @param flopsPerSample our arithmetic per training sample, for the rate of our median
     * @return the row of their spreads and paired ratios
     */
    static BenchRow of(
            String network,
            int threads,
            Pairs measured,
            double flopsPerSample,
            double peak,
            SettleRule.Outcome warmUp,
            SettleRule.Outcome oursWarmUp,
            double djlFaultsPerStep) {
        // One thread runs on one core wherever the others are: its pairs are all kept.
        Pairs pairs = threads > 1 ? measured.atPlacement() : measured;
        Pairs left = threads > 1 ? measured.elsewhere() : new Pairs();
        return new BenchRow(
                network,
                threads,
                pairs.ours(),
                pairs.djl(),
                pairs.ratio(),
                pairs.ours().median() * flopsPerSample / 1e9,
                peak,
                warmUp,
                oursWarmUp,
                pairs.count(),
                djlFaultsPerStep,
                pairs.mode(),
                medianRoundTrip(pairs),
                left.count(),
                medianRoundTrip(left),
                pairs.scaling());
    }

    private static double medianRoundTrip(Pairs pairs) {
        Spread r = pairs.roundTrip();
        return r == null ? Double.NaN : r.median();
    }

    /**
     * @return the cores' round trip as printed: {@code 71ns}, {@code n/a} where not measured, then where pairs were
     *     left out {@code c2c_left=N@Mns}
     */
    String roundTrips() {
        String kept = Double.isNaN(roundTripNanos) ? "n/a" : String.format(Locale.ROOT, "%.0fns", roundTripNanos);
        return pairsLeft == 0
                ? kept
                : kept + String.format(Locale.ROOT, " c2c_left=%d@%.0fns", pairsLeft, leftRoundTripNanos);
    }

    /** @return the faults per step as printed: a whole number, marked {@code (churn)} above the bound, or n/a */
    String faults() {
        if (Double.isNaN(djlFaultsPerStep)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.0f/step", djlFaultsPerStep)
                + (djlFaultsPerStep > PageFaults.CHURN_PER_STEP ? "(churn)" : "");
    }

    /**
     * The printed row: the fields of the earlier format first (medians; the ratio now the median of the pairs'
     * ratios), then the spreads and the warm-up, then the pairs, PyTorch's page faults, the mode, our warm-up and the
     * cores' round trip, as further {@code key=value} fields, so readers of the earlier rows keep working.
     *
     * @return the {@code BENCH} line
     */
    String line() {
        Spread r = ratio;
        return String.format(
                Locale.ROOT,
                "BENCH %s threads=%d ours=%.0f djl=%.0f ratio=%.2f gflops=%.1f peak=%.0f%%"
                        + " ours_spread=%.0f..%.0f djl_spread=%.0f..%.0f ratio_spread=%.2f..%.2f djl_warmup=%s"
                        + " pairs=%d djl_faults=%s mode=%s ours_warmup=%s c2c=%s%s",
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
                warmUp.describe(),
                pairs,
                faults(),
                mode,
                oursWarmUp.describe(),
                roundTrips(),
                scaling == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                " scaling=%.2f(%.2f..%.2f)",
                                scaling.median(),
                                scaling.min(),
                                scaling.max()));
    }

    /** @return the row as a CSV line without its line end, in {@link #CSV_HEADER}'s columns */
    String csv() {
        Spread r = ratio;
        return String.format(
                Locale.ROOT,
                "%s,%d,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.4f,%.4f,%.4f,%.2f,%.1f,%d,%b,%d,%s,%s,%d,%b,%s,%d,%s,%s",
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
                warmUp.settled(),
                pairs,
                Double.isNaN(djlFaultsPerStep) ? "" : String.format(Locale.ROOT, "%.1f", djlFaultsPerStep),
                mode,
                oursWarmUp.steps(),
                oursWarmUp.settled(),
                nanosOrEmpty(roundTripNanos),
                pairsLeft,
                nanosOrEmpty(leftRoundTripNanos),
                scaling == null
                        ? ",,"
                        : String.format(Locale.ROOT, "%.4f,%.4f,%.4f", scaling.median(), scaling.min(), scaling.max()));
    }

    private static String nanosOrEmpty(double nanos) {
        return Double.isNaN(nanos) ? "" : String.format(Locale.ROOT, "%.1f", nanos);
    }
}
