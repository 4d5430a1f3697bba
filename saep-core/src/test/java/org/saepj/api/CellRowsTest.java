package org.saepj.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.data.io.FeatureTable;
import org.saepj.data.preprocess.Columns;
import org.saepj.data.table.TableOptions;
import org.saepj.testing.TestFiles;

/**
 * The Java API on rows of cells as a table holds them: a model fitted on a semicolon-separated file with a category,
 * a true/false column, a decimal comma and gaps predicts rows of strings — in the training order or by name — with
 * exactly the numbers {@code saep predict}'s reader gives for the same rows in a file.
 */
class CellRowsTest {
    @TempDir
    static Path dir;

    static SaepClassifier model;

    private static final String HEADER = "colour;smoker;weight;score;kind";
    /** New rows: an unseen level, gaps of several spellings, a true/false word in upper case, decimal commas. */
    private static final String[][] ROWS = {
        {"red", "yes", "61,5", "0,25"},
        {"purple", "NO", "", "1"},
        {"", "y", "70,125", "NA"},
        {"blue", "?", "55", "0,5"},
        {"green", "n", "NA", "-0,75"}
    };

    @BeforeAll
    static void fit() {
        SplittableRandom rng = new SplittableRandom(3);
        String[] colours = {"red", "blue", "green"};
        StringBuilder train = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < 200; i++) {
            int kind = i % 2;
            String weight = String.format(java.util.Locale.GERMANY, "%.2f", 60 + 8 * kind + 4 * rng.nextGaussian());
            String score = String.format(java.util.Locale.GERMANY, "%.3f", rng.nextDouble() - kind * 0.5);
            train.append(i % 13 == 0 ? "" : colours[(i + kind) % 3])
                    .append(';')
                    .append(rng.nextDouble() < 0.3 + 0.4 * kind ? "yes" : "no")
                    .append(';')
                    .append(i % 7 == 0 ? "NA" : weight)
                    .append(';')
                    .append(score)
                    .append(";k")
                    .append(kind)
                    .append('\n');
        }
        Path file = TestFiles.write(dir.resolve("train.csv"), train.toString().getBytes(StandardCharsets.UTF_8));
        model = Saep.classifier()
                .method("pap")
                .iterations(2)
                .steps(150)
                .batchSize(32)
                .threads(1)
                .seed(5)
                .fit("csv:" + file);
    }

    /** The same rows written in a file and read as {@code saep predict} reads it, with the model's columns. */
    private static double[][] asPredictReadsThem() {
        StringBuilder text = new StringBuilder("score;weight;smoker;colour\n");
        for (String[] r : ROWS) {
            text.append(String.join(";", r[3], r[2], r[1], r[0])).append('\n');
        }
        Path file = TestFiles.write(dir.resolve("rows.csv"), text.toString().getBytes(StandardCharsets.UTF_8));
        Columns columns = (Columns)
                model.ensemble().manifest().preprocessing().find(Columns.TYPE).orElseThrow();
        FeatureTable t = FeatureTable.read(
                file,
                new FeatureTable.Request(
                        columns.names(),
                        columns.names().size(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(columns),
                        TableOptions.defaults()));
        return model.ensemble().predictProbabilities(t.rows());
    }

    @Test
    void rowsOfCellsArePredictedAsPredictReadsThemFromAFile() {
        assertThat(model.columns()).containsExactly("colour", "smoker", "weight", "score");
        assertThat(model.ensemble().manifest().preprocessing().types())
                .containsExactly("columns", "impute", "one_hot", "standardize");
        double[][] expected = asPredictReadsThem();
        double[][] p = model.predictProbabilities(ROWS);
        assertThat(p).isDeepEqualTo(expected);
        String[] labels = model.predictLabels(ROWS);
        for (int i = 0; i < ROWS.length; i++) {
            assertThat(labels[i]).isEqualTo(p[i][0] >= p[i][1] ? "k0" : "k1");
        }
        // by name, in another order, with a column the model does not know
        List<Map<String, String>> named = new ArrayList<>();
        for (String[] r : ROWS) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("id", "x");
            m.put("score", r[3]);
            m.put("weight", r[2]);
            m.put("smoker", r[1]);
            m.put("colour", r[0]);
            named.add(m);
        }
        assertThat(model.predictProbabilities(named)).isDeepEqualTo(expected);
        assertThat(model.predictLabels(named)).containsExactly(labels);
        assertThat(model.predictLabel(named.get(1))).isEqualTo(labels[1]);
    }

    @Test
    void aCellThatCannotBeReadIsOneLineNamingRowAndColumn() {
        assertThatThrownBy(() -> model.predictLabels(
                        new String[][] {{"red", "yes", "61,5", "0,25"}, {"red", "maybe", "1", "2"}}))
                .isInstanceOf(SaepException.class)
                .hasMessageStartingWith("rows: row 1, column 'smoker': 'maybe' is not true/false");
        assertThatThrownBy(() -> model.predictLabels(new String[][] {{"red", "yes", "heavy", "0,25"}}))
                .isInstanceOf(SaepException.class)
                .hasMessageStartingWith("rows: row 0, column 'weight': 'heavy' is not a number");
        assertThatThrownBy(() -> model.predictLabels(new String[][] {{"red", "yes"}}))
                .isInstanceOf(SaepException.class)
                .hasMessage("rows: row 0 has 2 cells: the model's columns are colour, smoker, weight, score (4)");
        Map<String, String> partial = new HashMap<>(Map.of("colour", "red", "smoker", "y", "score", "1"));
        assertThatThrownBy(() -> model.predictLabel(partial))
                .isInstanceOf(SaepException.class)
                .hasMessage("rows: row 0 has no value for column 'weight' (\"\" for a gap); the model's columns are"
                        + " colour, smoker, weight, score");
    }

    @Test
    void aModelOfNumbersReadsEachCellAsANumber() {
        Blobs train = Blobs.draw(120, 1);
        SaepClassifier numbers =
                Saep.classifier().iterations(1).steps(60).threads(1).seed(2).fit(train.features(), train.labels());
        float[][] rows = java.util.Arrays.copyOf(train.features(), 5);
        String[][] cells = new String[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            cells[i] = new String[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                cells[i][j] = Float.toString(rows[i][j]);
            }
        }
        assertThat(numbers.columns()).containsExactly("column 1", "column 2", "column 3", "column 4");
        assertThat(numbers.predictProbabilities(cells)).isDeepEqualTo(numbers.predictProbabilities(rows));
        assertThatThrownBy(() -> numbers.predictLabels(List.of(Map.of("a", "1"))))
                .isInstanceOf(SaepException.class)
                .hasMessageStartingWith("rows: the model's columns have no names");
    }
}
