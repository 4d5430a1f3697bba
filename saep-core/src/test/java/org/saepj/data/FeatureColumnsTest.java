package org.saepj.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.saepj.SaepException;

class FeatureColumnsTest {
    static final List<String> XYZ = List.of("x", "y", "z");
    static final Dataset YXZ =
            new Dataset("t", new float[] {2, 1, 3, 20, 10, 30}, new int[] {0, 1}, Shape.vector(3), List.of("a", "b"));

    @Test
    void matchFindsEachNameAndWhatDoesNotFit() {
        FeatureColumns.Match m = FeatureColumns.match(XYZ, List.of("z", "w", "x"));
        assertThat(m.from()).containsExactly(2, -1, 0);
        assertThat(m.missing()).containsExactly("y");
        assertThat(m.extra()).containsExactly("w");
    }

    @Test
    void reorderedColumnsArePutBackInOrder() {
        Dataset d = FeatureColumns.align(YXZ, List.of("y", "x", "z"), XYZ, "csv:t.csv", "the ensemble");
        assertThat(d.features()).containsExactly(1, 2, 3, 10, 20, 30);
        assertThat(d.labels()).containsExactly(0, 1);
        assertThat(FeatureColumns.align(YXZ, XYZ, XYZ, "s", "o"))
                .as("already in order")
                .isSameAs(YXZ);
    }

    @Test
    void missingAndUnknownColumnsAreNamed() {
        List<String> xyw = List.of("x", "y", "w");
        assertThatThrownBy(() -> FeatureColumns.align(YXZ, xyw, XYZ, "csv:t.csv", "the training data"))
                .isInstanceOf(SaepException.class)
                .hasMessage("csv:t.csv: its feature columns do not match the"
                        + " training data's; missing: z; not features of the training data: w (name the label with"
                        + " --label-column, leave others out with --ignore-columns)");
        Dataset two = new Dataset("t", new float[] {1, 2}, new int[] {0}, Shape.vector(2), List.of("a"));
        assertThatThrownBy(() -> FeatureColumns.align(two, List.of("x", "y"), XYZ, "s", "the ensemble"))
                .hasMessage("s: its feature columns do not match the ensemble's; missing: z");
    }
}
