package org.saepj.search;

/**
 * Where a run's time went.
 *
 * @param totalSeconds the whole search
 * @param trainSeconds candidate training and output computation (the executor's wall time)
 * @param searchOverheadSeconds everything else: pruning, mixture fitting, selection, bookkeeping
 * @param overhead that time by part, or null in reports written before it was measured
 */
public record Timing(double totalSeconds, double trainSeconds, double searchOverheadSeconds, Overhead overhead) {
    /**
     * Timing without the parts.
     *
     * @param totalSeconds the whole search
     * @param trainSeconds candidate training and output computation
     * @param searchOverheadSeconds everything else
     */
    public Timing(double totalSeconds, double trainSeconds, double searchOverheadSeconds) {
        this(totalSeconds, trainSeconds, searchOverheadSeconds, null);
    }

    /**
     * The search's time outside training, by part (seconds of the search's own thread; a checkpoint written in the
     * background counts only the time the search waited for it).
     *
     * @param probeSeconds the throughput probe of a time budget (0 without one)
     * @param pruningSeconds the pruning criterion's decisions
     * @param selectionSeconds scoring the options (mixture weights, the objective on the selection data)
     * @param measuresSeconds each iteration's test measures and validation loss, for the records
     * @param checkpointSeconds waiting for checkpoints
     * @param finishSeconds the final ensemble's measurements and calibration
     * @param otherSeconds the rest: batches, records, listeners
     */
    public record Overhead(
            double probeSeconds,
            double pruningSeconds,
            double selectionSeconds,
            double measuresSeconds,
            double checkpointSeconds,
            double finishSeconds,
            double otherSeconds) {}
}
