package org.saepj.data.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.data.table.ColumnType;
import org.saepj.data.table.TableOptions;
import org.saepj.persistence.JsonFormat;
import org.saepj.task.RealValues;

/** The table steps: gaps filled with training statistics and flagged, categories one-hot with rare ones as other. */
class TableStepsTest {
    private static final ObjectMapper JSON = JsonFormat.mapper();
    private static final float NAN = Float.NaN;

    /** A numeric column with gaps, a categorical one (levels a, b, c; c in one row only), a boolean without gaps. */
    private static final Columns COLUMNS = new Columns(
            List.of("x", "colour", "flag"),
            true,
            List.of(ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.BOOLEAN),
            List.of(List.of(), List.of("a", "b", "c"), List.of()),
            "label",
            TableOptions.DEFAULT_MISSING);

    private static Dataset train() {
        // 12 rows: x = 1..12 with gaps in rows 2 and 5; colour a ×5, b ×5, c ×1 (rare), one gap; flag 1 ×7
        float[] x = new float[12 * 3];
        for (int i = 0; i < 12; i++) {
            x[i * 3] = i == 2 || i == 5 ? NAN : i + 1;
            x[i * 3 + 1] = i < 6 ? 0 : i < 11 ? 1 : 2;
            x[i * 3 + 2] = i < 7 ? 1 : 0;
        }
        x[1] = NAN; // one colour gap: filled with a, the most frequent (a tie with b: the smaller index)
        return new Dataset("t", x, new int[12], Shape.vector(3), List.of("y"));
    }

    @Test
    void gapsTakeTheTrainingMedianOrMostFrequentValueAndGetAnIndicator() {
        Impute impute = new Impute.Kind().fit(train(), List.of(COLUMNS));
        // x without rows 2 and 5: 1 2 4 5 7 8 9 10 11 12, median (7 + 8) / 2
        assertThat(impute.fill()).containsExactly(7.5f, 0f, 1f);
        assertThat(impute.indicator()).containsExactly(true, true, false);
        Dataset row = new Dataset("r", new float[] {NAN, NAN, NAN, 3, 1, 0}, new int[2], Shape.vector(3), List.of("y"));
        Dataset out = impute.apply(row);
        assertThat(out.featureSize()).isEqualTo(5);
        assertThat(out.features()).containsExactly(7.5f, 0f, 1f, 1f, 1f, 3f, 1f, 0f, 0f, 0f);
        assertThat(new Impute.Kind().fit(train()).fill()[1])
                .as("without column types: the median")
                .isEqualTo(1f);
    }

    @Test
    void aRegressionTableKeepsItsTargetsThroughGapsAndCategories() {
        // the training table with a number to predict: the gap and one-hot steps once rebuilt its rows with class
        // labels, so a regression table with text or gaps failed inside the search (R's airquality, warpbreaks)
        double[] values = new double[12];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.5 * i;
        }
        Dataset regression = new Dataset("t", train().features(), new RealValues(values), Shape.vector(3));
        Pipeline p = Pipeline.fit(List.of(COLUMNS), Pipeline.tablePlan(), regression);
        Dataset out = p.apply(regression);
        assertThat(out.featureSize()).isEqualTo(7);
        assertThat(out.targets()).isInstanceOf(RealValues.class);
        assertThat(((RealValues) out.targets()).values()).containsExactly(values);
    }

    @Test
    void rareAndUnseenLevelsAreOther() {
        Pipeline p = Pipeline.fit(List.of(COLUMNS), Pipeline.tablePlan(), train());
        assertThat(p.types()).containsExactly("columns", "impute", "one_hot", "standardize");
        OneHot oneHot = (OneHot) p.steps().get(2);
        assertThat(oneHot.columns()).containsExactly(1);
        assertThat(oneHot.kept()[0]).as("c has one row of 12: fewer than 5").containsExactly(0, 1);
        // x, [a, b, other], flag, gap(x), gap(colour)
        assertThat(oneHot.outputWidth(5)).isEqualTo(7);
        Dataset raw = new Dataset(
                "r", new float[] {3, 2, 1, 3, Columns.UNSEEN, 0, 3, 1, 1}, new int[3], Shape.vector(3), List.of("y"));
        float[] encoded = oneHot.apply(
                        new Impute.Kind().fit(train(), List.of(COLUMNS)).apply(raw))
                .features();
        assertThat(Arrays.copyOfRange(encoded, 1, 4)).as("rare c").containsExactly(0f, 0f, 1f);
        assertThat(Arrays.copyOfRange(encoded, 8, 11)).as("unseen").containsExactly(0f, 0f, 1f);
        assertThat(Arrays.copyOfRange(encoded, 15, 18)).as("b").containsExactly(0f, 1f, 0f);
        assertThat(p.rawWidth(7)).isEqualTo(3);
        p.check(7);
        assertThatThrownBy(() -> p.check(8))
                .hasMessage("the preprocessing steps give 7 values per sample, the members" + " take 8");
    }

    @Test
    void theFittedTableStepsAreStoredByTypeAndReadBack() throws Exception {
        Pipeline p = Pipeline.fit(List.of(COLUMNS), Pipeline.tablePlan(), train());
        String json = JSON.writeValueAsString(p);
        assertThat(json)
                .contains(
                        "\"type\" : \"columns\"",
                        "\"type\" : \"impute\"",
                        "\"type\" : \"one_hot\"",
                        "\"categorical\"",
                        "\"indicator\"",
                        "\"kept\"")
                .doesNotContain("org.saepj", "CATEGORICAL");
        Pipeline back = JSON.readValue(json, Pipeline.class);
        back.check(7);
        Dataset raw = new Dataset(
                "r", new float[] {NAN, 1, 0, 12, Columns.UNSEEN, 1}, new int[2], Shape.vector(3), List.of("y"));
        assertThat(back.applyToRaw(raw).features())
                .containsExactly(p.applyToRaw(raw).features());
        assertThat(back.describe())
                .contains(
                        "columns (1 numeric, 1 boolean, 1 categorical)",
                        "impute",
                        "one_hot (1 categorical columns, 2 levels kept");
    }

    @Test
    void cellsAreEncodedAsTheTrainingFileWas() {
        Columns.Encoder e = COLUMNS.encoder();
        assertThat(e.value(0, " 2.5 ")).isEqualTo(2.5f);
        assertThat(e.value(0, "NA")).isNaN();
        assertThat(e.value(0, "?")).isNaN();
        assertThat(e.value(1, "b")).isEqualTo(1f);
        assertThat(e.value(1, "zz")).isEqualTo(Columns.UNSEEN);
        assertThat(e.value(1, "zz")).isEqualTo(Columns.UNSEEN);
        assertThat(e.value(2, "Yes")).isEqualTo(1f);
        assertThat(e.value(2, "f")).isEqualTo(0f);
        assertThat(e.unseen()).containsExactly("colour: 'zz' ×2");
        assertThatThrownBy(() -> e.value(2, "maybe")).hasMessageStartingWith("is not true/false");
        assertThatThrownBy(() -> e.value(0, "abc")).hasMessageStartingWith("is not a number");
        assertThatThrownBy(() -> new Columns(
                                List.of("x"),
                                true,
                                List.of(ColumnType.CATEGORICAL),
                                List.of(List.of("b", "a")),
                                null,
                                List.of())
                        .check(1))
                .hasMessageContaining("expected its levels, sorted, each once");
    }
}
