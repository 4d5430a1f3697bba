package org.saepj.search;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.saepj.data.BatchStream;
import org.saepj.data.Dataset;
import org.saepj.execution.CandidateExecutor;
import org.saepj.execution.EarlyStopping;
import org.saepj.execution.TrainedCandidate;
import org.saepj.execution.TrainingTask;
import org.saepj.subnetwork.CandidateSpec;
import org.saepj.subnetwork.SearchSpace;

/**
 * Supplies each iteration's trained candidates (spec §5, "train each candidate h for S steps"): draws the
 * iteration's batches from the continuing stream and has the executor train the generator's candidates on
 * them. Candidates that do not depend on the ensemble (CNN, linear) are trained an iteration early, on the
 * next iteration's batches, when there are threads to spare; the networks are the same either way. Because of
 * that the stream may be ahead of the iterations handed out, so a checkpoint stores {@link #streamEpoch()} and
 * {@link #streamPosition()}, where the stream stood after the last of them.
 */
final class CandidateRounds {
    /**
     * One iteration's candidates.
     *
     * @param batches the sample indices they trained on, {@code steps × batchSize}
     * @param trained the candidates, in the generator's order
     * @param trainSeconds the wall time spent training them (0 when they were trained early, with the iteration before)
     */
    record Round(int[] batches, List<TrainedCandidate> trained, double trainSeconds) {}

    private final SearchConfig config;
    private final SearchSpace generator;
    private final CandidateExecutor executor;
    private final Dataset train;
    private final List<Dataset> outputsOn;
    private final BatchStream stream;
    private final Dataset validation;
    private Round early;
    private int earlyIteration = -1;
    private long epochAfter;
    private int positionAfter;
    /** A deep ensemble's members trained ahead, by iteration, with where the stream stood after each one's batches. */
    private final java.util.Map<Integer, Ahead> ahead = new java.util.HashMap<>();

    /** A round trained before its iteration, and the stream's place after its batches. */
    private record Ahead(Round round, long epochAfter, int positionAfter) {}

    /**
     * @param config the search's settings (steps, batch size, threads, iterations)
     * @param generator proposes the candidates
     * @param executor trains them
     * @param train the training partition
     * @param outputsOn the data every candidate's outputs are computed on
     * @param stream the batch stream, where the iterations before the first one to supply left it
     * @param validation the validation part early stopping measures on, or null when there is none
     */
    CandidateRounds(
            SearchConfig config,
            SearchSpace generator,
            CandidateExecutor executor,
            Dataset train,
            List<Dataset> outputsOn,
            BatchStream stream,
            Dataset validation) {
        this.validation = validation;
        this.config = config;
        this.generator = generator;
        this.executor = executor;
        this.train = train;
        this.outputsOn = outputsOn;
        this.stream = stream;
        this.epochAfter = stream.epoch();
        this.positionAfter = stream.position();
    }

    /**
     * @param t the iteration
     * @param lastDepth the depth of the most recently added member still in the ensemble, if any
     * @param listener hears the training progress
     * @return the iteration's trained candidates
     */
    Round next(int t, OptionalInt lastDepth, SearchListener listener) {
        if (earlyIteration == t) {
            Round round = early;
            early = null;
            earlyIteration = -1;
            markStream();
            return round;
        }
        List<CandidateSpec> specs = generator.candidates(t, lastDepth);
        int[] batches = draw();
        markStream();
        List<TrainingTask> tasks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (CandidateSpec spec : specs) {
            tasks.add(task(tasks.size(), spec, batches, t));
            names.add(spec.name());
        }
        List<CandidateSpec> nextSpecs = List.of();
        int[] nextBatches = null;
        // A deep ensemble's later iterations train the first one's choice, not the generator's next candidates.
        if (generator.independentOfEnsemble()
                && config.growth() == Growth.ADANET
                && t + 1 < config.iterations()
                && config.threads() >= 2 * specs.size()) {
            nextSpecs = generator.candidates(t + 1, OptionalInt.empty());
            nextBatches = draw();
            for (CandidateSpec spec : nextSpecs) {
                tasks.add(task(tasks.size(), spec, nextBatches, t + 1));
                names.add(spec.name() + " (for iteration " + (t + 1) + ")");
            }
        }
        for (TrainingTask task : tasks) {
            // every candidate's steps are known before any of them starts, so a display counts them all from the start
            listener.candidateProgress(t, names.get(task.index()), 0, task.steps());
        }
        long start = System.nanoTime();
        List<TrainedCandidate> all = executor.train(
                tasks, (index, step, total) -> listener.candidateProgress(t, names.get(index), step, total));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!nextSpecs.isEmpty()) {
            early = new Round(nextBatches, List.copyOf(all.subList(specs.size(), all.size())), 0);
            earlyIteration = t + 1;
        }
        return new Round(batches, List.copyOf(all.subList(0, specs.size())), seconds);
    }

    /**
     * A deep ensemble's round ({@link Growth#INDEPENDENT}): iteration {@code t}'s member is {@code chosen} again with
     * the seed the generator gives iteration t's first candidate. The members of every iteration from t to the last
     * are known, so they are trained together (in parallel where there are threads), each on its own iteration's
     * batches drawn in order; the later ones are handed out by their iterations. The networks and the stream's place
     * after each iteration are the same whatever the thread count and wherever a resumed search starts.
     *
     * @param t the iteration, at least 1
     * @param chosen the first iteration's choice
     * @param listener hears the training progress
     * @return iteration t's round
     */
    Round repeat(int t, CandidateSpec chosen, SearchListener listener) {
        Ahead trained = ahead.remove(t);
        if (trained != null) {
            epochAfter = trained.epochAfter();
            positionAfter = trained.positionAfter();
            return trained.round();
        }
        List<TrainingTask> tasks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<int[]> batches = new ArrayList<>();
        List<long[]> places = new ArrayList<>();
        for (int i = t; i < config.iterations(); i++) {
            CandidateSpec spec = new CandidateSpec(
                    chosen.name(),
                    chosen.architecture(),
                    chosen.optimizer(),
                    org.saepj.subnetwork.Seeds.derive(config.seed(), org.saepj.subnetwork.Seeds.CANDIDATE, i, 0),
                    chosen.complexity());
            batches.add(draw());
            places.add(new long[] {stream.epoch(), stream.position()});
            tasks.add(task(tasks.size(), spec, batches.get(batches.size() - 1), i));
            names.add(i == t ? spec.name() : spec.name() + " (for iteration " + i + ")");
        }
        for (TrainingTask task : tasks) {
            listener.candidateProgress(t, names.get(task.index()), 0, task.steps());
        }
        long start = System.nanoTime();
        List<TrainedCandidate> all = executor.train(
                tasks, (index, step, total) -> listener.candidateProgress(t, names.get(index), step, total));
        double seconds = (System.nanoTime() - start) / 1e9;
        for (int k = 1; k < all.size(); k++) {
            ahead.put(t + k, new Ahead(new Round(batches.get(k), List.of(all.get(k)), 0), places.get(k)[0], (int)
                    places.get(k)[1]));
        }
        epochAfter = places.get(0)[0];
        positionAfter = (int) places.get(0)[1];
        return new Round(batches.get(0), List.of(all.get(0)), seconds);
    }

    /**
     * @param t an iteration
     * @return true when its candidates were trained with an earlier iteration's, so running it costs no training
     */
    boolean trainedAhead(int t) {
        return earlyIteration == t || ahead.containsKey(t);
    }

    private TrainingTask task(int index, CandidateSpec spec, int[] batches, int iteration) {
        EarlyStopping stopping = config.validation().earlyStopping();
        return new TrainingTask(
                index,
                spec,
                train,
                batches,
                config.batchSize(),
                outputsOn,
                stopping.enabled() ? validation : null,
                stopping,
                config.training().recipe(config.seed(), iteration));
    }

    /** @return the stream's epoch after the batches of the iterations supplied so far */
    long streamEpoch() {
        return epochAfter;
    }

    /** @return the stream's position in that epoch */
    int streamPosition() {
        return positionAfter;
    }

    private void markStream() {
        epochAfter = stream.epoch();
        positionAfter = stream.position();
    }

    private int[] draw() {
        return stream.next(config.stepsPerIteration(train.size()));
    }
}
