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
     * Several searches' times added up, as one search that ran them in turn (a bagged search's bags, the encodings of
     * {@code --scaling auto}): the wall time is the whole's, what it spent outside the runs' training its overhead.
     *
     * @param runs each run's timing
     * @param total the whole search's wall time
     * @param finishSeconds the whole's own final measurements, after the runs' (0 when it has none)
     * @return the sum
     */
    static Timing summed(java.util.List<Timing> runs, double total, double finishSeconds) {
        double train = 0;
        double probe = 0;
        double pruning = 0;
        double selection = 0;
        double measures = 0;
        double checkpoints = 0;
        double finish = finishSeconds;
        for (Timing t : runs) {
            train += t.trainSeconds();
            Overhead o = t.overhead();
            if (o != null) {
                probe += o.probeSeconds();
                pruning += o.pruningSeconds();
                selection += o.selectionSeconds();
                measures += o.measuresSeconds();
                checkpoints += o.checkpointSeconds();
                finish += o.finishSeconds();
            }
        }
        double overhead = total - train;
        return new Timing(
                total,
                train,
                overhead,
                new Overhead(
                        probe,
                        pruning,
                        selection,
                        measures,
                        checkpoints,
                        finish,
                        overhead - probe - pruning - selection - measures - checkpoints - finish));
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
