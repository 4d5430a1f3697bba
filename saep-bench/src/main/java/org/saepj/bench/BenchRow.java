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
        String mode) {

    /** The CSV file's columns, in {@link #csv()}'s order. */
    static final String CSV_HEADER = "network,threads,ours,ours_min,ours_max,djl,djl_min,djl_max,ratio,ratio_min,"
            + "ratio_max,gflops,peak_percent,djl_warmup_steps,djl_settled,pairs,djl_faults_per_step,mode,"
            + "ours_warmup_steps,ours_settled";

    /**
     * @param pairs the row's interleaved repetitions
     * @return the row of their spreads and paired ratios
     */
    static BenchRow of(
            String network,
            int threads,
            Pairs pairs,
            double gflops,
            double peak,
            SettleRule.Outcome warmUp,
            SettleRule.Outcome oursWarmUp,
            double djlFaultsPerStep) {
        return new BenchRow(
                network,
                threads,
                pairs.ours(),
                pairs.djl(),
                pairs.ratio(),
                gflops,
                peak,
                warmUp,
                oursWarmUp,
                pairs.count(),
                djlFaultsPerStep,
                pairs.mode());
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
     * ratios), then the spreads and the warm-up, then the pairs, PyTorch's page faults, the mode and our warm-up, as
     * further {@code key=value} fields, so readers of the earlier rows keep working.
     *
     * @return the {@code BENCH} line
     */
    String line() {
        Spread r = ratio;
        return String.format(
                Locale.ROOT,
                "BENCH %s threads=%d ours=%.0f djl=%.0f ratio=%.2f gflops=%.1f peak=%.0f%%"
                        + " ours_spread=%.0f..%.0f djl_spread=%.0f..%.0f ratio_spread=%.2f..%.2f djl_warmup=%s"
                        + " pairs=%d djl_faults=%s mode=%s ours_warmup=%s",
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
                oursWarmUp.describe());
    }

    /** @return the row as a CSV line without its line end, in {@link #CSV_HEADER}'s columns */
    String csv() {
        Spread r = ratio;
        return String.format(
                Locale.ROOT,
                "%s,%d,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.4f,%.4f,%.4f,%.2f,%.1f,%d,%b,%d,%s,%s,%d,%b",
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
                oursWarmUp.settled());
    }
}
