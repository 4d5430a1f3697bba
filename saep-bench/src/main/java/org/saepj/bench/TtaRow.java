package org.saepj.bench;

import java.util.Locale;

/**
 * The time-to-accuracy row of {@code ./saep bench}: both engines' training time until the test accuracy reached the
 * target, and the ratio PyTorch's over ours, so that, as in every other row, a ratio above 1 means ours is faster.
 *
 * @param network the network's name (the row's name is it with {@code tta-} before it)
 * @param threads the thread count: ours trains one network on them (idle threads take its layers' chunks), PyTorch's
 *     intra-op threads are pinned to it
 * @param settings the target and how it was checked
 * @param ours our run
 * @param djl DJL/PyTorch's run
 */
record TtaRow(
        String network,
        int threads,
        TimeToAccuracy.Settings settings,
        TimeToAccuracy.Result ours,
        TimeToAccuracy.Result djl) {

    /** The CSV file's columns, in {@link #csv()}'s order. */
    static final String CSV_HEADER = "network,threads,target,test_samples,weight_decay,ours_seconds,djl_seconds,ratio,"
            + "ours_steps,djl_steps,ours_accuracy,djl_accuracy,ours_reached,djl_reached";

    /**
     * @return PyTorch's time over ours; where a side stopped at the step cap unreached, its time is a lower bound,
     *     which {@link #reached()} says
     */
    double ratio() {
        return djl.seconds() / ours.seconds();
    }

    /** @return which runs reached the target: "both", "ours", "djl" or "neither" */
    String reached() {
        if (ours.reached()) {
            return djl.reached() ? "both" : "ours";
        }
        return djl.reached() ? "djl" : "neither";
    }

    /** @return the {@code BENCH tta-…} line: the times in seconds, then the steps and accuracies at the end */
    String line() {
        return String.format(
                Locale.ROOT,
                "BENCH tta-%s threads=%d ours=%.1fs djl=%.1fs ratio=%.2f target=%.3f test=%d decay=%s reached=%s"
                        + " ours_steps=%d djl_steps=%d ours_acc=%.4f djl_acc=%.4f",
                network,
                threads,
                ours.seconds(),
                djl.seconds(),
                ratio(),
                settings.target(),
                settings.testSize(),
                settings.weightDecay(),
                reached(),
                ours.steps(),
                djl.steps(),
                ours.accuracy(),
                djl.accuracy());
    }

    /** @return the row as a CSV line without its line end, in {@link #CSV_HEADER}'s columns */
    String csv() {
        return String.format(
                Locale.ROOT,
                "%s,%d,%.4f,%d,%s,%.3f,%.3f,%.4f,%d,%d,%.4f,%.4f,%b,%b",
                network,
                threads,
                settings.target(),
                settings.testSize(),
                settings.weightDecay(),
                ours.seconds(),
                djl.seconds(),
                ratio(),
                ours.steps(),
                djl.steps(),
                ours.accuracy(),
                djl.accuracy(),
                ours.reached(),
                djl.reached());
    }
}
