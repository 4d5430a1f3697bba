package org.saepj.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.subnetwork.ModelKind;

/**
 * Input a fit cannot use is refused before any work, in one line naming the argument or builder method, the row and
 * what was expected; a refused fit leaves no output folder behind.
 */
class BadInputTest {
    private static final float[][] ROWS = {
        {1, 2}, {3, 4}, {5, 6}, {7, 8}, {1, 3}, {2, 4}, {3, 5}, {4, 6}, {5, 7}, {6, 8}
    };
    private static final int[] LABELS = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1};

    @TempDir
    Path dir;

    private ClassifierBuilder builder() {
        // Any work at all would leave this folder behind: every refusal below must come first.
        return Saep.classifier().iterations(1).steps(10).threads(1).outputFolder(dir.resolve("out"));
    }

    private void refused(Executable fit, String message) {
        assertThatThrownBy(fit::execute)
                .isInstanceOf(SaepException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void raggedRowsNaNsAndNullsNameTheRow() {
        refused(
                () -> builder().fit(new float[][] {{1, 2}, {3}}, new int[] {0, 1}),
                "features: row 1 has 1 values but row 0 has 2: every row needs the same number of features");
        refused(
                () -> builder().fit(new float[][] {{1, 2}, {3, Float.NaN}}, new int[] {0, 1}),
                "features: row 1, column 1 is NaN: every feature must be a finite number");
        refused(
                () -> builder().fit(new double[][] {{1, 2}, {3, 1e300}}, new int[] {0, 1}),
                "features: row 1, column 1 is 1.0E300: every feature must be a finite number within the range of a"
                        + " float");
        refused(() -> builder().fit(new float[][] {{1, 2}, null}, new int[] {0, 1}), "features: row 1 is null");
        refused(
                () -> builder().fit(new float[0][], new int[0]),
                "features: no rows: expected at least one row of features");
        refused(
                () -> builder().fit(new float[][] {{}, {}}, new int[] {0, 1}),
                "features: row 0 has no values: expected at least one feature");
    }

    @Test
    void labelsMustMatchTheRowsAndHoldTwoClasses() {
        refused(
                () -> builder().fit(ROWS, new int[] {0, 1, 0}),
                "labels: 3 labels for 10 rows of features: expected one label per row");
        refused(
                () -> builder().fit(ROWS, new int[10]),
                "labels: every row has the class '0': a classifier needs at least two classes");
        String[] text = new String[10];
        java.util.Arrays.fill(text, "a");
        text[3] = null;
        refused(() -> builder().fit(ROWS, text), "labels: the label of row 3 is null");
        refused(() -> builder().fit(ROWS, (int[]) null), "labels: null: expected one label per row of features");
        refused(
                () -> builder().featureNames(List.of("x")).fit(ROWS, LABELS),
                "featureNames: 1 names for 2 features: expected one name per feature");
    }

    @Test
    void settingsAreNamedByTheirBuilderMethod() {
        refused(() -> builder().iterations(0).fit(ROWS, LABELS), "iterations must be at least 1, got 0");
        refused(
                () -> builder().method("pie").parameter("alpha", 2).fit(ROWS, LABELS),
                "parameter: alpha must be in [0, 1], got 2");
        assertThatThrownBy(() -> builder().method("pie").parameter("beta", 1).fit(ROWS, LABELS))
                .isInstanceOf(SaepException.class)
                .hasMessageStartingWith("parameter: criterion pie has no parameter 'beta'");
        assertThatThrownBy(() -> builder().method("pei").fit(ROWS, LABELS))
                .isInstanceOf(SaepException.class)
                .hasMessageStartingWith("method: ")
                .hasMessageContaining("pei");
        refused(
                () -> builder()
                        .model(ModelKind.CNN)
                        .spaceFile(dir.resolve("s.json"))
                        .fit(ROWS, LABELS),
                "model, spaceFile, spacePlugin and builtInSpace exclude each other: give one search space");
        refused(
                () -> builder().testSource("csv:x.csv").fit(ROWS, LABELS),
                "testSource: for a data source only; arrays hold out testFraction of their rows");
    }

    @Test
    void predictingChecksTheRowsToo() {
        SaepClassifier model =
                Saep.classifier().iterations(1).steps(20).threads(1).fit(ROWS, LABELS);
        assertThatThrownBy(() -> model.predict(new float[][] {{1, 2, 3}}))
                .isInstanceOf(SaepException.class)
                .hasMessage("rows: 3 features per row, but the model takes 2");
        assertThatThrownBy(() -> model.evaluate(ROWS, new int[] {0, 1}))
                .isInstanceOf(SaepException.class)
                .hasMessage("labels: 2 labels for 10 rows of features: expected one label per row");
        assertThatThrownBy(() -> model.evaluate(ROWS, new int[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 7}))
                .isInstanceOf(SaepException.class)
                .hasMessage("labels: the label '7' of row 9 is not a class of the model (0, 1)");
    }
}
