package org.saepj.subnetwork;

import java.util.List;
import java.util.OptionalInt;
import org.saepj.engine.Architecture;
import org.saepj.engine.optim.OptimizerSpec;

/**
 * What each iteration of the search proposes (AdaNet's Generator): the paper's spaces ({@link PaperSpace})
 * or one defined in a search-space file ({@link DefinedSpace}). Candidates are proposed in a fixed order and
 * each one's seed derives from the run seed, the iteration and its position, so a search is the same whatever
 * the thread count.
 */
public interface SearchSpace {
    /**
     * @param iteration t
     * @param lastDepth the depth of the most recently added member still in the ensemble, if any
     * @return the candidates of iteration t, in a fixed order
     */
    List<CandidateSpec> candidates(int iteration, OptionalInt lastDepth);

    /**
     * @return whether the candidates of an iteration depend only on the iteration, not on the ensemble, so
     *     that they can be trained before the ensemble they join is known
     */
    boolean independentOfEnsemble();

    /** @return the optimizer that fits learned mixture weights */
    OptimizerSpec mixtureOptimizer();

    /**
     * @param iterations the iterations of the search
     * @return the largest candidate (by parameters) any iteration can propose, for the pre-flight estimates
     */
    Architecture largest(int iterations);

    /** @return the most candidates one iteration proposes */
    int maxCandidates();
}
