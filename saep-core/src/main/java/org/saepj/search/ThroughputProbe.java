package org.saepj.search;

import java.util.ArrayList;
import java.util.List;
import org.saepj.data.BatchStream;
import org.saepj.data.Dataset;
import org.saepj.execution.CandidateExecutor;
import org.saepj.execution.EarlyStopping;
import org.saepj.execution.TrainingTask;
import org.saepj.subnetwork.CandidateSpec;
import org.saepj.subnetwork.SearchSpace;
import org.saepj.subnetwork.Seeds;

/**
 * Measures how fast this machine trains a search's first candidates, for {@link TimePlan}: it trains throwaway
 * copies of the first iteration's candidates (together, through the search's own executor, so threads and workers
 * count as in the search) for a few steps on batches of their own, and estimates the forward passes from the steps.
 * Nothing it trains or draws reaches the search, which therefore gives the same result as one planned
 * by hand with the same steps and iterations.
 */
final class ThroughputProbe {
    /** The steps of the first, rough measurement. */
    private static final int FIRST_STEPS = 4;
    /** The share of the budget the step measurement aims to take. */
    private static final double SHARE = 0.02;
    /** The longest the step measurement aims to take, whatever the budget. */
    private static final double MOST_SECONDS = 3;
    /** The longest share of the budget the probe takes while the speed still rises. */
    private static final double MOST_SHARE = 0.1;
    /** A round at most this much slower per step than the next means the speed has settled. */
    private static final double SETTLED = 1.25;
    /** The fewest rounds, the first ones warming the compiler up. */
    private static final int MIN_ROUNDS = 3;
    /** The rows of each partition the probe's candidates compute outputs on. */
    private static final int FEW_ROWS = 256;
    /** A training step's cost over a forward pass's, per row. */
    private static final double FORWARD_SHARE = 3;

    private final SearchConfig config;
    private final SearchSpace generator;
    private final CandidateExecutor executor;
    private final Dataset train;

    /**
     * @param config the configured search
     * @param generator its candidates' generator
     * @param executor trains candidates
     * @param train the training partition
     */
    ThroughputProbe(SearchConfig config, SearchSpace generator, CandidateExecutor executor, Dataset train) {
        this.config = config;
        this.generator = generator;
        this.executor = executor;
        this.train = train;
    }

    /**
     * @param outputsOn the partitions every candidate's outputs are computed on
     * @param validation the validation part early stopping measures on, or null
     * @param steps the configured steps per candidate (the probe never trains more)
     * @return what was measured
     */
    TimePlan.Throughput measure(List<Dataset> outputsOn, Dataset validation, int steps) {
        long start = System.nanoTime();
        List<CandidateSpec> specs = generator.candidates(0, java.util.OptionalInt.empty());
        BatchStream stream =
                new BatchStream(train.size(), config.batchSize(), Seeds.derive(config.seed(), Seeds.BATCHES, -1));
        // outputs on a few rows of each partition: they warm the forward passes up, at no cost worth measuring
        List<Dataset> fewRows = outputsOn.stream().map(ThroughputProbe::fewRows).toList();
        double target = Math.min(MOST_SECONDS, SHARE * config.stopping().maxSeconds());
        // Rounds of doubling steps: the first ones warm the just-in-time compiler up (the search would pay that in its
        // first iteration), the last one, long enough to time, gives the speed.
        // The compiler is warm once a round is not much faster per step than the one before; the probe gives up
        // waiting for that at a tenth of the budget.
        double most = Math.max(target, MOST_SHARE * config.stopping().maxSeconds());
        int round = Math.min(steps, FIRST_STEPS);
        double perStep = Double.POSITIVE_INFINITY;
        double last = Double.POSITIVE_INFINITY;
        int rounds = 0;
        while (true) {
            double seconds = time(specs, stream, round, fewRows);
            rounds++;
            boolean settled = rounds >= MIN_ROUNDS && seconds >= target && last < SETTLED * seconds / round;
            last = seconds / round;
            // the fastest round after the first: a busy machine or the compiler at work only ever slows one down
            perStep = rounds <= 2 ? last : Math.min(perStep, last);
            if (settled || round >= steps || (System.nanoTime() - start) / 1e9 >= most) {
                break;
            }
            round = (int) Math.min(steps, 2L * round);
        }
        // A forward pass costs about a third of a training step (forward, backward, update) per row: the candidates'
        // outputs on every partition and early stopping's validation losses, estimated rather than probed, since a
        // probe of them would cost what it measures.
        long rows = outputsOn.stream().mapToLong(Dataset::size).sum();
        double perRow = perStep / config.batchSize() / FORWARD_SHARE;
        double outputs = rows * perRow;
        double fixed = outputs + earlyStoppingRows(validation, steps) * perRow;
        double probe = (System.nanoTime() - start) / 1e9;
        // after the last iteration: the final ensemble's measurements and calibration, from outputs already known
        return new TimePlan.Throughput(perStep, fixed, probe, outputs);
    }

    /** The validation rows early stopping measures during a candidate's training. */
    private long earlyStoppingRows(Dataset validation, int steps) {
        EarlyStopping stopping = config.validation().earlyStopping();
        if (!stopping.enabled() || validation == null) {
            return 0;
        }
        return (long) (steps / stopping.interval(steps)) * validation.size();
    }

    private static Dataset fewRows(Dataset d) {
        return d.subset(
                java.util.stream.IntStream.range(0, Math.min(FEW_ROWS, d.size()))
                        .toArray(),
                "probe");
    }

    private double time(List<CandidateSpec> specs, BatchStream stream, int steps, List<Dataset> outputsOn) {
        int batch = config.batchSize();
        int[] batches = stream.next(steps);
        List<TrainingTask> tasks = new ArrayList<>();
        for (CandidateSpec spec : specs) {
            tasks.add(new TrainingTask(
                    tasks.size(),
                    spec,
                    train,
                    batches,
                    batch,
                    outputsOn,
                    null,
                    EarlyStopping.NONE,
                    config.training().recipe(config.seed(), 0)));
        }
        long start = System.nanoTime();
        executor.train(tasks, (index, step, total) -> {});
        return (System.nanoTime() - start) / 1e9;
    }
}
