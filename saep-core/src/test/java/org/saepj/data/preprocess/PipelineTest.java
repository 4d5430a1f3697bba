package org.saepj.data.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.data.Standardizer;
import org.saepj.persistence.JsonFormat;

/** Preprocessing steps: fitted on the training part only, stored by type name, and refused when unknown. */
class PipelineTest {
    private static final ObjectMapper JSON = JsonFormat.mapper();

    static Dataset table(float... values) {
        int n = values.length / 2;
        return new Dataset("t", values, new int[n], Shape.vector(2), List.of("a", "b"));
    }

    @Test
    void indicatorsStayZeroOrOneWhileOtherFeaturesAreStandardised() {
        // column a: a rare level (1 in 1 of 5 rows), which standardising would make (1 - 0.2) / 0.4 = 2 units;
        // column b: numbers; column c: constant 1 (no 0 among the training values: centred as before)
        float[] values = {1, 3, 1, 0, 5, 1, 0, 7, 1, 0, 9, 1, 0, 11, 1};
        Dataset train = new Dataset("t", values, new int[5], Shape.vector(3), List.of("a", "b", "c"));
        Standardize st = (Standardize)
                Pipeline.fit(List.of(Standardize.TYPE), train).steps().get(0);
        assertThat(st.mean()).containsExactly(0f, 7f, 1f);
        assertThat(st.deviation()[0]).isEqualTo(1f);
        assertThat(st.deviation()[1]).isEqualTo((float) Math.sqrt(8));
        assertThat(st.deviation()[2]).isEqualTo(1f);
        float[] out = st.apply(new Dataset(
                        "u", new float[] {1, 7, 1, 0, 9, 1}, new int[2], Shape.vector(3), List.of("a", "b", "c")))
                .features();
        assertThat(out).containsExactly(1f, 0f, 0f, 0f, 2f / (float) Math.sqrt(8), 0f);
        // a column of 0, 1 and 2 is a number, not an indicator
        Dataset counts = new Dataset("t", new float[] {0, 1, 2, 1}, new int[4], Shape.vector(1), List.of("n"));
        assertThat(Standardizer.fit(counts).mean()).containsExactly(1f);
    }

    @Test
    void fitsOnTheTrainingPartOnlyAndAppliesItsStatisticsToOtherData() {
        Dataset train = table(0, 10, 2, 30, 4, 20);
        Dataset test = table(100, -50);
        Pipeline p = Pipeline.fit(List.of(Clip.TYPE, Standardize.TYPE), train);
        assertThat(p.types()).containsExactly("clip", "standardize");
        Clip clip = (Clip) p.steps().get(0);
        assertThat(clip.low()).containsExactly(0f, 10f);
        assertThat(clip.high()).containsExactly(4f, 30f);
        Standardize st = (Standardize) p.steps().get(1);
        Standardizer expected = Standardizer.fit(train);
        assertThat(st.mean()).containsExactly(expected.mean());
        assertThat(st.deviation()).containsExactly(expected.deviation());
        // the test row is clipped to the training range, then standardised with the training statistics
        float[] out = p.apply(test).features();
        assertThat(out[0]).isEqualTo((4f - st.mean()[0]) / st.deviation()[0]);
        assertThat(out[1]).isEqualTo((10f - st.mean()[1]) / st.deviation()[1]);
        assertThat(test.features()).containsExactly(100f, -50f);
    }

    @Test
    void scaleIsSkippedOnLoadedDataAndDoneOnRawRows() {
        Dataset raw =
                new Dataset("img", new float[] {0, 51, 255, 102}, new int[1], new Shape(2, 2, 1), List.of("a", "b"));
        Pipeline p = Pipeline.fit(Pipeline.standardPlan(raw.shape()), raw);
        assertThat(p.types()).containsExactly("scale");
        assertThat(p.apply(raw)).isSameAs(raw);
        assertThat(p.applyToRaw(raw).features()).containsExactly(0f, 51 / 255f, 1f, 102 / 255f);
        assertThat(Pipeline.standardPlan(Shape.vector(3))).containsExactly("standardize");
        Pipeline misplaced = new Pipeline(List.of(new Clip(new float[4], new float[4]), new Scale()));
        assertThatThrownBy(() -> misplaced.check(4))
                .hasMessage("scale is done when data is read: it must come before every other preprocessing step");
    }

    @Test
    void isStoredByTypeNameAndReadBack() throws Exception {
        Pipeline p = new Pipeline(List.of(
                new Clip(new float[] {-1, 0}, new float[] {1, 2}),
                new Standardize(new float[] {0.5f, 1}, new float[] {2, 4})));
        String json = JSON.writeValueAsString(p);
        assertThat(json)
                .contains("\"type\" : \"clip\"", "\"type\" : \"standardize\"", "\"low\"", "\"deviation\"")
                .doesNotContain("org.saepj", "Clip", "Standardize");
        Pipeline back = JSON.readValue(json, Pipeline.class);
        assertThat(back.types()).containsExactly("clip", "standardize");
        assertThat(((Clip) back.steps().get(0)).high()).containsExactly(1f, 2f);
        assertThat(((Standardize) back.steps().get(1)).deviation()).containsExactly(2f, 4f);
        assertThat(JSON.readValue("[{\"type\": \"scale\"}]", Pipeline.class).steps())
                .containsExactly(new Scale());
    }

    @Test
    void anUnknownStepTypeIsRefusedNamingIt() {
        assertThat(StepKinds.types())
                .containsExactly(
                        "clip",
                        "columns",
                        "impute",
                        "one_hot",
                        "piecewise-linear",
                        "robust-scale",
                        "scale",
                        "standardize");
        assertThatThrownBy(() -> JSON.readValue("[{\"type\": \"winsorize\"}]", Pipeline.class))
                .hasMessageContaining("preprocessing step type 'winsorize' unknown: expected clip, columns, impute,"
                        + " one_hot, piecewise-linear, robust-scale, scale, standardize");
        assertThatThrownBy(() -> StepKinds.require("standardise"))
                .hasMessage("preprocessing step type 'standardise' unknown: expected clip, columns, impute, one_hot,"
                        + " piecewise-linear, robust-scale, scale, standardize (did you mean standardize?)");
        assertThatThrownBy(() -> JSON.readValue("[{\"mean\": [1]}]", Pipeline.class))
                .hasMessageContaining("a preprocessing step needs a \"type\"");
        assertThatThrownBy(() -> new Standardize(new float[] {0}, new float[] {0}).check(1))
                .hasMessage("standardize feature 0 has mean 0.0 and deviation 0.0: expected finite numbers and a"
                        + " deviation above 0");
    }
}
