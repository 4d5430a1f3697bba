package org.saepj.run;

import java.nio.file.Path;
import java.util.Arrays;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.ensemble.MixtureWeights;
import org.saepj.search.IterationRecord;
import org.saepj.search.Mixture;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchState;

/**
 * Refuses a checkpoint that cannot belong to the run continuing from it: its fields are checked against what the run's
 * configuration and data allow (iterations, the batch stream's position after the steps done, the members' inputs and
 * classes, the candidates an iteration has, uniform weights). A checkpoint taken with other settings, or edited, would
 * otherwise finish the run with a result no run with these settings gives.
 */
final class CheckpointFit {
    private CheckpointFit() {}

    /**
     * @param file the checkpoint's state file, for messages
     * @param state the state loaded from it (already consistent in itself)
     * @param config the run's configuration
     * @param data the run's partitions
     * @throws SaepException naming the file and the first field that does not fit
     */
    static void check(Path file, SearchState state, SearchConfig config, Partitions data) {
        require(
                file,
                state.nextIteration() <= config.iterations(),
                "the checkpoint is after iteration " + state.nextIteration() + " of a run of " + config.iterations());
        int train = data.train().size();
        int steps = config.stepsPerIteration(train);
        long[] stream = streamAfter(state.nextIteration(), steps, config.batchSize(), train);
        boolean atStream = state.streamEpoch() == stream[0] && state.streamPosition() == stream[1];
        require(
                file,
                atStream,
                "the batch stream stands at epoch " + state.streamEpoch() + ", position "
                        + state.streamPosition() + ", but " + state.nextIteration() + " iterations of " + steps
                        + " steps of "
                        + config.batchSize() + " samples from " + train + " training samples leave it at epoch "
                        + stream[0]
                        + ", position " + stream[1]);
        int candidates = config.searchSpace(data.train().shape(), data.train().classCount())
                .maxCandidates();
        for (IterationRecord r : state.records()) {
            require(
                    file,
                    r.candidates().size() <= candidates,
                    "iteration record " + r.iteration() + " lists "
                            + r.candidates().size() + " candidates, the search space proposes at most " + candidates);
        }
        for (SearchState.Snapshot m : state.members()) {
            var a = m.candidate().architecture();
            boolean fits = a.input().equals(data.train().shape())
                    && a.classes() == data.train().classCount();
            require(
                    file,
                    fits,
                    "member " + m.id() + " takes " + a.input() + " inputs and " + a.classes()
                            + " classes, the data has " + data.train().shape() + " and "
                            + data.train().classCount());
        }
        if (config.mixture() == Mixture.UNIFORM) {
            double[] uniform = MixtureWeights.uniform(state.members().size());
            require(
                    file,
                    Arrays.equals(state.weights(), uniform),
                    "the run's mixture is uniform, but the weights are " + Arrays.toString(state.weights())
                            + " (expected " + Arrays.toString(uniform) + ")");
        }
    }

    /**
     * Where the batch stream stands after some iterations: each draws {@code steps × batch} samples, and the stream
     * starts its epoch e + 1 (reshuffled, at position 0) only when a sample is drawn past the end of epoch e.
     *
     * @return {epoch, position}
     */
    static long[] streamAfter(int iterations, int steps, int batch, int trainSize) {
        // iterations × steps is at most the total steps (an int), so with a batch (an int) it fits in a long.
        long drawn = (long) iterations * steps * batch;
        if (drawn == 0) {
            return new long[] {1, 0};
        }
        return new long[] {1 + (drawn - 1) / trainSize, (drawn - 1) % trainSize + 1};
    }

    private static void require(Path file, boolean ok, String what) {
        if (!ok) {
            throw new FileException(file + ": invalid checkpoint: " + what);
        }
    }
}
