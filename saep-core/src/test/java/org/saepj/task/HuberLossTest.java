package org.saepj.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

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
import org.saepj.persistence.JsonFormat;
import org.saepj.search.AdaNetSearch;
import org.saepj.search.CheckpointSink;
import org.saepj.search.Experiment;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchListener;
import org.saepj.search.SearchResult;
import org.saepj.search.SearchState;

/** Huber's loss for regression: its gradient, its robustness to gross target errors, its configuration and resume. */
class HuberLossTest {
    private static final RegressionLoss HUBER = RegressionLoss.huber(0.5);

    @Test
    void theGradientIsTheLossesFiniteDifference() {
        double h = 1e-6;
        for (double e : new double[] {-3, -0.7, -0.2, 0, 0.1, 0.49, 0.51, 2.5}) {
            double numeric = (HUBER.value(e + h) - HUBER.value(e - h)) / (2 * h);
            assertThat(HUBER.derivative(e)).as("e = %s", e).isCloseTo(numeric, offset(1e-6));
        }
        // squared error inside δ, linear beyond, continuous at δ
        assertThat(HUBER.value(0.3)).isCloseTo(0.09, offset(1e-15));
        assertThat(HUBER.value(2)).isCloseTo(2 * 0.5 * 2 - 0.25, offset(1e-15));
        assertThat(HUBER.value(0.5 + 1e-12)).isCloseTo(HUBER.value(0.5), offset(1e-9));

        // the loss the networks train with: a batch's gradient against its mean loss's finite difference
        RealValues y = new RealValues(new double[] {3, -1, 10, 0.5, 2}).withLoss(HUBER);
        Loss loss = RegressionTask.INSTANCE.loss(y);
        float[] out = {0.2f, -0.4f, 0.1f, 1.5f, -2f};
        int[] rows = {0, 1, 2, 3, 4};
        float[] grad = new float[5];
        loss.batch(out, rows, 5, grad);
        double[] combined = new double[1];
        double[] delta = new double[1];
        for (int i = 0; i < 5; i++) {
            float[] up = out.clone();
            float[] down = out.clone();
            up[i] += 1e-2f;
            down[i] -= 1e-2f;
            double numeric = (loss.batch(up, rows, 5, null) - loss.batch(down, rows, 5, null)) / (up[i] - down[i]);
            assertThat((double) grad[i]).as("sample %s", i).isCloseTo(numeric, offset(1e-3));
            combined[0] = out[i];
            loss.sampleGradient(combined, i, delta);
            assertThat(delta[0]).isCloseTo(5 * grad[i], offset(1e-5));
        }
        assertThat(loss.mean(out)).isCloseTo(loss.batch(out, rows, 5, null), offset(1e-6));
    }

    /** y = 2·x0 − x1 + small noise; the first rows get +20 in training (gross errors), none in test. */
    private static Dataset rows(int n, long seed, double outlierShare) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * 2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i * 2] = (float) (rng.nextDouble() * 2 - 1);
            x[i * 2 + 1] = (float) (rng.nextDouble() * 2 - 1);
            y[i] = 2 * x[i * 2] - x[i * 2 + 1] + 0.1 * (rng.nextDouble() - 0.5);
            if (rng.nextDouble() < outlierShare) {
                y[i] += 20;
            }
        }
        return new Dataset("outliers", x, new RealValues(y), Shape.vector(2));
    }

    private static SourceData withOutliers() {
        return new SourceData("outliers", "outliers", rows(800, 1, 0.15), Optional.of(rows(300, 2, 0)), "0", false);
    }

    private static SearchConfig.Builder config() {
        return SearchConfig.builder()
                .iterations(3)
                .totalSteps(1500)
                .learningRate(0.01)
                .threads(1)
                .seed(3);
    }

    @Test
    void withGrossErrorsInTheTargetsHuberPredictsTheCleanTestRowsBetter() {
        SearchResult squared = Experiment.run(config().build(), withOutliers(), SearchListener.NONE)
                .get(0);
        SearchResult huber = Experiment.run(config().regressionLoss(HUBER).build(), withOutliers(), SearchListener.NONE)
                .get(0);
        double squaredRmse = squared.metrics().regression().rmse();
        double huberRmse = huber.metrics().regression().rmse();
        // squared error follows the +20s by about their share (3 units); Huber's clipped gradient much less
        assertThat(huberRmse).isLessThan(0.5 * squaredRmse);
        assertThat(squaredRmse).isGreaterThan(1.5);
    }

    @Test
    void theLossIsStoredInTheConfigurationAndAnOldOneTrainedOnSquaredError() throws Exception {
        SearchConfig c = config().regressionLoss(HUBER).build();
        String json = JsonFormat.mapper().writeValueAsString(c);
        assertThat(json).contains("\"kind\" : \"huber\"");
        assertThat(JsonFormat.mapper().readValue(json, SearchConfig.class)).isEqualTo(c);
        assertThat(c.toString()).contains("regressionLoss=huber:0.5");
        com.fasterxml.jackson.databind.node.ObjectNode old = (com.fasterxml.jackson.databind.node.ObjectNode)
                JsonFormat.mapper().valueToTree(config().build());
        ((com.fasterxml.jackson.databind.node.ObjectNode) old.get("objective")).remove("loss");
        SearchConfig read = JsonFormat.mapper().treeToValue(old, SearchConfig.class);
        assertThat(read.regressionLoss()).isEqualTo(RegressionLoss.SQUARED);
        assertThat(read).isEqualTo(config().build());
        assertThat(RegressionLoss.parse("huber")).isEqualTo(RegressionLoss.huber(RegressionLoss.DEFAULT_DELTA));
        assertThat(RegressionLoss.parse(" Huber:0.5 ")).isEqualTo(HUBER);
        assertThatThrownBy(() -> RegressionLoss.parse("absolute"))
                .hasMessage("'absolute': expected squared, huber or huber:D (D in standard deviations)");
        assertThatThrownBy(() -> RegressionLoss.parse("huber:-1")).hasMessageContaining("positive");
    }

    @Test
    void aResumedHuberSearchEndsAsAnUninterruptedOne() {
        SearchConfig c =
                config().iterations(4).totalSteps(800).regressionLoss(HUBER).build();
        SourceData data = withOutliers();
        Partitions p = Partitions.prepare(c, data).get(0);
        assertThat(((RealValues) p.train().targets()).loss()).isEqualTo(HUBER);
        List<SearchState> states = new ArrayList<>();
        try (LocalExecutor executor = new LocalExecutor(1, Backends.best())) {
            SearchResult full = new AdaNetSearch(c, executor, Backends.best())
                    .run(p, Experiment.info(c, data, p), SearchListener.NONE, null, states::add);
            SearchResult resumed = new AdaNetSearch(c, executor, Backends.best())
                    .run(p, Experiment.info(c, data, p), SearchListener.NONE, states.get(1), CheckpointSink.NONE);
            assertThat(resumed.metrics().regression()).isEqualTo(full.metrics().regression());
            assertThat(resumed.config().regressionLoss()).isEqualTo(HUBER);
        }
    }

    @Test
    void aClassificationSearchRefusesHuberInOneLine() {
        SplittableRandom rng = new SplittableRandom(1);
        float[] x = new float[60 * 2];
        int[] labels = new int[60];
        for (int i = 0; i < 60; i++) {
            x[i * 2] = (float) rng.nextDouble();
            x[i * 2 + 1] = (float) rng.nextDouble();
            labels[i] = x[i * 2] > 0.5 ? 1 : 0;
        }
        Dataset d = new Dataset("two", x, new ClassLabels(labels, List.of("a", "b")), Shape.vector(2));
        SourceData data = new SourceData("two", "two", d, Optional.empty(), "0", false);
        assertThatThrownBy(
                        () -> Partitions.prepare(config().regressionLoss(HUBER).build(), data)
                                .get(0))
                .hasMessage("regressionLoss is huber:0.5, which a classification search does not take: it applies to"
                        + " regression only");
    }
}
