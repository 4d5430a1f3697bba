package org.saepj.subnetwork;

import org.saepj.engine.Architecture;
import org.saepj.engine.optim.OptimizerSpec;

/**
 * One candidate subnetwork proposed in an iteration.
 *
 * @param name a readable name, e.g. "dnn-depth-2"
 * @param architecture its structure
 * @param optimizer how it is trained
 * @param seed its own seed, derived from (run seed, iteration, candidate index)
 */
public record CandidateSpec(String name, Architecture architecture, OptimizerSpec optimizer, long seed) {
}
