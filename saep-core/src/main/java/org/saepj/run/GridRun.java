package org.saepj.run;

import org.saepj.search.SearchConfig;

/**
 * One run of a comparison's grid: a whole search that a {@link GridExecutor} may run anywhere, here or on a cluster,
 * into {@code runs/<name>/} of the comparison.
 *
 * @param index its place in the plan (results are reported in this order)
 * @param name its directory's name under {@code runs/}
 * @param method the compared method
 * @param mixture the mixture's label ("-" for the single-network baseline)
 * @param seed the run seed
 * @param fold its fold, from 1, or 0 when the plan has no folds
 * @param config the search's whole configuration
 */
public record GridRun(int index, String name, ComparedMethod method, String mixture, long seed, int fold, SearchConfig config) {
    /** @return the fold's index from 0 as the search takes it, or -1 for a run that is not one of several folds */
    public int foldIndex() {
        return fold > 0 ? fold - 1 : -1;
    }

    /** @return the run's directory relative to the comparison's ("runs/adanet-uniform-seed1") */
    public String directory() {
        return "runs/" + name;
    }
}
