package org.saepj.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.saepj.engine.Architecture;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.ensemble.Member;
import org.saepj.subnetwork.CandidateSpec;
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
     * The one way a member record is made: what the member is, the fields of its file left out (see
     * {@link #withWeight}, {@link #weighted} and {@link #withFile}).
     *
     * @param id the member's id in the search
     * @param iteration the iteration that added it
     * @param candidate what it was trained as
     * @return the record, without weight, parameter count or file
     */
    public static MemberRecord of(int id, int iteration, CandidateSpec candidate) {
        return new MemberRecord(
                id,
                iteration,
                candidate.name(),
                candidate.seed(),
                candidate.architecture(),
                candidate.optimizer(),
                candidate.complexity(),
                null,
                null,
                null,
                null);
    }

    /**
     * A final member as a report and a manifest describe it: with its mixture weight and parameter count.
     *
     * @param member the member
     * @param weight its mixture weight
     * @return the record, without file
     */
    public static MemberRecord weighted(Member member, double weight) {
        MemberRecord r = of(member.id(), member.iteration(), member.candidate());
        return new MemberRecord(
                r.id,
                r.iteration,
                r.name,
                r.seed,
                r.architecture,
                r.optimizer,
                r.complexity,
                weight,
                (long) member.network().parameterCount(),
                null,
                null);
    }

    /**
     * @param file the parameter file, relative to the file naming it
     * @param sha256 that file's SHA-256
     * @return this member with its parameter file
     */
    public MemberRecord withFile(String file, String sha256) {
        return new MemberRecord(
                id, iteration, name, seed, architecture, optimizer, complexity, weight, parameters, file, sha256);
    }

    /**
     * @param weight the new mixture weight
     * @return this member with another weight
     */
    public MemberRecord withWeight(double weight) {
        return new MemberRecord(
                id, iteration, name, seed, architecture, optimizer, complexity, weight, parameters, file, sha256);
    }
}
