package org.saepj.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.engine.Network;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.layer.StealingChunks;
import org.saepj.engine.optim.Optimizer;
import org.saepj.engine.optim.OptimizerSpec;

/**
 * The time-to-accuracy row's procedure, without timing: when it stops, what it reports, that the engines take turns on
 * the same batches and learning rates, and that both engines run.
 */
class TimeToAccuracyTest {
    private static final Dataset DATA = ResidualCnnTest.tiny(128);
    /** The first image of {@link #DATA} twenty times, labelled with both classes in turn. */
    private static final Dataset UNLEARNABLE = unlearnable(20);

    /** Predicts every sample right once it has taken {@code after} steps, class 0 before. */
    private static TimeToAccuracy.Trainee learnsAfter(int after) {
        return new TimeToAccuracy.Trainee() {
            private int steps;

            @Override
            public void step(float[] x, int[] rows, float[] labels, int batch, float learningRate) {
                steps++;
            }

            @Override
            public long[] predict(float[] x, int count) {
                long[] out = new long[count];
                for (int i = 0; i < count; i++) {
                    // The tiny set's class: whether the top half is the bright one.
                    out[i] = steps >= after && x[i * 64] < 0.5f ? 1 : 0;
                }
                return out;
            }
        };
    }

    @Test
    void stopsAtTheFirstCheckThatReachesTheTarget() throws Exception {
        TimeToAccuracy.Settings s = new TimeToAccuracy.Settings(0.9, 100, 10, 1000, 0.01f, 16);
        TimeToAccuracy.Result r = TimeToAccuracy.run(learnsAfter(25), DATA, DATA, s);
        assertThat(r.reached()).isTrue();
        assertThat(r.steps()).isEqualTo(30);
        assertThat(r.accuracy()).isEqualTo(1.0);
        assertThat(r.seconds()).isNotNegative();
    }

    @Test
    void reportsAnUnreachedTargetAtTheStepCap() throws Exception {
        TimeToAccuracy.Settings s = new TimeToAccuracy.Settings(0.9, 100, 10, 25, 0.01f, 16);
        TimeToAccuracy.Result r = TimeToAccuracy.run(learnsAfter(1000), DATA, DATA, s);
        assertThat(r.reached()).isFalse();
        assertThat(r.steps()).isEqualTo(25);
        assertThat(r.accuracy()).isEqualTo(0.5);
    }

    @Test
    void measuresTheAccuracyOnTheFirstTestSamplesOnly() throws Exception {
        // 50 samples: 25 of each class, across a partial last chunk.
        assertThat(TimeToAccuracy.accuracy(learnsAfter(1), DATA, 50)).isEqualTo(0.5);
    }

    @Test
    void bothEnginesRunItOnATinySize() throws Exception {
        Engine.getEngine("PyTorch");
        ResidualCnn net = new ResidualCnn(new Shape(8, 8, 1), 4, 1, 8, 2);
        TimeToAccuracy.Settings s = new TimeToAccuracy.Settings(0.5, 70, 5, 10, 0.01f, 16);
        for (TimeToAccuracy.Result r :
                TimeToAccuracy.bothEngines(net, DATA, DATA, s, 2, TimeToAccuracy.Progress.NONE)) {
            assertThat(r.steps()).isBetween(5L, 10L);
            assertThat(r.accuracy()).isBetween(0.0, 1.0);
            assertThat(r.reached()).isEqualTo(r.accuracy() >= 0.5);
        }
    }

    /**
     * On two threads ours trains its one network on a worker of a pool whose idle worker takes the layers' chunks: the
     * same parameters, bit for bit, as on the calling thread alone (16 filters: the Winograd block splits by image).
     */
    @Test
    void oursOnTwoThreadsTakesTheStepsOfOneThreadBitForBit() throws Exception {
        ResidualCnn net = new ResidualCnn(new Shape(8, 8, 1), 16, 1, 8, 2);
        TimeToAccuracy.Settings s = new TimeToAccuracy.Settings(1.0, 20, 3, 7, 0.05f, 16, 5e-4f);
        Network one = new Network(net.architecture(), KernelsProvider.best()).initialize(1);
        Network two = new Network(net.architecture(), KernelsProvider.best()).initialize(1);
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            StealingChunks chunks = new StealingChunks(pool);
            TimeToAccuracy.Trainee onTwo =
                    TimeToAccuracy.onWorker(TimeToAccuracy.ours(two.shareWork(chunks), DATA, 5e-4f), pool);
            List<TimeToAccuracy.Result> r = TimeToAccuracy.run(
                    List.of(TimeToAccuracy.ours(one, DATA, 5e-4f), onTwo),
                    DATA,
                    UNLEARNABLE,
                    s,
                    TimeToAccuracy.Progress.NONE);
            assertThat(r).extracting(TimeToAccuracy.Result::steps).containsExactly(7L, 7L);
            assertThat(two.parameters()).isEqualTo(one.parameters());
            assertThat(two.state()).isEqualTo(one.state());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theLearningRateDecaysAlongACosineToZeroOverTheSteps() {
        TimeToAccuracy.Settings s = new TimeToAccuracy.Settings(0.9, 10, 10, 100, 0.05f, 16);
        assertThat(s.learningRate(0)).isEqualTo(0.05f);
        assertThat(s.learningRate(50)).isCloseTo(0.025f, within(1e-6f));
        assertThat(s.learningRate(99)).isPositive().isLessThan(1e-4f);
    }

    @Test
    void theSidesTakeTurnsOfACheckEachOnTheSameBatchesAndRates() throws Exception {
        List<String> turns = new ArrayList<>();
        Recorder fast = new Recorder("fast", 25, turns);
        Recorder slow = new Recorder("slow", 1000, turns);
        TimeToAccuracy.Settings s = new TimeToAccuracy.Settings(0.9, 100, 10, 45, 0.05f, 16);
        List<TimeToAccuracy.Result> r =
                TimeToAccuracy.run(List.of(fast, slow), DATA, DATA, s, TimeToAccuracy.Progress.NONE);
        // fast reaches the target at its third check and sits out the rest; slow trains to the cap's partial turn.
        assertThat(turns)
                .containsExactly("fast 10", "slow 10", "fast 10", "slow 10", "fast 10", "slow 10", "slow 10", "slow 5");
        assertThat(r.get(0))
                .extracting(TimeToAccuracy.Result::steps, TimeToAccuracy.Result::reached)
                .containsExactly(30L, true);
        assertThat(r.get(1))
                .extracting(TimeToAccuracy.Result::steps, TimeToAccuracy.Result::reached)
                .containsExactly(45L, false);
        assertThat(slow.rows.subList(0, fast.rows.size())).isEqualTo(fast.rows);
        assertThat(slow.rates.subList(0, fast.rates.size())).isEqualTo(fast.rates);
        for (int k = 0; k < slow.rates.size(); k++) {
            assertThat(slow.rates.get(k)).isEqualTo(s.learningRate(k));
        }
    }

    @Test
    void bothEnginesTakeTheSameBatchesAndTheScheduledRateEveryStep() throws Exception {
        Engine.getEngine("PyTorch");
        ResidualCnn net = new ResidualCnn(new Shape(8, 8, 1), 4, 1, 8, 2);
        TimeToAccuracy.Settings s = new TimeToAccuracy.Settings(1.0, 20, 3, 7, 0.05f, 16);
        List<String> turns = new ArrayList<>();
        try (DjlTrainer djl = new DjlTrainer(net.djlBlock(), new long[] {1, 8, 8}, 0.5f, s.batch())) {
            Network oursNet = new Network(net.architecture(), KernelsProvider.best()).initialize(1);
            Recorder ours = new Recorder("ours", TimeToAccuracy.ours(oursNet, DATA, 0), turns);
            Recorder pytorch = new Recorder("djl", TimeToAccuracy.djl(djl), turns);
            // A test set no network can get right beyond half: neither side stops before the cap.
            List<TimeToAccuracy.Result> r =
                    TimeToAccuracy.run(List.of(ours, pytorch), DATA, UNLEARNABLE, s, TimeToAccuracy.Progress.NONE);
            assertThat(turns).containsExactly("ours 3", "djl 3", "ours 3", "djl 3", "ours 1", "djl 1");
            assertThat(r).extracting(TimeToAccuracy.Result::steps).containsExactly(7L, 7L);
            assertThat(pytorch.rows).isEqualTo(ours.rows);
            assertThat(pytorch.rates).isEqualTo(ours.rates).hasSize(7).doesNotHaveDuplicates();
            // PyTorch's optimizer took the last step's rate, not the trainer's first one.
            assertThat(djl.appliedRate()).isEqualTo(s.learningRate(6));
        }
    }

    @Test
    void oursTakesTheSameUpdatesAsPyTorchsSgdWhenTheRateChanges() {
        Engine.getEngine("PyTorch");
        float[] rates = {0.1f, 0.2f, 0.05f};
        float[] rate = {0};
        // The optimizer as DjlTrainer builds it: a tracker giving the step's rate, momentum 0.9.
        ai.djl.training.optimizer.Optimizer sgd = ai.djl.training.optimizer.Optimizer.sgd()
                .setLearningRateTracker((ai.djl.training.tracker.Tracker) numUpdate -> rate[0])
                .optMomentum(0.9f)
                .build();
        Optimizer folded = new FoldedMomentumSgd(0.9f, 2);
        Optimizer engine = new OptimizerSpec.SgdMomentum(1f, 0.9f, 0).create(2);
        float[] params = {1f, -2f};
        float[] engineParams = params.clone();
        float[] grads = {1f, 0.5f};
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray w = m.create(params.clone());
            for (float r : rates) {
                rate[0] = r;
                sgd.update("w", w, m.create(grads));
                folded.learningRateFactor(r);
                folded.step(params, grads);
                engine.learningRateFactor(r);
                engine.step(engineParams, grads);
            }
            // DJL's form, buf ← 0.9·buf − lr·g, θ ← θ + buf: 1 − 0.1 − 0.29 − 0.311 = 0.299.
            assertThat(params[0]).isCloseTo(0.299f, within(1e-6f));
            assertThat(w.toFloatArray()).containsExactly(params, within(1e-6f));
            assertThat(folded.steps()).isEqualTo(3);
            // The engine's form, buf ← 0.9·buf + g, θ ← θ − lr·buf, differs once the rate changes: 1 − 0.1·1 −
            // 0.2·1.9 − 0.05·2.71 = 0.3845; hence the tta row's own optimizer.
            assertThat(engineParams[0]).isCloseTo(0.3845f, within(1e-6f));
        }
    }

    @Test
    void oursDecaysTheWeightsAsPyTorchsSgdDoes() {
        Engine.getEngine("PyTorch");
        float[] rates = {0.1f, 0.2f, 0.05f, 0.3f};
        float[] rate = {0};
        float decay = 0.05f;
        // DjlTrainer's optimizer with weight decay: λ·θ joins the gradient before the momentum.
        ai.djl.training.optimizer.Optimizer sgd = ai.djl.training.optimizer.Optimizer.sgd()
                .setLearningRateTracker((ai.djl.training.tracker.Tracker) numUpdate -> rate[0])
                .optMomentum(0.9f)
                .optWeightDecays(decay)
                .build();
        Optimizer folded = new FoldedMomentumSgd(0.9f, decay, 3);
        Optimizer undecayed = new FoldedMomentumSgd(0.9f, 3);
        float[] params = {1f, -2f, 0.25f};
        float[] plain = params.clone();
        float[] grads = {1f, 0.5f, 0f};
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray w = m.create(params.clone());
            for (float r : rates) {
                rate[0] = r;
                sgd.update("w", w, m.create(grads));
                folded.learningRateFactor(r);
                folded.step(params, grads);
                undecayed.learningRateFactor(r);
                undecayed.step(plain, grads);
            }
            assertThat(w.toFloatArray()).containsExactly(params, within(1e-6f));
            // By hand, first step: buf = −0.1·(1 + 0.05·1) = −0.105, θ = 0.895.
            float[] one = {1f};
            Optimizer single = new FoldedMomentumSgd(0.9f, decay, 1);
            single.learningRateFactor(0.1f);
            single.step(one, new float[] {1f});
            assertThat(one[0]).isCloseTo(0.895f, within(1e-7f));
            // A parameter without gradient shrinks toward 0, and the decay changes every parameter.
            assertThat(params[2]).isPositive().isLessThan(0.25f);
            assertThat(plain[2]).isEqualTo(0.25f);
            assertThat(params[0]).isLessThan(plain[0]);
        }
    }

    @Test
    void foldedMomentumIsTheEnginesSgdAtAConstantRate() {
        Optimizer folded = new FoldedMomentumSgd(0.9f, 3);
        Optimizer engine = new OptimizerSpec.SgdMomentum(0.05f, 0.9f, 0).create(3);
        folded.learningRateFactor(0.05f);
        float[] a = {0.5f, -1f, 2f};
        float[] b = a.clone();
        for (int s = 0; s < 20; s++) {
            float[] g = {0.3f - 0.01f * s, 1f, -0.2f * (s % 3)};
            folded.step(a, g);
            engine.step(b, g);
        }
        assertThat(a).containsExactly(b, within(1e-5f));
    }

    /** Records each step's rows and learning rate, and each turn's steps, around a trainee. */
    private static final class Recorder implements TimeToAccuracy.Trainee {
        private final String name;
        private final TimeToAccuracy.Trainee inner;
        private final List<String> turns;
        private final List<List<Integer>> rows = new ArrayList<>();
        private final List<Float> rates = new ArrayList<>();
        private int turnSteps;

        Recorder(String name, int learnsAfter, List<String> turns) {
            this(name, learnsAfter(learnsAfter), turns);
        }

        Recorder(String name, TimeToAccuracy.Trainee inner, List<String> turns) {
            this.name = name;
            this.inner = inner;
            this.turns = turns;
        }

        @Override
        public void step(float[] x, int[] batchRows, float[] labels, int batch, float learningRate) throws Exception {
            rows.add(java.util.Arrays.stream(batchRows).boxed().toList());
            rates.add(learningRate);
            turnSteps++;
            inner.step(x, batchRows, labels, batch, learningRate);
        }

        @Override
        public long[] predict(float[] x, int count) throws Exception {
            if (turnSteps > 0) {
                turns.add(name + " " + turnSteps);
                turnSteps = 0;
            }
            return inner.predict(x, count);
        }
    }

    @Test
    void refusesANegativeWeightDecay() {
        assertThatThrownBy(() -> new TimeToAccuracy.Settings(0.9, 10, 10, 10, 0.01f, 16, -1e-4f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight decay ≥ 0");
    }

    @Test
    void refusesATargetOutsideZeroToOne() {
        assertThatThrownBy(() -> new TimeToAccuracy.Settings(1.5, 10, 10, 10, 0.01f, 16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target in (0, 1]");
    }

    private static Dataset unlearnable(int n) {
        float[] x = new float[n * 64];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(DATA.features(), 0, x, i * 64, 64);
            y[i] = i % 2;
        }
        return new Dataset("unlearnable", x, y, DATA.shape(), List.of("top", "bottom"));
    }
}
