package org.saepj.run;

import org.saepj.search.SearchConfig;

/**
 * One run of a grid: a whole search that a {@link GridExecutor} may run anywhere, here or on a cluster, into its
 * directory under the grid's — {@code runs/<name>/} of a comparison, {@code fold-<k>/} of a search's folds.
 *
 * @param index its place in the plan (results are reported in this order)
 * @param name its name (the directory's last part)
 * @param method the compared method
 * @param mixture the mixture's label ("-" for the single-network baseline)
 * @param seed the run seed
 * @param fold its fold, from 1, or 0 when the plan has no folds
 * @param config the search's whole configuration
 * @param directory its directory relative to the grid's ("runs/adanet-uniform-seed1", "fold-2")
 */
public record GridRun(
        int index,
        String name,
        ComparedMethod method,
        String mixture,
        long seed,
        int fold,
        SearchConfig config,
        String directory) {
    /**
     * A run of a comparison, in {@code runs/<name>/}.
     *
     * @param index its place in the plan
     * @param name its directory's name under {@code runs/}
     * @param method the compared method
     * @param mixture the mixture's label
     * @param seed the run seed
     * @param fold its fold, from 1, or 0
     * @param config the search's whole configuration
     */
    public GridRun(
            int index, String name, ComparedMethod method, String mixture, long seed, int fold, SearchConfig config) {
        this(index, name, method, mixture, seed, fold, config, "runs/" + name);
    }

    /**
     * The folds of one search ({@code search --folds K}), each in {@code fold-<k>/}.
     *
     * @param config the search's configuration, with its folds
     * @return one run per fold, in order
     */
    public static java.util.List<GridRun> folds(SearchConfig config) {
        java.util.List<GridRun> runs = new java.util.ArrayList<>();
        ComparedMethod method = ComparedMethod.search(config.criterion().id());
        for (int k = 1; k <= config.folds(); k++) {
            runs.add(new GridRun(
                    k - 1, "fold-" + k, method, config.mixture().id(), config.seed(), k, config, "fold-" + k));
        }
        return runs;
    }

    /** @return the fold's index from 0 as the search takes it, or -1 for a run that is not one of several folds */
    public int foldIndex() {
        return fold > 0 ? fold - 1 : -1;
    }
}
