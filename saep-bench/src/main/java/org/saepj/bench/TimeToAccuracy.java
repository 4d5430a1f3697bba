package org.saepj.bench;

import org.saepj.data.BatchStream;
import org.saepj.data.Dataset;
import org.saepj.engine.Architecture;
import org.saepj.engine.Network;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.optim.Optimizer;
import org.saepj.engine.optim.OptimizerSpec;

/**
 * Time to accuracy: one network trained on one thread, ours or the same in DJL/PyTorch, on the same batches (batch
 * 64, the same shuffling seed) with SGD + momentum 0.9 at a fixed learning rate, until the accuracy on the first
 * samples of the test split reaches a target. The accuracy is checked every {@link Settings#checkEvery()} steps; the
 * clock runs during the training steps only, so how often the bench checks does not count against either engine.
 */
final class TimeToAccuracy {
    /** Both engines' batches: the shuffling seed of the batch stream. */
    private static final long BATCH_SEED = 7;

    private TimeToAccuracy() {}

    /**
     * @param target the test accuracy to reach, in (0, 1]
     * @param testSize how many of the test split's first samples the accuracy is measured on
     * @param checkEvery steps between two accuracy checks
     * @param maxSteps the steps after which a run stops unreached
     * @param learningRate SGD's learning rate (momentum 0.9, no decay)
     * @param batch samples per step
     */
    record Settings(double target, int testSize, int checkEvery, int maxSteps, float learningRate, int batch) {
        Settings {
            if (!(target > 0 && target <= 1) || testSize < 1 || checkEvery < 1 || maxSteps < 1 || batch < 1) {
                throw new IllegalArgumentException("time to accuracy needs a target in (0, 1] and positive sizes, got "
                        + target + ", " + testSize + ", " + checkEvery + ", " + maxSteps + ", " + batch);
            }
        }
    }

    /**
     * @param seconds training time until the check that reached the target (or until the cap)
     * @param steps the steps trained by then
     * @param accuracy the test accuracy at that check
     * @param reached whether it reached the target
     */
    record Result(double seconds, long steps, double accuracy, boolean reached) {}

    /** One engine's side: a training step on a batch of rows, and the predictions of a chunk of test samples. */
    interface Trainee {
        void step(float[] x, int[] rows, float[] labels, int batch) throws Exception;

        /** @return the predicted class of each sample of {@code x} */
        long[] predict(float[] x, int count) throws Exception;
    }

    /**
     * Ours: the architecture on the best kernels, seed 1.
     *
     * @return the run's result
     */
    static Result ours(Architecture arch, Dataset train, Dataset test, Settings s) throws Exception {
        Network net = new Network(arch, KernelsProvider.best()).initialize(1);
        Optimizer opt = new OptimizerSpec.SgdMomentum(s.learningRate(), 0.9f, 0).create(net.parameterCount());
        org.saepj.task.Loss loss = train.targets().task().loss(train.targets());
        int classes = arch.classes();
        return run(
                new Trainee() {
                    @Override
                    public void step(float[] x, int[] rows, float[] labels, int batch) {
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
                },
                train,
                test,
                s);
    }

    /**
     * PyTorch through DJL, its intra-op threads as the caller set them.
     *
     * @return the run's result
     */
    static Result djl(ResidualCnn net, Dataset train, Dataset test, Settings s) throws Exception {
        long[] sample = {
            net.input().channels(), net.input().height(), net.input().width()
        };
        try (DjlTrainer djl = new DjlTrainer(net.djlBlock(), sample, s.learningRate(), s.batch())) {
            return run(
                    new Trainee() {
                        @Override
                        public void step(float[] x, int[] rows, float[] labels, int batch) {
                            djl.step(x, labels, batch);
                        }

                        @Override
                        public long[] predict(float[] x, int count) {
                            return djl.predict(x, count);
                        }
                    },
                    train,
                    test,
                    s);
        }
    }

    /** Trains until a check reaches the target or the steps run out; times the steps only. */
    static Result run(Trainee trainee, Dataset train, Dataset test, Settings s) throws Exception {
        int d = train.featureSize();
        int batch = s.batch();
        BatchStream stream = new BatchStream(train.size(), batch, BATCH_SEED);
        int[] idx = new int[batch];
        float[] x = new float[batch * d];
        float[] y = new float[batch];
        long trainingNanos = 0;
        long steps = 0;
        double accuracy = 0;
        while (steps < s.maxSteps()) {
            int chunk = (int) Math.min(s.checkEvery(), s.maxSteps() - steps);
            long t0 = System.nanoTime();
            for (int k = 0; k < chunk; k++) {
                stream.next(idx);
                for (int i = 0; i < batch; i++) {
                    System.arraycopy(train.features(), idx[i] * d, x, i * d, d);
                    y[i] = train.labels()[idx[i]];
                }
                trainee.step(x, idx, y, batch);
            }
            trainingNanos += System.nanoTime() - t0;
            steps += chunk;
            accuracy = accuracy(trainee, test, Math.min(s.testSize(), test.size()));
            if (accuracy >= s.target()) {
                return new Result(trainingNanos / 1e9, steps, accuracy, true);
            }
        }
        return new Result(trainingNanos / 1e9, steps, accuracy, false);
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
