package org.saepj.search;

import java.util.List;
import org.saepj.ensemble.Ensemble;

/**
 * Everything a search produced: the final ensemble, what each iteration did, the final metrics, timings and
 * provenance.
 *
 * @param config the configuration, seed included
 * @param dataset the data used
 * @param ensemble the final ensemble (members with their networks and weights)
 * @param metrics the final ensemble on the test partition
 * @param iterations one record per iteration
 * @param timing where the time went
 * @param provenance versions and engine
 * @param stoppedEarly why the search ended before its last iteration ({@link StoppingRule}), or null
 * @param finalIteration the iteration whose ensemble is the result: the last one, or the best on validation data
 *     ({@link ValidationPlan.FinalEnsemble})
 * @param refit how the final members were retrained on the training rows and the validation part together, or null
 *     when they were not ({@link ValidationPlan#refit})
 * @param bags what each bag's search chose, in a bagged search ({@link BaggedSearch}: its iterations are the bags'
 *     records in turn, its ensemble the union of theirs, {@code finalIteration} -1); null for one search
 * @param encoding which encoding of the features a search with {@code --scaling auto} kept, and what each scored
 *     ({@link EncodingSearch}: its other fields are the kept run's, its timing both runs'); null otherwise
 */
public record SearchResult(
        SearchConfig config,
        DatasetInfo dataset,
        Ensemble ensemble,
        FinalMetrics metrics,
        List<IterationRecord> iterations,
        Timing timing,
        Provenance provenance,
        String stoppedEarly,
        int finalIteration,
        Refit refit,

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        List<BagRecord> bags,

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        EncodingChoice encoding) {
    /**
     * This run as the result of a search that ran it beside another encoding and kept it ({@link EncodingSearch}).
     *
     * @param searched the whole search's configuration (its scaling {@code auto})
     * @param choice the encoding kept and what each run scored
     * @param timing both runs' time
     * @return the result under the search's configuration, its choice recorded
     */
    SearchResult withEncoding(SearchConfig searched, EncodingChoice choice, Timing timing) {
        return new SearchResult(
                searched,
                dataset,
                ensemble,
                metrics,
                iterations,
                timing,
                provenance,
                stoppedEarly,
                finalIteration,
                refit,
                bags,
                choice);
    }

    /**
     * A result whose members were not retrained after the search.
     *
     * @param config the configuration
     * @param dataset the data used
     * @param ensemble the final ensemble
     * @param metrics the final ensemble on the test partition
     * @param iterations one record per iteration
     * @param timing where the time went
     * @param provenance versions and engine
     * @param stoppedEarly why the search ended before its last iteration, or null
     * @param finalIteration the iteration whose ensemble is the result
     */
    public SearchResult(
            SearchConfig config,
            DatasetInfo dataset,
            Ensemble ensemble,
            FinalMetrics metrics,
            List<IterationRecord> iterations,
            Timing timing,
            Provenance provenance,
            String stoppedEarly,
            int finalIteration) {
        this(
                config,
                dataset,
                ensemble,
                metrics,
                iterations,
                timing,
                provenance,
                stoppedEarly,
                finalIteration,
                null,
                null,
                null);
    }

    /**
     * A result whose ensemble is the last iteration's.
     *
     * @param config the configuration
     * @param dataset the data used
     * @param ensemble the final ensemble
     * @param metrics the final ensemble on the test partition
     * @param iterations one record per iteration
     * @param timing where the time went
     * @param provenance versions and engine
     * @param stoppedEarly why the search ended before its last iteration, or null
     */
    public SearchResult(
            SearchConfig config,
            DatasetInfo dataset,
            Ensemble ensemble,
            FinalMetrics metrics,
            List<IterationRecord> iterations,
            Timing timing,
            Provenance provenance,
            String stoppedEarly) {
        this(
                config,
                dataset,
                ensemble,
                metrics,
                iterations,
                timing,
                provenance,
                stoppedEarly,
                iterations.isEmpty()
                        ? -1
                        : iterations.get(iterations.size() - 1).iteration());
    }
}
