package org.saepj.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.saepj.data.BatchStream;
import org.saepj.data.Dataset;
import org.saepj.engine.Network;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.layer.StealingChunks;
import org.saepj.engine.optim.LearningRateSchedule;
import org.saepj.engine.optim.Optimizer;

/**
 * Time to accuracy: one network trained on one thread or more, ours and the same in DJL/PyTorch from the same initial
 * weights ({@link SharedWeights}), on the same batches (batch 64, the same shuffling seed) with SGD + momentum 0.9 and
 * weight decay {@link Settings#weightDecay()} in DJL's form ({@link FoldedMomentumSgd}) and the same learning rate at
 * every step (a cosine decay from {@link Settings#learningRate()} to 0 over {@link Settings#maxSteps()}), until the
 * accuracy on the first samples of the test split reaches a target. The two engines take turns: one trains {@link
 * Settings#checkEvery()} steps and is checked, then the other, so that a change of the machine's load falls on both
 * alike; each side's clock runs during its own training steps only, so neither the checks nor the other side's turns
 * count against an engine.
 */
final class TimeToAccuracy {
    /** Both engines' batches: the shuffling seed of the batch stream. */
    private static final long BATCH_SEED = 7;

    /** Both engines' initial weights: the seed of our network's, which PyTorch's network is then given. */
    static final long WEIGHT_SEED = 1;

    /** The learning rate's decay over the run: half a cosine to 0, no warm-up. */
    private static final LearningRateSchedule SCHEDULE = new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 0);

    private TimeToAccuracy() {}

    /**
     * @param target the test accuracy to reach, in (0, 1]
     * @param testSize how many of the test split's first samples the accuracy is measured on
     * @param checkEvery steps between two accuracy checks, and the steps of one engine's turn
     * @param maxSteps the steps after which a run stops unreached, and the length of the learning rate's decay
     * @param learningRate SGD's learning rate at the first step (momentum 0.9, cosine decay to 0 over maxSteps)
     * @param batch samples per step
     * @param weightDecay λ of both engines' SGD, {@code λ·θ} added to every parameter's gradient; 0 for none
     */
    record Settings(
            double target,
            int testSize,
            int checkEvery,
            int maxSteps,
            float learningRate,
            int batch,
            float weightDecay) {
        Settings {
            if (!(target > 0 && target <= 1)
                    || testSize < 1
                    || checkEvery < 1
                    || maxSteps < 1
                    || batch < 1
                    || !(weightDecay >= 0)) {
                throw new IllegalArgumentException("time to accuracy needs a target in (0, 1], positive sizes and a"
                        + " weight decay ≥ 0, got " + target + ", " + testSize + ", " + checkEvery + ", " + maxSteps
                        + ", " + batch + ", " + weightDecay);
            }
        }

        /** The settings without weight decay. */
        Settings(double target, int testSize, int checkEvery, int maxSteps, float learningRate, int batch) {
            this(target, testSize, checkEvery, maxSteps, learningRate, batch, 0);
        }

        /**
         * @param step the step about to be taken, from 0
         * @return both engines' learning rate at that step
         */
        float learningRate(int step) {
            return learningRate * SCHEDULE.factor(step, maxSteps);
        }
    }

    /**
     * @param seconds training time until the check that reached the target (or until the cap)
     * @param steps the steps trained by then
     * @param accuracy the test accuracy at that check
     * @param reached whether it reached the target
     */
    record Result(double seconds, long steps, double accuracy, boolean reached) {}

    /** Told of every check as it happens, so that a long run shows its accuracy curve. */
    interface Progress {
        /** Tells nothing. */
        Progress NONE = (side, steps, accuracy, seconds) -> {};

        /**
         * @param side the side's index in the order given to the run
         * @param steps the side's steps so far
         * @param accuracy its test accuracy now
         * @param seconds its training time so far
         */
        void checked(int side, int steps, double accuracy, double seconds);
    }

    /** One engine's side: a training step on a batch of rows, and the predictions of a chunk of test samples. */
    interface Trainee {
        /**
         * @param x the batch's features, row-major
         * @param rows the batch's rows of the training split
         * @param labels the batch's classes
         * @param batch the number of samples
         * @param learningRate SGD's learning rate for this step
         */
        void step(float[] x, int[] rows, float[] labels, int batch, float learningRate) throws Exception;

        /** @return the predicted class of each sample of {@code x} */
        long[] predict(float[] x, int count) throws Exception;
    }

    /**
     * Ours and PyTorch's (its intra-op threads as the caller set them), taking turns, from the same initial weights:
     * ours drawn from {@link #WEIGHT_SEED}, then copied into PyTorch's network.
     *
     * @param progress told of each check, ours side 0 and PyTorch's side 1
     * @return ours, then PyTorch's result
     */
    static List<Result> bothEngines(
            ResidualCnn net, Dataset train, Dataset test, Settings s, int threads, Progress progress) throws Exception {
        long[] sample = {
            net.input().channels(), net.input().height(), net.input().width()
        };
        Network ours = new Network(net.architecture(), KernelsProvider.best()).initialize(WEIGHT_SEED);
        // PyTorch's own draw is overwritten; its seed still fixes whatever else it draws.
        ai.djl.pytorch.jni.JniUtils.setSeed(DjlSession.SEED);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try (DjlTrainer djl = new DjlTrainer(net.djlBlock(), sample, s.learningRate(), s.weightDecay(), s.batch())) {
            SharedWeights.copy(ours, djl.block());
            Trainee oursSide = ours(ours, train, s.weightDecay());
            if (threads > 1) {
                ours.shareWork(new StealingChunks(pool));
                oursSide = onWorker(oursSide, pool);
            }
            return run(List.of(oursSide, djl(djl)), train, test, s, progress);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Ours on more than one thread, as a search's executor runs a candidate: each step and each prediction on a worker
     * of the pool, whose other workers, idle, take the layers' chunks. The chunks write disjoint outputs with the
     * single-threaded calls, so the steps give the same bits as on one thread.
     *
     * @param side the trainee of a network that shares its work with the pool
     * @param pool the workers
     * @return the trainee whose calls run on a worker
     */
    static Trainee onWorker(Trainee side, ForkJoinPool pool) {
        return new Trainee() {
            @Override
            public void step(float[] x, int[] rows, float[] labels, int batch, float learningRate) throws Exception {
                pool.submit(() -> {
                            side.step(x, rows, labels, batch, learningRate);
                            return null;
                        })
                        .get();
            }

            @Override
            public long[] predict(float[] x, int count) throws Exception {
                return pool.submit(() -> side.predict(x, count)).get();
            }
        };
    }

    /**
     * @param net our network, initialised
     * @param weightDecay λ of the SGD
     * @return ours: the network, SGD with momentum 0.9 and weight decay in DJL's form ({@link FoldedMomentumSgd}) at
     *     the step's learning rate
     */
    static Trainee ours(Network net, Dataset train, float weightDecay) {
        // DJL's form of momentum and weight decay, so that a changing rate updates both engines alike.
        Optimizer opt = new FoldedMomentumSgd(0.9f, weightDecay, net.parameterCount());
        org.saepj.task.Loss loss = train.targets().task().loss(train.targets());
        int classes = net.architecture().classes();
        return new Trainee() {
            @Override
            public void step(float[] x, int[] rows, float[] labels, int batch, float learningRate) {
                opt.learningRateFactor(learningRate);
                net.trainStep(x, loss, rows, batch, opt);
            }

            @Override
            public long[] predict(float[] x, int count) {
                float[] logits = net.forward(x, count);
                long[] out = new long[count];
                for (int i = 0; i < count; i++) {
                    int best = 0;
                    for (int c = 1; c < classes; c++) {
                        best = logits[i * classes + c] > logits[i * classes + best] ? c : best;
                    }
                    out[i] = best;
                }
                return out;
            }
        };
    }

    /** @return PyTorch's side: the trainer's network at the step's learning rate */
    static Trainee djl(DjlTrainer djl) {
        return new Trainee() {
            @Override
            public void step(float[] x, int[] rows, float[] labels, int batch, float learningRate) {
                djl.step(x, labels, batch, learningRate);
            }

            @Override
            public long[] predict(float[] x, int count) {
                return djl.predict(x, count);
            }
        };
    }

    /** One side alone: trains until a check reaches the target or the steps run out; times the steps only. */
    static Result run(Trainee trainee, Dataset train, Dataset test, Settings s) throws Exception {
        return run(List.of(trainee), train, test, s, Progress.NONE).get(0);
    }

    /**
     * The sides in turns of {@link Settings#checkEvery()} steps and a check each, in the given order, each on its own
     * copy of the same batch stream, until every side has reached the target or the steps; a side that is done sits
     * out the later turns.
     *
     * @param progress told of each check
     * @return the sides' results, in the given order
     */
    static List<Result> run(List<Trainee> trainees, Dataset train, Dataset test, Settings s, Progress progress)
            throws Exception {
        List<Side> sides = new ArrayList<>();
        for (Trainee t : trainees) {
            sides.add(new Side(t, train, s));
        }
        int n = Math.min(s.testSize(), test.size());
        boolean running = true;
        while (running) {
            running = false;
            for (int i = 0; i < sides.size(); i++) {
                Side side = sides.get(i);
                if (!side.done()) {
                    side.turn(test, n);
                    progress.checked(i, side.steps, side.accuracy, side.trainingNanos / 1e9);
                    running |= !side.done();
                }
            }
        }
        return sides.stream().map(Side::result).toList();
    }

    /** One engine's run: its batch stream, its step count and its clock. */
    private static final class Side {
        private final Trainee trainee;
        private final Dataset train;
        private final Settings s;
        private final BatchStream stream;
        private final int[] idx;
        private final float[] x;
        private final float[] y;
        private long trainingNanos;
        private int steps;
        private double accuracy;
        private boolean reached;

        Side(Trainee trainee, Dataset train, Settings s) {
            this.trainee = trainee;
            this.train = train;
            this.s = s;
            this.stream = new BatchStream(train.size(), s.batch(), BATCH_SEED);
            this.idx = new int[s.batch()];
            this.x = new float[s.batch() * train.featureSize()];
            this.y = new float[s.batch()];
        }

        boolean done() {
            return reached || steps >= s.maxSteps();
        }

        /** Trains to the next check, timed, then checks the accuracy, untimed. */
        void turn(Dataset test, int testSize) throws Exception {
            int d = train.featureSize();
            int batch = s.batch();
            int chunk = Math.min(s.checkEvery(), s.maxSteps() - steps);
            long t0 = System.nanoTime();
            for (int k = 0; k < chunk; k++) {
                stream.next(idx);
                for (int i = 0; i < batch; i++) {
                    System.arraycopy(train.features(), idx[i] * d, x, i * d, d);
                    y[i] = train.labels()[idx[i]];
                }
                trainee.step(x, idx, y, batch, s.learningRate(steps + k));
            }
            trainingNanos += System.nanoTime() - t0;
            steps += chunk;
            accuracy = accuracy(trainee, test, testSize);
            reached = accuracy >= s.target();
        }

        Result result() {
            return new Result(trainingNanos / 1e9, steps, accuracy, reached);
        }
    }

    /** The share of the first {@code n} test samples predicted right, in chunks of the engine's inference size. */
    static double accuracy(Trainee trainee, Dataset test, int n) throws Exception {
        int d = test.featureSize();
        int chunk = Network.INFERENCE_CHUNK;
        float[] x = new float[chunk * d];
        int right = 0;
        for (int start = 0; start < n; start += chunk) {
            int count = Math.min(chunk, n - start);
            System.arraycopy(test.features(), start * d, x, 0, count * d);
            // DJL takes an array of exactly the batch's size.
            long[] predicted = trainee.predict(count == chunk ? x : java.util.Arrays.copyOf(x, count * d), count);
            for (int i = 0; i < count; i++) {
                right += predicted[i] == test.labels()[start + i] ? 1 : 0;
            }
        }
        return (double) right / n;
    }
}
