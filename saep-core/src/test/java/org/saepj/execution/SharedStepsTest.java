package org.saepj.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.data.BatchStream;
import org.saepj.data.SourceData;
import org.saepj.engine.Backends;
import org.saepj.engine.Network;
import org.saepj.engine.layer.Chunks;
import org.saepj.engine.layer.StealingChunks;
import org.saepj.persistence.BuiltInSpaces;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.subnetwork.CandidateSpec;
import org.saepj.testing.TestFiles;

/**
 * A candidate's steps share their layers' chunks with threads that have no candidate of their own, and give the same
 * bits for any thread count: the default image space's 16- and 32-filter residual CNNs (conv-bn-relu, a residual
 * block, dense) trained alone and side by side on 1, 2 and 3 threads hold the same parameters, running statistics and
 * outputs, float for float.
 */
class SharedStepsTest {
    @TempDir
    static Path dir;

    static Partitions partitions;
    static List<CandidateSpec> residualCnns;

    @BeforeAll
    static void load() {
        SourceData fixture = TestFiles.fashionMnist(dir.resolve("f"));
        SearchConfig config = SearchConfig.builder()
                .space(BuiltInSpaces.get(BuiltInSpaces.RESIDUAL_CNN))
                .seed(5)
                .build();
        partitions = Partitions.prepare(config, fixture).get(0);
        residualCnns = config.searchSpace(
                        partitions.train().shape(), partitions.train().classCount())
                .candidates(0, OptionalInt.empty());
    }

    /** Steps enough for the running statistics and momentum to carry every step's bits into the last. */
    private static final int STEPS = 12;

    private static final int BATCH = 32;

    private static List<TrainingTask> tasks(List<CandidateSpec> candidates) {
        int[] batches = new BatchStream(partitions.train().size(), BATCH, 11).next(STEPS);
        List<TrainingTask> tasks = new ArrayList<>();
        for (CandidateSpec c : candidates) {
            tasks.add(
                    new TrainingTask(tasks.size(), c, partitions.train(), batches, BATCH, List.of(partitions.test())));
        }
        return tasks;
    }

    /** Early stopping measured every 4 steps, so the watch's validation passes run while the other one trains. */
    private static List<TrainingTask> watchedTasks(List<CandidateSpec> candidates) {
        int[] batches = new BatchStream(partitions.train().size(), BATCH, 11).next(STEPS);
        List<TrainingTask> tasks = new ArrayList<>();
        for (CandidateSpec c : candidates) {
            tasks.add(new TrainingTask(
                    tasks.size(),
                    c,
                    partitions.train(),
                    batches,
                    BATCH,
                    List.of(partitions.test()),
                    partitions.test(),
                    new EarlyStopping(4, STEPS)));
        }
        return tasks;
    }

    private static List<TrainedCandidate> train(int threads, List<TrainingTask> tasks) {
        try (LocalExecutor executor = new LocalExecutor(threads, Backends.best())) {
            return executor.train(tasks, TrainingProgress.NONE);
        }
    }

    private static void assertSameBits(List<TrainedCandidate> expected, List<TrainedCandidate> actual, int threads) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            TrainedCandidate e = expected.get(i);
            TrainedCandidate a = actual.get(i);
            String what = e.candidate().name() + " on " + threads + " threads";
            assertThat(a.divergence()).as(what).isEmpty();
            assertThat(a.network().parameters())
                    .as(what)
                    .containsExactly(e.network().parameters());
            assertThat(a.network().state()).as(what).containsExactly(e.network().state());
            assertThat(a.trainLoss()).as(what).isEqualTo(e.trainLoss());
            assertThat(a.logits().get(0)).as(what).containsExactly(e.logits().get(0));
            assertThat(a.predictions().get(0))
                    .as(what)
                    .containsExactly(e.predictions().get(0));
        }
    }

    @Test
    void theSpaceHasTwoResidualCnnsOfUnequalSize() {
        assertThat(residualCnns).hasSize(2);
        assertThat(residualCnns.get(0).architecture().parameterCount())
                .isLessThan(residualCnns.get(1).architecture().parameterCount());
    }

    @Test
    void oneCandidateHasTheSameBitsOnOneTwoAndThreeThreads() {
        assertSameBitsOnOneTwoAndThreeThreads(tasks(List.of(residualCnns.get(1))));
    }

    @Test
    void twoCandidatesOfUnequalSizeHaveTheSameBitsOnOneTwoAndThreeThreads() {
        // on 2 threads the 16-filter one ends first and its thread helps the other; on 3 one thread helps throughout
        assertSameBitsOnOneTwoAndThreeThreads(tasks(residualCnns));
    }

    @Test
    void candidatesWatchedOnValidationDataHaveTheSameBitsOnOneTwoAndThreeThreads() {
        // the validation passes and the outputs of a candidate training alone split into row ranges
        assertSameBitsOnOneTwoAndThreeThreads(watchedTasks(residualCnns));
    }

    /** Trains the tasks on 1, 2 and 3 threads and compares every result float for float with the first. */
    private static void assertSameBitsOnOneTwoAndThreeThreads(List<TrainingTask> tasks) {
        List<TrainedCandidate> one = train(1, tasks);
        assertSameBits(one, train(2, tasks), 2);
        assertSameBits(one, train(3, tasks), 3);
    }

    @Test
    void batchedInferenceOnAWorkerHasItsRowRangesRunOnTheIdleOneWithTheSameBits() throws Exception {
        Network net =
                Backends.best().network(residualCnns.get(0).architecture()).initialize(3);
        float[] alone = net.logits(partitions.test());
        float[] halved = net.parameters().clone();
        for (int i = 0; i < halved.length; i++) {
            halved[i] *= 0.5f;
        }
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            StealingChunks stealing = new StealingChunks(pool);
            RangeRecorder recorder = new RangeRecorder(stealing);
            net.shareWork(recorder);
            float[] shared = pool.submit(() -> net.logits(partitions.test())).get();
            assertThat(shared).containsExactly(alone);
            // the second range's replica is kept between calls and follows the network's new parameters
            float[] before = net.parameters().clone();
            net.setParameters(halved);
            float[] sharedHalved =
                    pool.submit(() -> net.logits(partitions.test())).get();
            net.shareWork(Chunks.SEQUENTIAL);
            float[] aloneHalved = net.logits(partitions.test());
            assertThat(aloneHalved).isNotEqualTo(alone);
            assertThat(sharedHalved).containsExactly(aloneHalved);
            net.setParameters(before);
            // the outermost chunks are the row ranges, two a call (the layers' own chunks run inside them); some ran on
            // the other worker, which had nothing else to do
            assertThat(recorder.outermost.get()).isEqualTo(4);
            assertThat(recorder.outermostElsewhere.get()).isPositive();
            assertThat(stealing.helped()).isPositive();
        } finally {
            net.shareWork(Chunks.SEQUENTIAL);
            pool.shutdownNow();
        }
        // off the pool the rows are not split: each layer's chunks run in order on the calling thread
        assertThat(new StealingChunks(pool).mayShare()).isFalse();
        assertThat(Chunks.SEQUENTIAL.mayShare()).isFalse();
    }

    /** Counts the chunks of the outermost {@link Chunks#run} calls (not nested in a chunk) and who ran them. */
    private static final class RangeRecorder implements Chunks {
        private final Chunks delegate;
        private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
        final AtomicInteger outermost = new AtomicInteger();
        final AtomicInteger outermostElsewhere = new AtomicInteger();

        RangeRecorder(Chunks delegate) {
            this.delegate = delegate;
        }

        @Override
        public void run(int count, Chunk body) {
            boolean top = depth.get() == 0;
            Thread caller = Thread.currentThread();
            delegate.run(count, c -> {
                if (top) {
                    outermost.incrementAndGet();
                    if (Thread.currentThread() != caller) {
                        outermostElsewhere.incrementAndGet();
                    }
                }
                depth.set(depth.get() + 1);
                try {
                    body.run(c);
                } finally {
                    depth.set(depth.get() - 1);
                }
            });
        }

        @Override
        public boolean mayShare() {
            return delegate.mayShare();
        }
    }

    @Test
    void theTrainingThreadsKeepTheContextClassLoaderOfTheThreadThatMadeTheExecutor() throws Exception {
        // as a plain pool's threads would: a Spark task's loader, the plug-ins' (the default fork-join worker
        // factory would set the system one)
        Thread self = Thread.currentThread();
        ClassLoader before = self.getContextClassLoader();
        try (URLClassLoader mine = new URLClassLoader(new URL[0], before)) {
            self.setContextClassLoader(mine);
            Set<ClassLoader> seen = ConcurrentHashMap.newKeySet();
            try (LocalExecutor executor = new LocalExecutor(2, Backends.best())) {
                executor.train(
                        tasks(residualCnns),
                        (index, step, total) -> seen.add(Thread.currentThread().getContextClassLoader()));
            }
            assertThat(seen).containsExactly(mine);
        } finally {
            self.setContextClassLoader(before);
        }
    }

    @Test
    void aSingleCandidateOnTwoThreadsHasItsChunksRunOnBoth() {
        try (LocalExecutor executor = new LocalExecutor(2, Backends.best())) {
            executor.train(tasks(List.of(residualCnns.get(1))), TrainingProgress.NONE);
            // the idle worker takes chunks of the candidate's convolutions: each step offers several
            assertThat(executor.chunksHelped()).isPositive();
        }
        try (LocalExecutor executor = new LocalExecutor(1, Backends.best())) {
            executor.train(tasks(List.of(residualCnns.get(1))), TrainingProgress.NONE);
            assertThat(executor.chunksHelped()).isZero();
        }
    }
}
