package org.saepj.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.data.SourceData;
import org.saepj.engine.Backends;
import org.saepj.execution.LocalExecutor;
import org.saepj.search.AdaNetSearch;
import org.saepj.search.CheckpointSink;
import org.saepj.search.Experiment;
import org.saepj.search.IterationRecord;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchListener;
import org.saepj.search.SearchResult;
import org.saepj.search.SearchState;

/** A regression search learns a known function, the same for any thread count, and refuses class-only criteria. */
class RegressionSearchTest {
    /** y = 40 + 10·(1.5·x0 − x1 + x0·x2 + sin 2x2): smooth, in a unit far from the standardised one. */
    private static SourceData synthetic(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * 3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i * 3 + j] = (float) (rng.nextDouble() * 2 - 1);
            }
            y[i] = 40 + 10 * (1.5 * x[i * 3] - x[i * 3 + 1] + x[i * 3] * x[i * 3 + 2] + Math.sin(2 * x[i * 3 + 2]));
        }
        Dataset d = new Dataset("synthetic", x, new RealValues(y), Shape.vector(3));
        return new SourceData("synthetic", "synthetic", d, Optional.empty(), "0", false);
    }

    private static SearchConfig.Builder config() {
        return SearchConfig.builder()
                .iterations(3)
                .totalSteps(3000)
                .learningRate(0.01)
                .seed(5);
    }

    @Test
    void aKnownFunctionIsLearnedToAnR2Above095() {
        SearchResult r = Experiment.run(config().threads(1).build(), synthetic(1200, 1), SearchListener.NONE)
                .get(0);
        RegressionMetrics m = r.metrics().regression();
        assertThat(m).isNotNull();
        assertThat(m.r2()).isGreaterThan(0.95);
        assertThat(m.rmse()).isLessThan(0.25 * m.baselineRmse());
        assertThat(m.mae()).isLessThanOrEqualTo(m.rmse());
        // the ambiguity decomposition holds for the normalised combination
        assertThat(m.ensembleMse())
                .isCloseTo(
                        m.averageMemberMse() - m.averageAmbiguity(),
                        org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, m.averageMemberMse())));
        assertThat(r.metrics().classification()).isNull();
        assertThat(r.dataset().task()).isEqualTo(RegressionTask.ID);
        assertThat(r.dataset().classes()).isEmpty();
        assertThat(r.dataset().partition()).isEqualTo("random holdout: 20% test");
        IterationRecord last = r.iterations().get(r.iterations().size() - 1);
        assertThat(last.regression().rmse()).isEqualTo(m.rmse());
        assertThat(last.testAccuracy()).isNaN();
    }

    @Test
    void oneAndTwoThreadsGiveTheSameSearch() {
        // PIE's regression form prunes from three members on: five iterations reach it
        SearchConfig.Builder b = config().iterations(5).totalSteps(1000).method("pie");
        SearchResult one = Experiment.run(b.threads(1).build(), synthetic(300, 2), SearchListener.NONE)
                .get(0);
        SearchResult two = Experiment.run(b.threads(2).build(), synthetic(300, 2), SearchListener.NONE)
                .get(0);
        assertThat(two.metrics().regression()).isEqualTo(one.metrics().regression());
        assertThat(two.iterations()).hasSameSizeAs(one.iterations());
        for (int i = 0; i < one.iterations().size(); i++) {
            assertThat(two.iterations().get(i).memberIds())
                    .isEqualTo(one.iterations().get(i).memberIds());
            assertThat(two.iterations().get(i).selectionObjective())
                    .isEqualTo(one.iterations().get(i).selectionObjective());
            assertThat(two.iterations().get(i).regression())
                    .isEqualTo(one.iterations().get(i).regression());
        }
    }

    @Test
    void aResumedRegressionSearchEndsAsAnUninterruptedOne() {
        SearchConfig c =
                config().iterations(5).totalSteps(1000).method("pie").threads(1).build();
        SourceData data = synthetic(300, 4);
        Partitions p = Partitions.prepare(c, data).get(0);
        List<SearchState> states = new ArrayList<>();
        try (LocalExecutor executor = new LocalExecutor(1, Backends.best())) {
            SearchResult full = new AdaNetSearch(c, executor, Backends.best())
                    .run(p, Experiment.info(c, data, p), SearchListener.NONE, null, states::add);
            // resumed after iteration 2: the members' outputs are recomputed (restore), PIE prunes on them
            SearchResult resumed = new AdaNetSearch(c, executor, Backends.best())
                    .run(p, Experiment.info(c, data, p), SearchListener.NONE, states.get(2), CheckpointSink.NONE);
            assertThat(full.iterations().stream().anyMatch(i -> !i.pruned().isEmpty()))
                    .isTrue();
            assertThat(resumed.metrics().regression()).isEqualTo(full.metrics().regression());
            assertThat(resumed.iterations()).hasSameSizeAs(full.iterations());
            for (int i = 0; i < full.iterations().size(); i++) {
                assertThat(resumed.iterations().get(i).memberIds())
                        .isEqualTo(full.iterations().get(i).memberIds());
                assertThat(resumed.iterations().get(i).regression())
                        .isEqualTo(full.iterations().get(i).regression());
            }
        }
    }

    @Test
    void theStandardCriteriasRegressionFormsPruneASearchToTheirTargetSize() {
        for (String id : List.of("re", "topk", "drep")) {
            SearchConfig c = config().iterations(5)
                    .totalSteps(500)
                    .criterion(org.saepj.pruning.CriterionSpec.of(id, java.util.Map.of("keep", 2.0)))
                    .threads(1)
                    .build();
            SearchResult r =
                    Experiment.run(c, synthetic(200, 6), SearchListener.NONE).get(0);
            assertThat(r.iterations().stream().anyMatch(i -> !i.pruned().isEmpty()))
                    .as(id)
                    .isTrue();
            // pruned to two at the start of an iteration, after which one candidate may join
            assertThat(r.metrics().ensembleSize()).as(id).isLessThanOrEqualTo(3);
            assertThat(r.metrics().regression().rmse())
                    .as(id)
                    .isLessThan(r.metrics().regression().baselineRmse());
        }
    }

    @Test
    void aCriterionThatReadsClassesRefusesARegressionSearchNamingThoseThatApply() {
        SearchConfig c = config().totalSteps(30).method("kappa").threads(1).build();
        assertThatThrownBy(() -> Experiment.run(c, synthetic(100, 3), SearchListener.NONE))
                .hasMessageStartingWith("criterion kappa judges members by their predicted classes")
                .hasMessageEndingWith("use adanet, prs, pap, pie, drep, es, re, rnd, topk")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aComparisonRefusesAClassOnlyCriterionBeforeItsFirstRun(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        org.saepj.run.ComparisonPlan plan = new org.saepj.run.ComparisonPlan(
                config().totalSteps(30).threads(1).build(),
                List.of(org.saepj.run.ComparedMethod.search("adanet"), org.saepj.run.ComparedMethod.search("cm")),
                List.of(org.saepj.search.Mixture.UNIFORM),
                List.of(1L),
                0,
                java.util.Map.of());
        assertThatThrownBy(() -> org.saepj.run.Comparison.run(
                        plan, synthetic(100, 3), dir, false, lock -> {}, org.saepj.run.ComparisonListener.NONE))
                .hasMessageStartingWith("criterion cm judges members by their predicted classes")
                .hasMessageNotContaining("\n");
        // adanet, listed first, never ran: nothing was written
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void targetsAreStandardisedWithTheTrainingPartsMeanAndScale() {
        RealValues train = new RealValues(new double[] {1, 3, 5, 7});
        assertThat(train.mean()).isEqualTo(4);
        assertThat(train.scale()).isEqualTo(Math.sqrt(5));
        RealValues test = (RealValues) RegressionTask.INSTANCE.prepared(new RealValues(new double[] {100, 200}), train);
        assertThat(test.mean()).isEqualTo(4);
        assertThat(test.standardised(0)).isEqualTo((100 - 4) / Math.sqrt(5));
        assertThat(test.toValue(test.standardised(1))).isCloseTo(200, org.assertj.core.data.Offset.offset(1e-12));
        // the uninformed loss is that of predicting the training mean: the standardised variance, 1 on training
        assertThat(RegressionTask.INSTANCE.uninformedLoss(train))
                .isCloseTo(1, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void theSquaredErrorsGradientMatchesFiniteDifferences() {
        RealValues y = new RealValues(new double[] {2, -1, 0.5, 4});
        Loss loss = RegressionTask.INSTANCE.loss(y);
        float[] out = {0.3f, -0.2f, 0.1f, 0.9f};
        int[] rows = {3, 0, 2, 1};
        float[] grad = new float[4];
        float l = loss.batch(out, rows, 4, grad);
        for (int b = 0; b < 4; b++) {
            float[] up = out.clone();
            float[] down = out.clone();
            up[b] += 1e-2f;
            down[b] -= 1e-2f;
            double numeric = (loss.batch(up, rows, 4, null) - loss.batch(down, rows, 4, null)) / 2e-2;
            assertThat((double) grad[b]).isCloseTo(numeric, org.assertj.core.data.Offset.offset(1e-3));
        }
        double expected = 0;
        for (int b = 0; b < 4; b++) {
            double e = out[b] - y.standardised(rows[b]);
            expected += e * e / 4;
        }
        assertThat((double) l).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void splitsAreRandomNotStratifiedAndCoverEverySample() {
        RealValues y = new RealValues(seq(50));
        int[][] folds = RegressionTask.INSTANCE.folds(y, 5, 7);
        assertThat(folds).hasNumberOfRows(5);
        assertThat(java.util.Arrays.stream(folds).mapToInt(f -> f.length).sum()).isEqualTo(50);
        Holdout h = RegressionTask.INSTANCE.holdout(y, 0.2, 7);
        assertThat(h.heldOut()).hasSize(10);
        assertThat(h.kept()).hasSize(40);
        int[] all = java.util.stream.IntStream.concat(
                        java.util.Arrays.stream(h.kept()), java.util.Arrays.stream(h.heldOut()))
                .sorted()
                .toArray();
        assertThat(all).isEqualTo(java.util.stream.IntStream.range(0, 50).toArray());
    }

    private static double[] seq(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }
}
