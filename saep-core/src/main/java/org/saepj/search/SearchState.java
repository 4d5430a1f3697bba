package org.saepj.search;

import java.util.List;
import org.saepj.engine.Network;
import org.saepj.subnetwork.CandidateSpec;

/**
 * Everything a search needs to continue after an iteration: the members (their networks; their outputs are
 * recomputed on resume, bit for bit), weights, records, the batch stream's position, ids and time so far.
 * Together with the configuration and the data it determines the rest of the run exactly.
 *
 * @param nextIteration the first iteration still to run
 * @param nextId the next member id
 * @param members the ensemble's members, in order
 * @param weights their mixture weights
 * @param records the records of the iterations done
 * @param streamEpoch the batch stream's epoch
 * @param streamPosition the batch stream's position within the epoch
 * @param trainSeconds candidate-training time so far
 * @param elapsedSeconds search time so far
 * @param startedAt when the search first started
 * @param best the best iteration on validation data so far, for a search that returns it; else null
 * @param plan how a time budget was planned (the search's steps and iterations come from it), or null
 */
public record SearchState(
        int nextIteration,
        int nextId,
        List<Snapshot> members,
        double[] weights,
        List<IterationRecord> records,
        long streamEpoch,
        int streamPosition,
        double trainSeconds,
        double elapsedSeconds,
        String startedAt,
        Best best,
        TimePlan plan) {
    /**
     * The best iteration's ensemble on validation data, kept so a resumed search returns the same one.
     *
     * @param iteration the iteration
     * @param validationLoss its ensemble's loss on the validation part
     * @param members its members (some may have been pruned since)
     * @param weights their mixture weights
     */
    public record Best(int iteration, double validationLoss, List<Snapshot> members, double[] weights) {}

    /**
     * A member as stored: what it is and its trained network.
     *
     * @param id its id
     * @param iteration the iteration that added it
     * @param candidate what it was trained as
     * @param network its trained network
     */
    public record Snapshot(int id, int iteration, CandidateSpec candidate, Network network) {}
}
