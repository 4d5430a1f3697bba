package org.saepj.api;

import java.util.List;
import java.util.Optional;
import org.saepj.persistence.MemberRecord;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.search.DataUse;
import org.saepj.search.EncodingChoice;
import org.saepj.search.FinalMetrics;
import org.saepj.search.IterationRecord;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchResult;
import org.saepj.search.Timing;
import org.saepj.task.RegressionMetrics;

/**
 * What a fit's search did, as report.json records it: the settings, each iteration, the final members and the final
 * ensemble measured on the held-out test rows.
 *
 * @param config the settings the search ran with, defaults filled in
 * @param iterations one record per iteration: candidates, selection, pruning, test accuracy
 * @param members the final members, as the saved ensemble's manifest lists them
 * @param metrics the final ensemble on the test partition: accuracy, loss, size, parameters, diversity, per class
 * @param timing where the time went
 * @param stoppedEarly why the search ended before its last iteration, or null when it ran them all
 * @param dataUse what each choice was made on, and what the final members last trained on (report.json's
 *     {@code dataUse})
 * @param encoding which encoding of the features a search with scaling auto kept, and each one's validation loss
 *     (report.json's {@code encoding}); null when the scaling was named
 */
public record FitReport(
        SearchConfig config,
        List<IterationRecord> iterations,
        List<MemberRecord> members,
        FinalMetrics metrics,
        Timing timing,
        String stoppedEarly,
        DataUse dataUse,
        EncodingChoice encoding) {
    /**
     * Copies the lists.
     *
     * @param config the settings the search ran with, defaults filled in
     * @param iterations one record per iteration
     * @param members the final members
     * @param metrics the final ensemble on the test partition
     * @param timing where the time went
     * @param stoppedEarly why the search ended early, or null
     * @param dataUse what each choice was made on
     * @param encoding the encoding kept by scaling auto, or null
     */
    public FitReport {
        iterations = List.copyOf(iterations);
        members = List.copyOf(members);
    }

    /**
     * @param r a finished search
     * @param ensemble its saved form
     * @return the report
     */
    static FitReport of(SearchResult r, SavedEnsemble ensemble) {
        return new FitReport(
                r.config(),
                r.iterations(),
                ensemble.manifest().members(),
                r.metrics(),
                r.timing(),
                r.stoppedEarly(),
                DataUse.of(r),
                r.encoding());
    }

    /** @return the final ensemble's accuracy on the held-out test rows (NaN for a regressor) */
    public double testAccuracy() {
        return metrics.testAccuracy();
    }

    /**
     * @return a regressor's final ensemble on the held-out test rows — RMSE, MAE, R², the mean-predictor baseline and
     *     the ambiguity decomposition — or empty for a classifier
     */
    public Optional<RegressionMetrics> regression() {
        return Optional.ofNullable(metrics.regression());
    }
}
