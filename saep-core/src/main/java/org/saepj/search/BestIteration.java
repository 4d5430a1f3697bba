package org.saepj.search;

import java.util.function.Function;
import org.saepj.ensemble.Ensemble;
import org.saepj.ensemble.Member;

/**
 * The iteration whose ensemble had the lowest loss on the validation part so far, for a search that returns it
 * rather than the last ({@link ValidationPlan.FinalEnsemble#BEST}). Of equal losses the earliest iteration, the
 * smaller ensemble as a rule, stays.
 *
 * @param iteration the iteration, or -1 before any
 * @param validationLoss its ensemble's validation loss (+∞ before any)
 * @param ensemble its ensemble, or null before any
 */
record BestIteration(int iteration, double validationLoss, Ensemble ensemble) {
    /** Before the first iteration. */
    static final BestIteration NONE = new BestIteration(-1, Double.POSITIVE_INFINITY, null);

    /**
     * @param t an iteration just finished
     * @param loss its ensemble's validation loss (NaN, an empty ensemble's, never wins)
     * @param candidate its ensemble
     * @return the better of this and iteration t
     */
    BestIteration offer(int t, double loss, Ensemble candidate) {
        return loss < validationLoss ? new BestIteration(t, loss, candidate) : this;
    }

    /** @return what a checkpoint stores of it, or null before any iteration */
    SearchState.Best state() {
        if (ensemble == null) {
            return null;
        }
        return new SearchState.Best(
                iteration,
                validationLoss,
                ensemble.members().stream()
                        .map(m -> new SearchState.Snapshot(m.id(), m.iteration(), m.candidate(), m.network()))
                        .toList(),
                ensemble.weights());
    }

    /**
     * @param stored a checkpoint's best iteration
     * @param restore recomputes a stored member's outputs
     * @return the best iteration as it was when the checkpoint was written
     */
    static BestIteration restore(SearchState.Best stored, Function<SearchState.Snapshot, Member> restore) {
        return new BestIteration(
                stored.iteration(),
                stored.validationLoss(),
                new Ensemble(stored.members().stream().map(restore).toList(), stored.weights()));
    }
}
