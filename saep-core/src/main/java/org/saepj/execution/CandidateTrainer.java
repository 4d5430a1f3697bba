package org.saepj.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.saepj.data.Augmentation;
import org.saepj.data.Dataset;
import org.saepj.engine.Backend;
import org.saepj.engine.Network;
import org.saepj.engine.NetworkTraining;
import org.saepj.engine.layer.Chunks;
import org.saepj.engine.optim.ClippedOptimizer;
import org.saepj.engine.optim.LearningRateSchedule;
import org.saepj.engine.optim.Optimizer;
import org.saepj.task.Loss;

/**
 * Trains one candidate on its own loss, the task's (spec §3: cross-entropy for classification), and computes its
 * outputs. Runs on the calling thread with buffers allocated once (its layers may hand independent chunks of a pass to
 * idle threads, {@link Chunks}: the same bits), so the result depends only on the task.
 * With early stopping ({@link TrainingTask#earlyStopping()}) it measures the validation loss every few steps, stops
 * after as many measurements without improvement as the patience allows, and keeps the parameters of the lowest
 * measurement. A {@link TrainingRecipe} adds a learning-rate schedule over the planned steps, label smoothing of the
 * training loss, augmentation of the training batches (the step fixes the draws; each batch is prepared on a
 * helper thread while the step before trains) and clipping of the gradients' global norm.
 */
public final class CandidateTrainer {
    /** Progress is reported every this many steps. */
    private static final int REPORT_EVERY = 25;

    private final Backend backend;
    /** Whether augmented batches are prepared on a helper thread while the step before trains. */
    private final boolean prepareAhead;

    /**
     * @param backend the matrix backend the networks use
     */
    public CandidateTrainer(Backend backend) {
        this(backend, true);
    }

    /**
     * @param backend the matrix backend the networks use
     * @param prepareAhead whether augmented batches are prepared on a helper thread while the step before trains
     *     (the same values either way; false prepares each on the training thread, as the tests compare)
     */
    CandidateTrainer(Backend backend, boolean prepareAhead) {
        this.backend = backend;
        this.prepareAhead = prepareAhead;
    }

    /**
     * Trains on the calling thread, then computes the outputs with up to {@code outputThreads} threads (the
     * same numbers whatever the count).
     *
     * @param task what to train
     * @param progress step events
     * @param outputThreads threads for the outputs, counting the calling thread
     * @param helpers runs the output ranges beyond the calling thread's (unused, and may be null, when
     *     {@code outputThreads} is 1)
     * @return the trained candidate, or one marked diverged when the loss became NaN or infinite
     */
    public TrainedCandidate train(TrainingTask task, TrainingProgress progress, int outputThreads, Executor helpers) {
        return train(task, progress, outputThreads, helpers, Chunks.SEQUENTIAL);
    }

    /**
     * As {@link #train(TrainingTask, TrainingProgress, int, Executor)}, with the steps' layers handing their
     * independent chunks to {@code chunks} (idle threads that help): the same bits as on the calling thread alone.
     *
     * @param task what to train
     * @param progress step events
     * @param outputThreads threads for the outputs, counting the calling thread
     * @param helpers runs the output ranges beyond the calling thread's (may be null when {@code outputThreads} is 1)
     * @param chunks who runs the chunks of the training steps' passes
     * @return the trained candidate, or one marked diverged when the loss became NaN or infinite
     */
    public TrainedCandidate train(
            TrainingTask task, TrainingProgress progress, int outputThreads, Executor helpers, Chunks chunks) {
        long t0 = System.nanoTime();
        Network net = backend.network(task.candidate().architecture())
                .initialize(task.candidate().seed())
                .shareWork(chunks);
        Optimizer optimizer = task.candidate().optimizer().create(net.parameterCount());
        if (task.recipe().clipNorm() > 0) {
            optimizer = new ClippedOptimizer(optimizer, task.recipe().clipNorm());
        }
        try (NetworkTraining training = backend.training(net, optimizer)) {
            return trainAndOutputs(task, progress, outputThreads, helpers, t0, net, optimizer, training);
        } finally {
            net.shareWork(Chunks.SEQUENTIAL); // the trained network outlives the executor's threads
        }
    }

    /** The steps through the backend's training, then the outputs of the trained (synchronised) network. */
    private TrainedCandidate trainAndOutputs(
            TrainingTask task,
            TrainingProgress progress,
            int outputThreads,
            Executor helpers,
            long t0,
            Network net,
            Optimizer optimizer,
            NetworkTraining training) {
        Dataset train = task.train();
        TrainingRecipe recipe = task.recipe();
        Loss loss0 = train.targets().task().trainingLoss(train.targets(), recipe.labelSmoothing());
        LearningRateSchedule schedule = recipe.schedule();
        Augmentation augmentation = recipe.augmentation();
        float[] scratch = augmentation.isNone() ? null : new float[train.featureSize()];
        int b = task.batchSize();
        int steps = task.steps();
        int[] idx = new int[b];
        float[] x = new float[b * train.featureSize()];
        int tail = Math.max(1, steps / 10);
        // The last tenth of the planned steps' losses, kept round-robin so a candidate that stops early still reports
        // its own last steps; summed oldest first, as they came.
        float[] recent = new float[tail];
        EarlyStopping stopping = task.earlyStopping();
        ValidationWatch watch =
                stopping.enabled() ? new ValidationWatch(net, task.validation(), stopping.patience()) : null;
        int interval = stopping.interval(steps);
        int ran = steps;
        try (AugmentedBatches prepared = augmentation.isNone() || !prepareAhead
                ? null
                : new AugmentedBatches(train, task.batches(), b, augmentation, recipe.augmentationSeed())) {
            for (int s = 0; s < steps; s++) {
                System.arraycopy(task.batches(), s * b, idx, 0, b);
                if (!schedule.isConstant()) {
                    optimizer.learningRateFactor(schedule.factor(s, steps));
                }
                float[] batch;
                if (prepared != null) {
                    batch = prepared.take(s);
                } else {
                    // The engine's Network.trainStep(Dataset, ...) gathers the same way: the paper's numbers do not
                    // move.
                    gather(train, idx, x);
                    if (!augmentation.isNone()) {
                        augmentation.apply(x, b, train.shape(), recipe.augmentationSeed(), s, scratch);
                    }
                    batch = x;
                }
                float loss = training.step(batch, loss0, idx, b);
                if (!Float.isFinite(loss)) {
                    progress.stepDone(task.index(), steps, steps);
                    training.sync();
                    net.releaseBuffers();
                    return new TrainedCandidate(
                            task.candidate(),
                            net,
                            Double.NaN,
                            Optional.of("loss became " + loss + " at step " + (s + 1) + " of " + steps),
                            List.of(),
                            List.of(),
                            seconds(t0),
                            0,
                            s + 1,
                            s + 1);
                }
                recent[s % tail] = loss;
                if ((s + 1) % REPORT_EVERY == 0 || s + 1 == steps) {
                    progress.stepDone(task.index(), s + 1, steps);
                }
                boolean measures = watch != null && ((s + 1) % interval == 0 || s + 1 == steps);
                if (measures) {
                    training.sync(); // the watch measures and keeps the network's own parameters and state
                }
                if (measures && watch.measure(s + 1)) {
                    ran = s + 1;
                    // the steps it will not take are done as far as a display counts
                    progress.stepDone(task.index(), steps, steps);
                    break;
                }
            }
        }
        training.sync();
        int kept = watch == null ? ran : watch.restoreBest(ran);
        double tailLoss = 0;
        int counted = Math.min(tail, ran);
        for (int s = ran - counted; s < ran; s++) {
            tailLoss += recent[s % tail];
        }
        double trainSeconds = seconds(t0);
        long t1 = System.nanoTime();
        List<float[]> logits = new ArrayList<>();
        List<int[]> predictions = new ArrayList<>();
        for (Dataset d : task.outputsOn()) {
            float[] out = ParallelInference.logits(net, d, outputThreads, helpers);
            if (!allFinite(out)) {
                net.releaseBuffers();
                return new TrainedCandidate(
                        task.candidate(),
                        net,
                        tailLoss / counted,
                        Optional.of("non-finite outputs on " + d.name()),
                        List.of(),
                        List.of(),
                        trainSeconds,
                        seconds(t1),
                        ran,
                        kept);
            }
            logits.add(out);
            predictions.add(train.targets()
                    .task()
                    .predictions(out, train.targets().task().outputWidth(d.targets())));
        }
        // The network is frozen from here on: its training and inference buffers are no longer needed.
        net.releaseBuffers();
        return new TrainedCandidate(
                task.candidate(),
                net,
                tailLoss / counted,
                Optional.empty(),
                logits,
                predictions,
                trainSeconds,
                seconds(t1),
                ran,
                kept);
    }

    private static void gather(Dataset data, int[] indices, float[] x) {
        int d = data.featureSize();
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(data.features(), indices[i] * d, x, i * d, d);
        }
    }

    private static boolean allFinite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
