package org.saepj.bench;

import org.saepj.data.BatchStream;
import org.saepj.data.Dataset;

/**
 * One DJL/PyTorch network of a bench row, trained on the bench's batches: warmed up until its step time settles
 * ({@link SettleRule#DEFAULT}), then timed run by run, each run continuing the same training, with the process's
 * page faults counted over the timed runs ({@link PageFaults}).
 */
final class DjlSession implements AutoCloseable {
    /** PyTorch's random seed before a row's network is built: the same initial weights in every bench run. */
    static final long SEED = 7;

    private final DjlTrainer trainer;
    private final Dataset train;
    private final BatchStream stream;
    private final int[] idx = new int[EngineBench.BATCH];
    private final float[] x;
    private final float[] y = new float[EngineBench.BATCH];
    private long faults;
    private long timedSteps;
    private boolean faultsKnown = true;

    /**
     * @param net the row's network
     * @param train the training split the batches are drawn from
     * @param learningRate SGD's learning rate
     */
    DjlSession(EngineBench.BenchNet net, Dataset train, float learningRate) {
        ai.djl.pytorch.jni.JniUtils.setSeed(SEED);
        this.trainer = new DjlTrainer(net.djlBlock().get(), net.sample(), learningRate, EngineBench.BATCH);
        this.train = train;
        this.stream = new BatchStream(train.size(), EngineBench.BATCH, 7);
        this.x = new float[EngineBench.BATCH * train.featureSize()];
    }

    /** @return how the warm-up ended, after steps until the step time settled or a cap was reached */
    SettleRule.Outcome warmUp() throws Exception {
        return SettleRule.DEFAULT.warmUp(this::step);
    }

    /**
     * @param steps training steps to time
     * @return their samples per second
     */
    double run(int steps) {
        long f0 = PageFaults.minor();
        long t0 = System.nanoTime();
        for (int s = 0; s < steps; s++) {
            step();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long f1 = PageFaults.minor();
        if (f0 < 0 || f1 < 0) {
            faultsKnown = false;
        }
        faults += f1 - f0;
        timedSteps += steps;
        return (double) steps * EngineBench.BATCH / seconds;
    }

    /** @return the process's minor page faults per timed step so far, or NaN where they cannot be counted */
    double faultsPerStep() {
        return faultsKnown && timedSteps > 0 ? (double) faults / timedSteps : Double.NaN;
    }

    /** One step on the next batch; returns its time in seconds. */
    private double step() {
        long t0 = System.nanoTime();
        stream.next(idx);
        int d = train.featureSize();
        for (int i = 0; i < EngineBench.BATCH; i++) {
            System.arraycopy(train.features(), idx[i] * d, x, i * d, d);
            y[i] = train.labels()[idx[i]];
        }
        trainer.step(x, y, EngineBench.BATCH);
        return (System.nanoTime() - t0) / 1e9;
    }

    @Override
    public void close() {
        trainer.close();
    }
}
