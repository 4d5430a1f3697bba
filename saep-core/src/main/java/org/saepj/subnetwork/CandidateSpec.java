package org.saepj.subnetwork;

import org.saepj.engine.Architecture;
import org.saepj.engine.optim.OptimizerSpec;

/**
 * One candidate subnetwork an iteration proposes: its name, architecture, optimizer, complexity and the seed
 * of its initialisation (derived from the run seed, the iteration and its position among the candidates).
 *
 * @param name a readable name ("dnn-depth-2")
 * @param architecture the structure
 * @param optimizer how it is trained
 * @param seed its initialisation seed
 * @param complexity its r(h) in the objective
 */
public record CandidateSpec(
        String name, Architecture architecture, OptimizerSpec optimizer, long seed, Complexity complexity) {
    /**
     * A candidate with its architecture's own complexity.
     *
     * @param name a readable name ("dnn-depth-2")
     * @param architecture the structure
     * @param optimizer how it is trained
     * @param seed its initialisation seed
     */
    public CandidateSpec(String name, Architecture architecture, OptimizerSpec optimizer, long seed) {
        this(name, architecture, optimizer, seed, Complexity.ARCHITECTURE);
    }

    /**
     * Defaults a missing complexity (checkpoints written before it was chosen per family).
     *
     * @param name a readable name ("dnn-depth-2")
     * @param architecture the structure
     * @param optimizer how it is trained
     * @param seed its initialisation seed
     * @param complexity its r(h) in the objective
     */
    public CandidateSpec {
        complexity = complexity == null ? Complexity.ARCHITECTURE : complexity;
    }

    /** @return r(h) */
    public double complexityValue() {
        return complexity.of(architecture);
    }
}
