package org.saepj.data.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.data.SourceData;
import org.saepj.data.io.CsvReader;
import org.saepj.data.io.FeatureTable;
import org.saepj.data.preprocess.Columns;
import org.saepj.data.preprocess.Pipeline;
import org.saepj.testing.TestFiles;

/**
 * Numbers with a decimal comma in semicolon-separated files: found per column in the training file, recorded in the
 * columns step, and applied to every file read with it (a test file, rows to predict).
 */
class DecimalCommaTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) {
        return TestFiles.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String TRAIN = "weight;height;count;code;smoker;kind\n"
            + "1,5;2,25;3;1.5;yes;a\n"
            + "2;-0,5;4;2.5;no;b\n"
            + ";1,0e2;5;3.5;yes;a\n"
            + "NA;7,75;6;4.5;no;b\n";

    @Test
    void aColumnOfCommaNumbersIsNumericAndRecorded() {
        SourceData d = CsvReader.read(file("train.csv", TRAIN), CsvReader.Options.defaults());
        Columns c = d.table().orElseThrow().columns();
        assertThat(c.types())
                .containsExactly(
                        ColumnType.NUMERIC,
                        ColumnType.NUMERIC,
                        ColumnType.NUMERIC,
                        ColumnType.NUMERIC,
                        ColumnType.BOOLEAN);
        assertThat(c.decimalComma())
                .as("whole numbers and decimal points are not commas")
                .containsExactly("weight", "height");
        float[] x = d.train().features();
        assertThat(java.util.Arrays.copyOfRange(x, 0, 5)).containsExactly(1.5f, 2.25f, 3f, 1.5f, 1f);
        assertThat(java.util.Arrays.copyOfRange(x, 5, 10)).containsExactly(2f, -0.5f, 4f, 2.5f, 0f);
        assertThat(x[10]).as("a gap").isNaN();
        assertThat(x[11]).isEqualTo(100f);
        assertThat(d.table().orElseThrow().plain())
                .as("the columns step that reads the comma is kept in the model")
                .isFalse();
    }

    @Test
    void theStoredStepNamesTheCommaColumnsOnlyWhenThereAreSome() throws Exception {
        Columns c = CsvReader.read(file("train.csv", TRAIN), CsvReader.Options.defaults())
                .table()
                .orElseThrow()
                .columns();
        com.fasterxml.jackson.databind.ObjectMapper json = org.saepj.persistence.JsonFormat.mapper();
        String stored = json.writeValueAsString(new Pipeline(List.of(c)));
        assertThat(json.readTree(stored).at("/0/decimalComma").toString()).isEqualTo("[\"weight\",\"height\"]");
        assertThat(json.readValue(stored, Pipeline.class).steps()).containsExactly(c);
        Columns none = new Columns(c.names(), true, c.types(), c.levels(), c.label(), c.missingValues());
        String before = json.writeValueAsString(new Pipeline(List.of(none)));
        assertThat(before).doesNotContain("decimalComma");
        assertThat(json.readValue(before, Pipeline.class).steps()).containsExactly(none);
    }

    @Test
    void filesReadWithTheModelsColumnsTakeTheComma() {
        Columns c = CsvReader.read(file("train.csv", TRAIN), CsvReader.Options.defaults())
                .table()
                .orElseThrow()
                .columns();
        SourceData test = CsvReader.read(
                file("test.csv", "weight;height;count;code;smoker;kind\n0,125;3;7;9.5;no;a\n"),
                CsvReader.Options.defaults().withSchema(c));
        assertThat(test.train().features()).containsExactly(0.125f, 3f, 7f, 9.5f, 0f);
        FeatureTable rows = FeatureTable.read(
                file("rows.csv", "height;weight;count;code;smoker\n4,5;-1,25;1;2;y\n"),
                new FeatureTable.Request(
                        c.names(),
                        c.names().size(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.of(c),
                        TableOptions.defaults()));
        assertThat(rows.rows()[0]).containsExactly(-1.25f, 4.5f, 1f, 2f, 1f);
        assertThatThrownBy(() -> FeatureTable.read(
                        file("bad.csv", "weight;height;count;code;smoker\n1.5;4,5;1;2;y\n"),
                        new FeatureTable.Request(
                                c.names(),
                                c.names().size(),
                                java.util.Optional.empty(),
                                java.util.Optional.empty(),
                                java.util.Optional.empty(),
                                java.util.Optional.of(c),
                                TableOptions.defaults())))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining(
                        "bad.csv: line 2, column 1 ('weight'): '1.5' is not a number with a decimal" + " comma");
    }

    @Test
    void commaSeparatedFilesAndStoredStepsWithoutACommaAreAsBefore() {
        SourceData d = CsvReader.read(file("plain.csv", "a;b;kind\n1.5;2;x\n3.5;4;y\n"), CsvReader.Options.defaults());
        assertThat(d.table().orElseThrow().columns().decimalComma()).isNull();
        assertThat(d.table().orElseThrow().plain()).isTrue();
        Columns old = new Columns(
                List.of("a"), true, List.of(ColumnType.NUMERIC), List.of(List.of()), "kind", List.of(""), List.of());
        assertThat(old.decimalComma()).isNull();
        assertThat(old.decimalComma(0)).isFalse();
    }
}
