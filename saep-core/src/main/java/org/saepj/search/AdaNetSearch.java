package org.saepj.search;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.saepj.BuildInfo;
import org.saepj.data.BatchStream;
import org.saepj.data.Dataset;
import org.saepj.engine.Backend;
import org.saepj.ensemble.Ensemble;
import org.saepj.ensemble.Member;
import org.saepj.ensemble.MixtureWeights;
import org.saepj.ensemble.Objective;
import org.saepj.execution.CandidateExecutor;
import org.saepj.execution.TrainedCandidate;
import org.saepj.pruning.Criteria;
import org.saepj.pruning.PruneDecision;
import org.saepj.pruning.PruningCriterion;
import org.saepj.subnetwork.SearchSpace;
import org.saepj.subnetwork.Seeds;
import org.saepj.subnetwork.Spaces;
import org.saepj.task.Loss;
import org.saepj.task.Measures;
import org.saepj.task.Task;

/**
 * The AdaNet search with SAEP pruning (spec §5): each iteration prunes the ensemble (SAEP, from three
 * members on), trains the generator's candidates next to the frozen ensemble, and keeps the option — the
 * ensemble as it is, or with one candidate added — with the lowest objective on the selection data.
 *
 * <p>Members' outputs are computed once when they join and reused, so an iteration's cost does not grow
 * with the ensemble. Every random choice draws from seeds derived from the run seed and indices, and
 * candidates train single-threaded each, so the result is the same for any thread count.
 */
public final class AdaNetSearch {
    private final SearchConfig config;
    private final CandidateExecutor executor;
    private final Backend backend;
    private final PruningCriterion criterion;
    private final Spaces spaces;
    private final Criteria criteria;

    /**
     * @param config the configuration
     * @param executor trains candidates
     * @param backend the backend the networks use (recorded in the provenance)
     */
    public AdaNetSearch(SearchConfig config, CandidateExecutor executor, Backend backend) {
        this(config, executor, backend, Criteria.discover());
    }

    /**
     * @param config the configuration
     * @param executor trains candidates
     * @param backend the backend the networks use (recorded in the provenance)
     * @param criteria where the configuration's criterion is found (criteria registered with {@link Criteria#with} too)
     */
    public AdaNetSearch(SearchConfig config, CandidateExecutor executor, Backend backend, Criteria criteria) {
        this(config, executor, backend, criteria, Spaces.discover());
    }

    /**
     * @param config the configuration
     * @param executor trains candidates
     * @param backend the backend the networks use (recorded in the provenance)
     * @param criteria where the configuration's criterion is found (criteria registered with {@link Criteria#with} too)
     * @param spaces where the configuration's search-space plug-in,
     *     if any, is found (registered with {@link Spaces#with} too)
     */
    public AdaNetSearch(
            SearchConfig config, CandidateExecutor executor, Backend backend, Criteria criteria, Spaces spaces) {
        this.spaces = spaces;
        this.criteria = criteria;
        this.config = config;
        this.executor = executor;
        this.backend = backend;
        try {
            this.criterion = criteria.create(config.criterion());
        } catch (IllegalArgumentException e) {
            // A stored run whose plug-in criterion is not on the class path any more, or was edited.
            throw new org.saepj.FileException(
                    "the search's pruning criterion " + config.criterion() + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** A candidate ensemble considered in an iteration. */
    record Option(String name, List<Member> members, double[] weights, double objective, int candidateIndex) {}

    /**
     * Runs the search on one set of partitions.
     *
     * @param data train, selection and test partitions
     * @param info what to record about the data
     * @param listener progress events
     * @return the final ensemble and everything the run recorded
     */
    public SearchResult run(Partitions data, DatasetInfo info, SearchListener listener) {
        return run(data, info, listener, null, CheckpointSink.NONE);
    }

    /**
     * Runs the search, or continues it from a saved state, storing the state after every iteration.
     *
     * @param data train, selection and test partitions (the same as when the state was saved)
     * @param info what to record about the data
     * @param listener progress events
     * @param resumeFrom the state to continue from, or null to start afresh
     * @param checkpoints receives the state after every iteration
     * @return the final ensemble and everything the run recorded, the same as an uninterrupted run's
     */
    public SearchResult run(
            Partitions data,
            DatasetInfo info,
            SearchListener listener,
            SearchState resumeFrom,
            CheckpointSink checkpoints) {
        if (config.scaling() == org.saepj.data.preprocess.Scaling.AUTO) {
            if (resumeFrom != null) {
                throw new IllegalArgumentException("a search with scaling auto runs once per encoding and keeps no"
                        + " checkpoints to continue from: run it afresh");
            }
            return new EncodingSearch(config, executor, backend, criteria, spaces).run(data, info, listener);
        }
        if (config.validation().bagged()) {
            if (resumeFrom != null) {
                throw new IllegalArgumentException(
                        "a bagged search (--bags) keeps no checkpoints to continue from: run" + " it afresh");
            }
            return new BaggedSearch(config, executor, backend, criteria, spaces).run(data, info, listener);
        }
        long start = System.nanoTime();
        if (resumeFrom == null && config.stopping().needsPlan()) {
            // The time budget is planned before the first iteration; the planned search is a fixed-steps one.
            TimePlan plan = plan(data);
            listener.planned(plan);
            // the probe's time is part of the search's, counted from its start
            return new AdaNetSearch(config.planned(plan), executor, backend, criteria, spaces)
                    .search(data, info, listener, null, checkpoints, start);
        }
        if (resumeFrom != null && resumeFrom.plan() != null && config.stopping().needsPlan()) {
            // the plan made when the search started, not a new one
            return new AdaNetSearch(config.planned(resumeFrom.plan()), executor, backend, criteria, spaces)
                    .search(data, info, listener, resumeFrom, checkpoints, start);
        }
        if (config.validation().checksUnresolved()) {
            // a comparison baseline measures at the interval of the search's candidates on the same training rows
            return new AdaNetSearch(config.checksAt(data.train().size()), executor, backend, criteria, spaces)
                    .search(data, info, listener, resumeFrom, checkpoints, start);
        }
        return search(data, info, listener, resumeFrom, checkpoints, start);
    }

    /** Measures this machine's throughput on the first candidates and fits the steps and iterations into the time. */
    private TimePlan plan(Partitions data) {
        Dataset train = data.train();
        int classes = train.targets().task().outputWidth(train.targets());
        List<Dataset> outputsOn =
                data.selectsOnTrain() ? List.of(train, data.test()) : List.of(train, data.selection(), data.test());
        int steps = config.stepsPerIteration(train.size());
        TimePlan.Throughput measured = new ThroughputProbe(config, generator(train, classes), executor, train)
                .measure(outputsOn, data.selectsOnTrain() ? null : data.selection(), steps);
        return TimePlan.forSearch(config, train.size(), measured);
    }

    /** The configuration's candidates' generator, with its training options applied. */
    private SearchSpace generator(Dataset train, int classes) {
        SearchSpace named;
        try {
            named = config.space()
                    .create(train.shape(), classes, config.stepsPerIteration(train.size()), config.seed(), spaces);
        } catch (IllegalArgumentException e) {
            // A stored run whose plug-in space is not on the class path any more, or refuses its parameters.
            throw new org.saepj.FileException(
                    "the search's space " + config.spaceName() + " cannot be used: " + e.getMessage(), e);
        }
        config.training().checkFits(train.targets().task(), train.shape());
        config.data().checkFits(train.shape());
        return config.training().apply(named);
    }

    private SearchResult search(
            Partitions data,
            DatasetInfo info,
            SearchListener listener,
            SearchState resumeFrom,
            CheckpointSink checkpoints,
            long start) {
        // Checkpoints are written in the background while the next iteration runs (the search's largest overhead).
        try (BackgroundCheckpoints saving =
                checkpoints == CheckpointSink.NONE ? null : new BackgroundCheckpoints(checkpoints)) {
            CheckpointSink sink = saving == null ? checkpoints : saving;
            String startedAt = resumeFrom != null
                    ? resumeFrom.startedAt()
                    : Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
            double previousSeconds = resumeFrom != null ? resumeFrom.elapsedSeconds() : 0;
            Dataset train = data.train();
            Task task = train.targets().task();
            int classes = task.outputWidth(train.targets());
            int batch = config.batchSize();
            CriterionTaskCheck.check(criterion, task, criteria);
            ValidationPlan validation = config.validation();
            boolean objectiveOnTrain = validation.objectiveOn() == ValidationPlan.ObjectiveData.TRAIN;
            Loss selectionLoss = task.loss(data.selection().targets());
            Scoring scoring =
                    new Scoring(task, task.loss(train.targets()), objectiveOnTrain ? null : selectionLoss, classes);
            SearchSpace generator = generator(train, classes);
            Objective objective = new Objective(config.lambda(), config.beta());
            long streamSeed = Seeds.derive(config.seed(), Seeds.BATCHES);
            List<Dataset> outputsOn =
                    data.selectsOnTrain() ? List.of(train, data.test()) : List.of(train, data.selection(), data.test());

            Ensemble ensemble = Ensemble.empty();
            List<IterationRecord> records = new ArrayList<>();
            double trainSeconds = 0;
            int nextId = 0;
            int first = 0;
            boolean warnedAboveChance = false;
            BatchStream stream;
            if (resumeFrom == null) {
                stream = new BatchStream(train.size(), batch, streamSeed);
            } else {
                stream = BatchStream.resume(
                        train.size(), batch, streamSeed, resumeFrom.streamEpoch(), resumeFrom.streamPosition());
                List<Member> members = new ArrayList<>();
                for (SearchState.Snapshot s : resumeFrom.members()) {
                    members.add(restore(s, data, outputsOn, classes));
                }
                ensemble = new Ensemble(members, resumeFrom.weights());
                records.addAll(resumeFrom.records());
                trainSeconds = resumeFrom.trainSeconds();
                nextId = resumeFrom.nextId();
                first = resumeFrom.nextIteration();
            }
            CandidateRounds rounds = new CandidateRounds(
                    config,
                    generator,
                    executor,
                    train,
                    outputsOn,
                    stream,
                    data.selectsOnTrain() ? null : data.selection());
            BestIteration best = resumeFrom == null || resumeFrom.best() == null
                    ? BestIteration.NONE
                    : BestIteration.restore(resumeFrom.best(), s -> restore(s, data, outputsOn, classes));
            String stoppedEarly = null;
            // A deep ensemble adds every iteration's member and prunes none.
            boolean independent = config.growth() == Growth.INDEPENDENT;
            ObjectiveMemo memo = new ObjectiveMemo();
            double pruningSeconds = 0;
            double selectionSeconds = 0;
            double measuresSeconds = 0;
            double checkpointSeconds = 0;
            StoppingRule stopping = config.stopping();
            TimePlan plan = stopping.plan();
            // this session's iterations' wall times, checkpoints included; a resumed search starts from its records'
            List<Double> iterationSeconds = new ArrayList<>();
            records.stream().skip(Math.max(0, records.size() - 2)).forEach(r -> iterationSeconds.add(r.seconds()));
            for (int t = first; t < config.iterations(); t++) {
                // a round trained ahead is paid for; a deep ensemble's first repeat trains every later member at once,
                // as
                // many together as there are threads
                int trains = rounds.trainedAhead(t)
                        ? 0
                        : independent && t > 0
                                ? (config.iterations() - t + config.threads() - 1) / config.threads()
                                : 1;
                double next = trains == 0 ? 0 : stopping.predictNext(iterationSeconds, trains);
                stoppedEarly = stopping.reason(
                        records,
                        previousSeconds + (System.nanoTime() - start) / 1e9,
                        next,
                        plan == null ? 0 : plan.finishSeconds());
                if (stoppedEarly != null) {
                    listener.stopped(t, stoppedEarly);
                    break;
                }
                long iterStart = System.nanoTime();
                listener.iterationStarted(t, config.iterations(), ensemble.size());

                // 1. SAEP pruning, from three members on; pruned members never return.
                long pruningStart = System.nanoTime();
                List<Integer> prunedIds = new ArrayList<>();
                PruneDecision decision = PruneDecision.nothing(criterion.prunes() ? criterion.id() : "keep-all");
                if (criterion.prunes() && !independent && ensemble.size() >= PruningCriterion.MIN_MEMBERS) {
                    decision = criterion.decide(
                            task.pruningInput(
                                    ensemble.selectionLogits(),
                                    ensemble.members().stream()
                                            .map(Member::selectionPredictions)
                                            .toArray(int[][]::new),
                                    data.selection().targets(),
                                    ensemble.weights(),
                                    classes),
                            new SplittableRandom(Seeds.derive(config.seed(), Seeds.PRUNING, t)));
                    for (int index : decision.removed()) {
                        int id = ensemble.members().get(index).id();
                        prunedIds.add(id);
                        listener.memberPruned(t, id, criterion.id());
                    }
                    ensemble = ensemble.without(decision.removed());
                    if (config.mixture() == Mixture.UNIFORM) {
                        ensemble = new Ensemble(ensemble.members(), MixtureWeights.uniform(ensemble.size()));
                    }
                }

                pruningSeconds += (System.nanoTime() - pruningStart) / 1e9;
                // 2. Train the candidates on this iteration's batches (shared, drawn from the continuing stream).
                OptionalInt lastDepth = ensemble.size() == 0
                        ? OptionalInt.empty()
                        : OptionalInt.of(
                                ensemble.members().get(ensemble.size() - 1).depth());
                CandidateRounds.Round round = independent && ensemble.size() > 0
                        ? rounds.repeat(t, ensemble.members().get(0).candidate(), listener)
                        : rounds.next(t, lastDepth, listener);
                int[] batches = round.batches();
                List<TrainedCandidate> trained = round.trained();
                double iterTrainSeconds = round.trainSeconds();
                trainSeconds += iterTrainSeconds;

                // 3. The options: the ensemble as it is (after the first iteration) and with each usable candidate.
                List<Option> unscored = new ArrayList<>();
                if (t > 0 && ensemble.size() > 0 && !independent) {
                    unscored.add(new Option("keep", ensemble.members(), null, Double.NaN, -1));
                }
                List<CandidateRecord> candidateRecords = new ArrayList<>();
                for (int i = 0; i < trained.size(); i++) {
                    TrainedCandidate c = trained.get(i);
                    if (!c.usable()) {
                        listener.warning(
                                t,
                                "candidate " + c.candidate().name() + " dropped: "
                                        + c.divergence().get());
                        continue;
                    }
                    if (c.trainLoss() > task.uninformedLoss(train.targets()) && !warnedAboveChance) {
                        // Finite but worse than a uniform guess: a learning rate too high, or too few steps to get past
                        // the
                        // start. The two need opposite cures, so the warning says what it saw and both, naming each
                        // option.
                        // Said once per search; every candidate's training loss is in the iteration records.
                        warnedAboveChance = true;
                        // The candidate's own rate: a space file's family may set one other than --lr.
                        float rate = c.candidate().optimizer().learningRate();
                        boolean fromOption = rate == (float) config.learningRate();
                        Object shown = fromOption ? config.learningRate() : rate;
                        String cure = fromOption ? "lower --lr" : "lower its family's learningRate in the space file";
                        listener.warning(
                                t,
                                String.format(
                                        java.util.Locale.ROOT,
                                        "candidate %s ended training with loss %.4g after %d steps, worse than %s:"
                                                + " either the steps are too few to learn (raise --steps) or the"
                                                + " learning rate %s is too high (%s)",
                                        c.candidate().name(),
                                        c.trainLoss(),
                                        config.stepsPerIteration(train.size()),
                                        task.uninformedGuess(train.targets()),
                                        shown,
                                        cure));
                    }
                    Member member = toMember(nextId + i, t, c, data.selectsOnTrain());
                    unscored.add(new Option(c.candidate().name(), ensemble.with(member), null, Double.NaN, i));
                }
                // Options are scored independently, so scoring them in parallel gives the same numbers in the same
                // order.
                long selectionStart = System.nanoTime();
                IntStream indices = IntStream.range(0, unscored.size());
                List<Option> options = (config.threads() > 1 ? indices.parallel() : indices)
                        .mapToObj(k -> evaluate(unscored.get(k), batches, scoring, objective, generator, memo))
                        .toList();
                Option chosen = best(options);
                selectionSeconds += (System.nanoTime() - selectionStart) / 1e9;
                for (int i = 0; i < trained.size(); i++) {
                    TrainedCandidate c = trained.get(i);
                    int candidate = i;
                    double obj = options.stream()
                            .filter(o -> o.candidateIndex() == candidate)
                            .mapToDouble(Option::objective)
                            .findFirst()
                            .orElse(Double.NaN);
                    candidateRecords.add(new CandidateRecord(
                            c.candidate().name(),
                            c.candidate().architecture().depth(),
                            obj,
                            c.trainLoss(),
                            chosen != null && chosen.candidateIndex() == i,
                            c.divergence().orElse(null),
                            c.stepsRun(),
                            c.keptStep()));
                }
                if (trained.stream().noneMatch(TrainedCandidate::usable)) {
                    listener.warning(t, "every candidate diverged: the ensemble stays as it was");
                }
                if (chosen != null) {
                    ensemble = new Ensemble(chosen.members(), chosen.weights());
                    memo.remember(chosen.members(), chosen.weights(), chosen.objective());
                }
                nextId += trained.size();
                // The ensemble's loss on data no candidate trained on: what picks the best iteration.
                long measuresStart = System.nanoTime();
                double validationLoss = data.selectsOnTrain() || ensemble.size() == 0
                        ? Double.NaN
                        : selectionLoss.mean(task.combine(ensemble.selectionLogits(), ensemble.weights()));
                if (validation.finalEnsemble() == ValidationPlan.FinalEnsemble.BEST) {
                    best = best.offer(t, validationLoss, ensemble);
                }

                IterationRecord record = record(
                        t,
                        prunedIds,
                        decision,
                        candidateRecords,
                        chosen,
                        ensemble,
                        data,
                        task,
                        iterTrainSeconds,
                        (System.nanoTime() - iterStart) / 1e9,
                        validationLoss);
                measuresSeconds += (System.nanoTime() - measuresStart) / 1e9;
                records.add(record);
                listener.iterationFinished(record);
                long checkpointStart = System.nanoTime();
                sink.save(new SearchState(
                        t + 1,
                        nextId,
                        ensemble.members().stream()
                                .map(m -> new SearchState.Snapshot(m.id(), m.iteration(), m.candidate(), m.network()))
                                .toList(),
                        ensemble.weights(),
                        List.copyOf(records),
                        rounds.streamEpoch(),
                        rounds.streamPosition(),
                        trainSeconds,
                        previousSeconds + (System.nanoTime() - start) / 1e9,
                        startedAt,
                        best.state(),
                        plan));
                checkpointSeconds += (System.nanoTime() - checkpointStart) / 1e9;
                iterationSeconds.add((System.nanoTime() - iterStart) / 1e9);
            }
            int finalIteration =
                    records.isEmpty() ? -1 : records.get(records.size() - 1).iteration();
            if (best.ensemble() != null) {
                ensemble = best.ensemble();
                finalIteration = best.iteration();
            }
            if (ensemble.size() == 0) {
                throw new org.saepj.DataException("no candidate could be trained: every candidate diverged"
                        + " (try a smaller learning rate than " + config.learningRate() + ")");
            }
            if (saving != null) {
                long waited = System.nanoTime();
                saving.close(); // the last checkpoint is written before the members' networks are used again
                checkpointSeconds += (System.nanoTime() - waited) / 1e9;
            }
            // The temperature is fitted on the validation part with the members as they were chosen: once they are
            // retrained on it (--refit), their outputs there are no longer held-out ones.
            Ensemble chosenOnValidation = ensemble;
            FinalRefit.Outcome refit = null;
            if (validation.refits() && !data.selectsOnTrain()) {
                refit = new FinalRefit(config, executor).refit(ensemble, data, outputsOn, records, listener);
                ensemble = refit.ensemble();
                trainSeconds += refit.seconds();
            }
            long finishStart = System.nanoTime();
            FinalMetrics metrics = finalMetrics(
                    ensemble, data.train(), data.test(), classes, calibration(ensemble, chosenOnValidation, data));
            // The total leaves out the inference-throughput measurement inside finalMetrics: it times the
            // final model, it is not part of the search.
            double total = previousSeconds + (System.nanoTime() - start) / 1e9 - metrics.inferenceSeconds();
            double finishSeconds = (System.nanoTime() - finishStart) / 1e9 - metrics.inferenceSeconds();
            double probeSeconds = plan == null || resumeFrom != null ? 0 : plan.probeSeconds();
            double overhead = total - trainSeconds;
            Timing.Overhead parts = new Timing.Overhead(
                    probeSeconds,
                    pruningSeconds,
                    selectionSeconds,
                    measuresSeconds,
                    checkpointSeconds,
                    finishSeconds,
                    overhead
                            - probeSeconds
                            - pruningSeconds
                            - selectionSeconds
                            - measuresSeconds
                            - checkpointSeconds
                            - finishSeconds);
            SearchResult result = new SearchResult(
                    config,
                    info,
                    ensemble,
                    metrics,
                    records,
                    new Timing(total, trainSeconds, overhead, parts),
                    new Provenance(
                            BuildInfo.version(),
                            BuildInfo.gitCommit(),
                            BuildInfo.java(),
                            backend.name(),
                            executor.describe(),
                            config.threads(),
                            startedAt),
                    stoppedEarly,
                    finalIteration,
                    refit == null ? null : refit.refit(),
                    null,
                    null);
            listener.searchFinished(result);
            return result;
        }
    }

    /**
     * The selection rule: the lowest objective; ties go to the option with fewer members, then to the first.
     *
     * @param options the scored options
     * @return the chosen option, or null when there is none
     */
    static Option best(List<Option> options) {
        Option best = null;
        for (Option o : options) {
            if (best == null
                    || o.objective() < best.objective()
                    || o.objective() == best.objective()
                            && o.members().size() < best.members().size()) {
                best = o;
            }
        }
        return best;
    }

    /**
     * What options are scored with: the task, its loss on the training and selection targets (null to score on the
     * training data, as the paper does), the output width.
     */
    private record Scoring(Task task, Loss train, Loss selection, int width) {}

    private Option evaluate(
            Option option,
            int[] batches,
            Scoring scoring,
            Objective objective,
            SearchSpace generator,
            ObjectiveMemo memo) {
        List<Member> members = option.members();
        double[] complexities = members.stream().mapToDouble(Member::complexity).toArray();
        double[] weights = config.mixture() == Mixture.LEARNED
                ? MixtureWeights.fit(
                        members.stream().map(Member::trainLogits).toList(),
                        scoring.train(),
                        scoring.width(),
                        batches,
                        config.batchSize(),
                        complexities,
                        objective,
                        generator.mixtureOptimizer())
                : MixtureWeights.uniform(members.size());
        // The ensemble the last iteration chose, kept as it was: its objective is already known.
        OptionalDouble known = memo.lookup(members, weights);
        double value = known.isPresent()
                ? known.getAsDouble()
                : scoring.selection() == null
                        ? objective.value(
                                members.stream().map(Member::trainLogits).toList(),
                                weights,
                                complexities,
                                scoring.task(),
                                scoring.train())
                        : objective.value(
                                members.stream().map(Member::selectionLogits).toList(),
                                weights,
                                complexities,
                                scoring.task(),
                                scoring.selection());
        return new Option(option.name(), members, weights, value, option.candidateIndex());
    }

    /** Recomputes a stored member's outputs: the same network, backend and chunking give the same numbers. */
    private static Member restore(SearchState.Snapshot s, Partitions data, List<Dataset> outputsOn, int classes) {
        List<float[]> logits =
                outputsOn.stream().map(d -> s.network().logits(d)).toList();
        s.network().releaseBuffers();
        Task task = data.train().targets().task();
        // a list that holds nulls: a task without classes has no predicted classes
        List<int[]> predictions = new ArrayList<>();
        for (float[] l : logits) {
            predictions.add(task.predictions(l, classes));
        }
        return toMember(
                s.id(),
                s.iteration(),
                new TrainedCandidate(
                        s.candidate(), s.network(), Double.NaN, java.util.Optional.empty(), logits, predictions, 0, 0),
                data.selectsOnTrain());
    }

    static Member toMember(int id, int iteration, TrainedCandidate c, boolean selectsOnTrain) {
        int last = c.logits().size() - 1;
        int selection = selectsOnTrain ? 0 : 1;
        return new Member(
                id,
                iteration,
                c.candidate(),
                c.network(),
                c.logits().get(0),
                c.logits().get(selection),
                c.logits().get(last),
                c.predictions().get(selection),
                c.predictions().get(last));
    }

    private static IterationRecord record(
            int t,
            List<Integer> prunedIds,
            PruneDecision decision,
            List<CandidateRecord> candidates,
            Option best,
            Ensemble ensemble,
            Partitions data,
            Task task,
            double trainSeconds,
            double seconds,
            double validationLoss) {
        Measures measures = task.measureIteration(
                ensemble.testLogits(),
                testPredictions(ensemble),
                ensemble.weights(),
                data.test().targets());
        return new IterationRecord(
                t,
                prunedIds,
                decision,
                candidates,
                best == null ? "none" : best.name(),
                ensemble.size(),
                ensemble.members().stream().map(Member::id).toList(),
                ensemble.members().stream().map(Member::depth).toList(),
                ensemble.weights(),
                best == null ? Double.NaN : best.objective(),
                measures.accuracy(),
                measures.diversity(),
                trainSeconds,
                seconds,
                validationLoss,
                measures.regression(),
                null);
    }

    private static int[][] testPredictions(Ensemble ensemble) {
        return ensemble.members().stream().map(Member::testPredictions).toArray(int[][]::new);
    }

    /**
     * The final ensemble's calibration on the test data, and its temperature when the plan fits one and there is a
     * validation part to fit it on (never the test data); null for a task without classes.
     */
    private org.saepj.ensemble.CalibrationReport calibration(Ensemble ensemble, Ensemble fittedOn, Partitions data) {
        Task task = data.test().targets().task();
        if (!task.predictsClasses()) {
            return null;
        }
        int classes = task.outputWidth(data.train().targets());
        float[] test = task.combine(ensemble.testLogits(), ensemble.weights());
        int[] labels = data.test().labels();
        if (config.validation().temperature() == ValidationPlan.Temperature.OFF) {
            return org.saepj.ensemble.CalibrationReport.unscaled(
                    test, labels, classes, "no temperature: temperature scaling is off");
        }
        if (data.selectsOnTrain()) {
            return org.saepj.ensemble.CalibrationReport.unscaled(
                    test,
                    labels,
                    classes,
                    "no temperature: the search has no validation part to fit one on (the test data is never"
                            + " used for it; --preset validated holds one out)");
        }
        return org.saepj.ensemble.CalibrationReport.scaled(
                test,
                labels,
                task.combine(fittedOn.selectionLogits(), fittedOn.weights()),
                data.selection().labels(),
                classes,
                fittedOn == ensemble
                        ? "temperature fitted on the validation part (lowest NLL), applied by predict and the ONNX"
                                + " export"
                        : "temperature fitted on the validation part (lowest NLL) with the members as chosen, before"
                                + " they were retrained on it; applied by predict and the ONNX export");
    }

    static FinalMetrics finalMetrics(
            Ensemble ensemble,
            Dataset train,
            Dataset test,
            int classes,
            org.saepj.ensemble.CalibrationReport calibration) {
        Task task = test.targets().task();
        Measures m = task.measureFinal(
                ensemble.testLogits(), testPredictions(ensemble), ensemble.weights(), test.targets(), classes);
        int n = ensemble.size();
        long t0 = System.nanoTime();
        for (Member member : ensemble.members()) {
            member.network().logits(test);
            member.network().releaseBuffers();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        // Beside the test accuracy, the training accuracy and each member's own (the report's over- and under-fitting
        // story): a classifier's; a regression's errors are in its regression measures.
        boolean classifies = m.classification() != null;
        Double trainAccuracy = classifies
                ? task.headline(task.combine(ensemble.trainLogits(), ensemble.weights()), train.targets())
                : null;
        double[] memberTest = classifies
                ? ensemble.members().stream()
                        .mapToDouble(e -> task.headline(e.testLogits(), test.targets()))
                        .toArray()
                : null;
        double[] memberTrain = classifies
                ? ensemble.members().stream()
                        .mapToDouble(e -> task.headline(e.trainLogits(), train.targets()))
                        .toArray()
                : null;
        // a regression's headline is the RMSE: each member's own, for the members table and saep inspect
        double[] memberRmse = m.regression() != null
                ? ensemble.members().stream()
                        .mapToDouble(e -> task.headline(e.testLogits(), test.targets()))
                        .toArray()
                : null;
        return new FinalMetrics(
                m.accuracy(),
                m.loss(),
                n,
                ensemble.parameters(),
                m.diversity(),
                m.nmiWithLabels(),
                m.viMatrix(),
                test.size() / seconds,
                seconds,
                m.classification(),
                trainAccuracy,
                memberTest,
                memberTrain,
                m.regression(),
                memberRmse,
                calibration);
    }
}
