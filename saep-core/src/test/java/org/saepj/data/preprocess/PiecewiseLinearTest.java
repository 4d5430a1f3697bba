package org.saepj.data.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.persistence.JsonFormat;

/** The piecewise-linear encoding with quantile bins: edges from the training part, T values a feature in [0, 1]. */
class PiecewiseLinearTest {
    private static final ObjectMapper JSON = JsonFormat.mapper();

    private static Dataset rows(float[] x, int features) {
        int n = x.length / features;
        return new Dataset("t", x, new int[n], Shape.vector(features), List.of("a", "b"));
    }

    /**
     * 200 rows of four features: a skewed one of many values, a 0/1 one, one of three levels and a constant one.
     */
    private static Dataset train() {
        SplittableRandom rng = new SplittableRandom(3);
        float[] x = new float[200 * 4];
        for (int i = 0; i < 200; i++) {
            x[i * 4] = (float) Math.exp(2 * rng.nextGaussian());
            x[i * 4 + 1] = i % 3 == 0 ? 1 : 0;
            x[i * 4 + 2] = i % 3 * 5;
            x[i * 4 + 3] = 7;
        }
        return rows(x, 4);
    }

    @Test
    void edgesAreTheTrainingQuantilesOrEveryDistinctValueOfAFewValuedFeature() {
        PiecewiseLinear p = new PiecewiseLinear.Kind().fit(train());
        float[][] e = p.edges();
        assertThat(e[0]).hasSize(PiecewiseLinear.Kind.MAX_BINS + 1).isSorted();
        float[] column = new float[200];
        for (int i = 0; i < 200; i++) {
            column[i] = train().features()[i * 4];
        }
        java.util.Arrays.sort(column);
        // order statistics at t/16 of the 199 gaps between sorted values: the least, ..., the greatest
        assertThat(e[0][0]).isEqualTo(column[0]);
        assertThat(e[0][8]).isEqualTo(column[Math.round(8 * 199f / 16)]);
        assertThat(e[0][16]).isEqualTo(column[199]);
        assertThat(e[1]).containsExactly(0f, 1f);
        assertThat(e[2]).containsExactly(0f, 5f, 10f);
        assertThat(e[3]).containsExactly(7f);
        assertThat(p.outputWidth(4)).isEqualTo(16 + 1 + 2 + 1);
        assertThat(p.inputWidth()).hasValue(4);
        // repeated quantiles (a feature mostly 0) are kept once: fewer bins
        float[] sorted = new float[100];
        for (int i = 80; i < 100; i++) {
            sorted[i] = i - 79;
        }
        assertThat(PiecewiseLinear.Kind.edges(sorted, 16)).containsExactly(0f, 1f, 8f, 14f, 20f);
    }

    @Test
    void encodesAValueAsFullBinsBelowItAPartialBinAndEmptyBinsAbove() {
        PiecewiseLinear p = new PiecewiseLinear(new float[][] {{0, 1, 3, 7}, {2}});
        float[] out = p.apply(rows(new float[] {2, 2, 1, 9, 7, 2}, 2)).features();
        assertThat(out).hasSize(3 * 4);
        // 2 lies halfway through [1, 3]; the constant feature gives 0 whatever its value
        assertThat(java.util.Arrays.copyOfRange(out, 0, 4)).containsExactly(1f, 0.5f, 0f, 0f);
        assertThat(java.util.Arrays.copyOfRange(out, 4, 8)).containsExactly(1f, 0f, 0f, 0f);
        assertThat(java.util.Arrays.copyOfRange(out, 8, 12)).containsExactly(1f, 1f, 1f, 0f);
        // the first bin is open below and the last open above, as in the paper
        float[] beyond = p.apply(rows(new float[] {-1, 2, 11, 2}, 2)).features();
        assertThat(java.util.Arrays.copyOfRange(beyond, 0, 4)).containsExactly(-1f, 0f, 0f, 0f);
        assertThat(java.util.Arrays.copyOfRange(beyond, 4, 8)).containsExactly(1f, 1f, 2f, 0f);
    }

    @Test
    void theTrainingPartLiesInZeroToOneAndTheSumRisesWithTheValue() {
        Dataset train = train();
        PiecewiseLinear p = new PiecewiseLinear.Kind().fit(train);
        float[] out = p.apply(train).features();
        for (float v : out) {
            assertThat(v).isBetween(0f, 1f);
        }
        // the 0/1 feature passes as it is
        int width = p.outputWidth(4);
        for (int i = 0; i < 200; i++) {
            assertThat(out[i * width + 16]).isEqualTo(train.features()[i * 4 + 1]);
        }
        // monotone: a larger value never lowers any output, and the sum of the first feature's outputs rises
        float[] grid = new float[401 * 4];
        for (int i = 0; i <= 400; i++) {
            grid[i * 4] = -5 + i * 0.1f;
        }
        float[] g = p.apply(rows(grid, 4)).features();
        for (int i = 1; i <= 400; i++) {
            float sum = 0;
            float before = 0;
            for (int k = 0; k < 16; k++) {
                assertThat(g[i * width + k]).isGreaterThanOrEqualTo(g[(i - 1) * width + k]);
                sum += g[i * width + k];
                before += g[(i - 1) * width + k];
            }
            assertThat(sum).isGreaterThan(before);
        }
    }

    @Test
    void gapsAreLeftOutOfTheEdgesAndStayGaps() {
        float[] x = {1, Float.NaN, 2, 3};
        PiecewiseLinear p = new PiecewiseLinear.Kind().fit(rows(x, 1));
        assertThat(p.edges()[0]).containsExactly(1f, 2f, 3f);
        assertThat(p.apply(rows(new float[] {Float.NaN}, 1)).features()).containsOnly(Float.NaN);
        float[] none = {Float.NaN, Float.NaN};
        assertThat(new PiecewiseLinear.Kind().fit(rows(none, 1)).edges()[0])
                .as("a feature with no value at all is constant")
                .containsExactly(0f);
    }

    @Test
    void isStoredByTypeNameAndReadBackAndChecked() throws Exception {
        Pipeline p = new Pipeline(List.of(new PiecewiseLinear(new float[][] {{0, 1.5f, 4}, {2}})));
        String json = JSON.writeValueAsString(p);
        assertThat(json)
                .contains("\"type\" : \"piecewise-linear\"", "\"edges\"")
                .doesNotContain("org.saepj");
        PiecewiseLinear back =
                (PiecewiseLinear) JSON.readValue(json, Pipeline.class).steps().get(0);
        assertThat(back.edges()[0]).containsExactly(0f, 1.5f, 4f);
        assertThat(back.edges()[1]).containsExactly(2f);
        back.check(2);
        Dataset d = rows(new float[] {1, 2, 5, 2}, 2);
        assertThat(back.apply(d).features())
                .containsExactly(p.steps().get(0).apply(d).features(), Offset.offset(0f));
        assertThatThrownBy(() -> back.check(3)).hasMessage("piecewise-linear needs the edges of 3 features");
        assertThatThrownBy(() -> new PiecewiseLinear(new float[][] {{0, 2, 2}}).check(1))
                .hasMessage("piecewise-linear feature 0 has edges [0.0, 2.0, 2.0]: expected finite numbers in"
                        + " ascending order, none repeated");
        assertThatThrownBy(() -> new PiecewiseLinear(new float[][] {{}}).check(1))
                .hasMessage("piecewise-linear feature 0 has no edges: expected at least one");
        assertThatThrownBy(() -> new Pipeline(List.of(back)).check(5))
                .hasMessage("the preprocessing steps give 3 values per sample, the members take 5");
    }

    @Test
    void replacesStandardizeInTheDefaultPlansOnlyWhenAsked() {
        assertThat(Pipeline.plan(Shape.vector(3), false, Scaling.PLE)).containsExactly("piecewise-linear");
        assertThat(Pipeline.plan(Shape.vector(3), true, Scaling.PLE))
                .containsExactly("impute", "one_hot", "piecewise-linear");
        assertThat(Pipeline.plan(Shape.vector(3), true, Scaling.STANDARD))
                .containsExactly("impute", "one_hot", "standardize");
        assertThat(Pipeline.plan(new Shape(4, 4, 1), false, Scaling.PLE)).containsExactly("scale");
        assertThat(Scaling.parse("PLE")).isEqualTo(Scaling.PLE);
        assertThat(Scaling.PLE.id()).isEqualTo("ple");
    }
}
