package org.saepj.data.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.persistence.JsonFormat;

/** The robust scaling of tables: median and interquartile range of the training part, then a soft clip to ±3. */
class RobustScaleTest {
    private static final ObjectMapper JSON = JsonFormat.mapper();

    /** Rows of three features: a skewed one with an outlier, a mostly-zero one, a constant one. */
    private static Dataset train() {
        float[] x = {
            1, 0, 5,
            2, 0, 5,
            3, 0, 5,
            4, 0, 5,
            100, 8, 5
        };
        return new Dataset("t", x, new int[5], Shape.vector(3), List.of("a", "b"));
    }

    @Test
    void fitsTheMedianAndInterquartileRangeWithFallbacksForFlatColumns() {
        RobustScale s = new RobustScale.Kind().fit(train());
        // NumPy's quantiles of 1, 2, 3, 4, 100: median 3, quartiles 2 and 4
        assertThat(s.median()).containsExactly(3f, 0f, 5f);
        // quartiles 0 and 0: half the range, 8 / 2; a constant column: 1
        assertThat(s.scale()).containsExactly(2f, 4f, 1f);
    }

    @Test
    void softlyClipsSoThatNoValueReachesBeyondThree() {
        RobustScale s = new RobustScale.Kind().fit(train());
        float[] out = s.apply(train()).features();
        // z = (x − 3) / 2; z / sqrt(1 + (z/3)²)
        assertThat(out[0]).isCloseTo(expected(-1f), Offset.offset(1e-7f));
        assertThat(out[3 * 3]).isCloseTo(expected(0.5f), Offset.offset(1e-7f));
        assertThat(out[4 * 3])
                .isCloseTo(expected(48.5f), Offset.offset(1e-7f))
                .isLessThan(3f)
                .isGreaterThan(2.9f);
        assertThat(out[4 * 3 + 1]).isCloseTo(expected(2f), Offset.offset(1e-7f));
        assertThat(out[2]).isZero();
        // small values pass almost unchanged, the sign is kept
        assertThat(expected(0.1f)).isCloseTo(0.1f, Offset.offset(1e-3f));
        Dataset far = new Dataset("far", new float[] {-1e3f, 3, 5}, new int[1], Shape.vector(3), List.of("a", "b"));
        assertThat(s.apply(far).features()[0]).isGreaterThan(-3f).isLessThan(-2.99f);
    }

    private static float expected(float z) {
        return (float) (z / Math.sqrt(1 + (z / 3.0) * (z / 3.0)));
    }

    @Test
    void isStoredByTypeNameAndReadBackAndChecked() throws Exception {
        Pipeline p = new Pipeline(List.of(new RobustScale(new float[] {3, 0}, new float[] {2, 4})));
        String json = JSON.writeValueAsString(p);
        assertThat(json)
                .contains("\"type\" : \"robust-scale\"", "\"median\"", "\"scale\"")
                .doesNotContain("org.saepj");
        RobustScale back =
                (RobustScale) JSON.readValue(json, Pipeline.class).steps().get(0);
        assertThat(back.median()).containsExactly(3f, 0f);
        assertThat(back.scale()).containsExactly(2f, 4f);
        assertThatThrownBy(() -> new RobustScale(new float[] {0}, new float[] {0}).check(1))
                .hasMessage("robust-scale feature 0 has median 0.0 and scale 0.0: expected finite numbers and a"
                        + " scale above 0");
        assertThatThrownBy(() -> back.check(3)).hasMessage("robust-scale needs median and scale of 3 features each");
    }

    @Test
    void replacesStandardizeInTheDefaultPlansOnlyWhenAsked() {
        assertThat(Pipeline.plan(Shape.vector(3), false, Scaling.STANDARD)).containsExactly("standardize");
        assertThat(Pipeline.plan(Shape.vector(3), false, Scaling.ROBUST)).containsExactly("robust-scale");
        assertThat(Pipeline.plan(Shape.vector(3), true, Scaling.ROBUST))
                .containsExactly("impute", "one_hot", "robust-scale");
        assertThat(Pipeline.plan(Shape.vector(3), true, Scaling.STANDARD))
                .containsExactly("impute", "one_hot", "standardize");
        assertThat(Pipeline.plan(new Shape(4, 4, 1), false, Scaling.ROBUST)).containsExactly("scale");
    }
}
