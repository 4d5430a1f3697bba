package org.saepj.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.engine.Backend;
import org.saepj.engine.Network;
import org.saepj.engine.optim.Optimizer;
import org.saepj.search.SearchConfig;
import org.saepj.subnetwork.CandidateSpec;
import org.saepj.task.Loss;

/**
 * Gets the JIT to compile the engine's backend while a command does something else (reading and checksumming
 * the data), on a core that would otherwise idle. A Vector API kernel runs orders of magnitude slower until C2
 * compiles it, and a short search spends its first iteration waiting for that; training throw-away copies of the
 * search's first candidates on random data makes the compiler see the same code sooner. Nothing it computes is
 * used, and compiled code gives the same numbers as interpreted code, so results are unchanged.
 */
public final class EngineWarmup implements AutoCloseable {
    private static final int BATCH = 64;
    private static final int SAMPLES = 256;
    private Thread thread;
    private volatile boolean stop;
    private volatile Throwable failure;

    private EngineWarmup() {}

    /** Starts the thread once this object is complete (a thread started in the constructor could see it half-built). */
    private EngineWarmup begin(Runnable work) {
        thread = new Thread(work, "saep-engine-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return this;
    }

    /** @return a warm-up that does nothing: for a JVM that will not train (its candidates train on a cluster) */
    public static EngineWarmup none() {
        return new EngineWarmup();
    }

    /**
     * Starts warming up on a thread of its own, for the candidates the search's space proposes first, on inputs of
     * the shape the data will probably have; nothing is started on a single core, where it would only compete.
     *
     * @param config the search about to run
     * @param input the input shape expected (any shape exercises the same backend)
     * @param classes the number of classes expected
     * @param backend the backend the search will use
     * @param maxMillis the longest it runs when not closed first
     * @return the running warm-up; close it before the search starts
     */
    public static EngineWarmup start(SearchConfig config, Shape input, int classes, Backend backend, long maxMillis) {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return new EngineWarmup();
        }
        List<CandidateSpec> specs;
        try {
            var space = config.searchSpace(input, classes);
            specs = new ArrayList<>(space.candidates(0, OptionalInt.empty()));
            specs.addAll(space.candidates(1, OptionalInt.of(1))); // a DNN space's deeper candidates
        } catch (RuntimeException e) {
            return new EngineWarmup(); // a space that needs the real data: nothing to warm up, the search says why
        }
        EngineWarmup warmup = new EngineWarmup();
        long deadline = System.nanoTime() + maxMillis * 1_000_000L;
        return warmup.begin(() -> {
            try {
                warmup.train(specs, input, classes, backend, deadline);
            } catch (RuntimeException | OutOfMemoryError e) {
                // Only a shortcut failed: the search trains the same networks itself and reports any real problem.
                warmup.failure = e;
            }
        });
    }

    /**
     * {@link #start} with the shape and classes the search's data source will probably have: a known dataset's own,
     * otherwise Fashion-MNIST's (any shape exercises the same backend), for at most five seconds.
     *
     * @param config the search about to run
     * @param backend the backend the search will use
     * @return the running warm-up; close it before the search starts
     */
    public static EngineWarmup forSearch(SearchConfig config, Backend backend) {
        Shape input = org.saepj.data.source.KnownDataset.byId(String.valueOf(config.dataset()))
                .filter(d -> d.format() == org.saepj.data.source.KnownDataset.Format.CIFAR10)
                .map(d -> new Shape(32, 32, 3))
                .orElse(new Shape(28, 28, 1));
        return start(config, input, config.pair() != null ? 2 : 10, backend, 5000);
    }

    private void train(List<CandidateSpec> specs, Shape input, int classes, Backend backend, long deadline) {
        SplittableRandom rng = new SplittableRandom(0);
        float[] x = new float[SAMPLES * input.size()];
        int[] y = new int[SAMPLES];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        for (int i = 0; i < SAMPLES; i++) {
            y[i] = i % classes;
        }
        Dataset data = new Dataset("warm-up", x, y, input, classNames(classes));
        float[] batch = new float[BATCH * input.size()];
        Loss loss = data.targets().task().loss(data.targets());
        int[] rows = new int[BATCH];
        while (!stop && System.nanoTime() < deadline) {
            for (CandidateSpec spec : specs) {
                Network net = backend.network(spec.architecture()).initialize(1);
                Optimizer optimizer = spec.optimizer().create(net.parameterCount());
                for (int s = 0; s < 20 && !stop; s++) {
                    int from = (s * BATCH) % SAMPLES;
                    System.arraycopy(x, from * input.size(), batch, 0, batch.length);
                    for (int i = 0; i < BATCH; i++) {
                        rows[i] = from + i;
                    }
                    net.trainStep(batch, loss, rows, BATCH, optimizer);
                }
                if (!stop) {
                    net.logits(data);
                }
                net.releaseBuffers();
            }
        }
    }

    private static List<String> classNames(int classes) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(Integer.toString(c));
        }
        return names;
    }

    /** @return whether the warm-up thread is still running (for tests) */
    boolean running() {
        return thread != null && thread.isAlive();
    }

    /** @return what ended the warm-up early, if anything did (for tests) */
    Throwable failure() {
        return failure;
    }

    /** Stops the warm-up and waits for it (at most one training step). */
    @Override
    public void close() {
        stop = true;
        if (thread != null) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
