package org.saepj.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.saepj.engine.Architecture;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.subnetwork.Complexity;

/**
 * One ensemble member as every file stores it: the same record, with the same keys, in a checkpoint's
 * state.json, a saved ensemble's manifest.json and a search's report.json (see docs/FORMATS.md). A field
 * a file has no use for is left out ({@code null}): a report names no parameter file, a checkpoint keeps the
 * weights beside the members.
 *
 * @param id the member's id in the search
 * @param iteration the iteration that added it, from 0
 * @param name the candidate's name in its search space (e.g. {@code dnn-depth-2})
 * @param seed the seed its initial weights and batches were drawn from
 * @param architecture its network
 * @param optimizer how it was trained
 * @param complexity its r(h) rule, or null for the architecture's own (√depth)
 * @param weight its mixture weight (manifest and report)
 * @param parameters its number of parameters (manifest and report)
 * @param file its parameter file, relative to the file naming it (manifest and checkpoint)
 * @param sha256 that file's SHA-256 (manifest and checkpoint)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberRecord(
        int id,
        int iteration,
        String name,
        Long seed,
        Architecture architecture,
        OptimizerSpec optimizer,
        Complexity complexity,
        Double weight,
        Long parameters,
        String file,
        String sha256) {
    /**
     * @param weight the new mixture weight
     * @return this member with another weight
     */
    public MemberRecord withWeight(double weight) {
        return new MemberRecord(
                id, iteration, name, seed, architecture, optimizer, complexity, weight, parameters, file, sha256);
    }
}
