package org.saepj.data.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.data.SourceData;
import org.saepj.data.TargetAnalysis;
import org.saepj.data.io.CsvReader;
import org.saepj.data.preprocess.Columns;
import org.saepj.task.RealValues;
import org.saepj.testing.TestFiles;

/** Tables as users have them: gaps of every kind, text features, booleans, ID columns, delimiters, the task. */
class TableReadingTest {
    @TempDir
    Path dir;

    private SourceData read(String text, CsvReader.Options options) {
        Path f = TestFiles.write(dir.resolve("t.csv"), text.getBytes(StandardCharsets.UTF_8));
        return CsvReader.read(f, options);
    }

    private static CsvReader.Options with(TableOptions table) {
        return new CsvReader.Options(Optional.empty(), Optional.empty(), table, Optional.empty());
    }

    private static TableOptions options(Map<String, ColumnType> types, List<String> ignore, TargetAnalysis.Task task) {
        return new TableOptions(TableOptions.DEFAULT_MISSING, types, ignore, null, task);
    }

    /** Every kind of gap (empty, NA, NaN, ?, null), quoted numbers, y/n, TRUE/FALSE, category names, an Id column. */
    static final String MIXED = "Id,age,smoker,married,color,income,label\n"
            + "1,\"34\",y,TRUE,red,1000.5,yes\n"
            + "2,NA,n,FALSE,blue,,no\n"
            + "3,51,,true,red,NaN,yes\n"
            + "4,?,y,false,,2000,no\n"
            + "5,22,n,null,green,1500,yes\n"
            + "6,40,Y,TRUE,red,\" 1200 \",no\n";

    @Test
    void typesGapsAndLevelsAreReadFromTheTrainingFile() {
        SourceData d = read(MIXED, with(options(Map.of(), List.of("Id"), null)));
        TableSummary t = d.table().orElseThrow();
        Columns c = t.columns();
        assertThat(c.names()).containsExactly("age", "smoker", "married", "color", "income");
        assertThat(d.featureNames())
                .as("the Id column left out")
                .containsExactly("age", "smoker", "married", "color", "income");
        assertThat(c.types())
                .containsExactly(
                        ColumnType.NUMERIC,
                        ColumnType.BOOLEAN,
                        ColumnType.BOOLEAN,
                        ColumnType.CATEGORICAL,
                        ColumnType.NUMERIC);
        assertThat(c.levels().get(3)).containsExactly("blue", "green", "red");
        assertThat(t.missing()).containsExactly(2, 1, 1, 1, 2);
        assertThat(t.levelCounts().get(3)).containsExactly(1, 1, 3);
        assertThat(t.plain()).isFalse();
        assertThat(t.target().task()).isEqualTo(TargetAnalysis.Task.CLASSIFICATION);
        assertThat(t.target().reason()).isEqualTo("label label: 2 distinct text values → classification");
        float[] row0 = java.util.Arrays.copyOfRange(d.train().features(), 0, 5);
        assertThat(row0).containsExactly(34f, 1f, 1f, 2f, 1000.5f);
        float[] row1 = java.util.Arrays.copyOfRange(d.train().features(), 5, 10);
        assertThat(row1[0]).isNaN();
        assertThat(row1[1]).isEqualTo(0f);
        assertThat(row1[3]).isEqualTo(0f);
        assertThat(row1[4]).isNaN();
        assertThat(d.train().features()[5 * 5 + 1]).as("Y is y").isEqualTo(1f);
        assertThat(d.train().features()[5 * 5 + 4])
                .as("a quoted number with spaces")
                .isEqualTo(1200f);
    }

    @Test
    void anIdColumnOfTextWithThousandsOfValuesIsRefusedNamingTheOption() {
        StringBuilder sb = new StringBuilder("name,x,label\n");
        for (int i = 0; i < 1200; i++) {
            sb.append("person")
                    .append(i)
                    .append(',')
                    .append(i % 7)
                    .append(',')
                    .append(i % 2 == 0 ? "a" : "b")
                    .append('\n');
        }
        assertThatThrownBy(() -> read(sb.toString(), CsvReader.Options.defaults()))
                .isInstanceOf(SaepException.class)
                .hasMessageEndingWith("t.csv: column 1 ('name') has more than 1000 distinct values: expected a category"
                        + " (an identifier or free text?); leave it out with --ignore-columns name");
        assertThat(read(sb.toString(), with(options(Map.of(), List.of("name"), null)))
                        .train()
                        .featureSize())
                .isEqualTo(1);
        assertThat(read(sb.toString(), with(options(Map.of(), List.of("0"), null)))
                        .train()
                        .featureSize())
                .as("by index")
                .isEqualTo(1);
    }

    @Test
    void anEmptyColumnAndALabelWithGapsAreSaidBeforeWorkStarts() {
        assertThatThrownBy(() -> read("a,b,label\n1,,x\n2,NA,y\n3,,x\n", CsvReader.Options.defaults()))
                .hasMessageEndingWith("t.csv: column 2 ('b') is empty in all 3 rows: expected values; leave it out with"
                        + " --ignore-columns b");
        SourceData d = read("a,label\n1,x\n2,\n3,y\n4,NA\n5,x\n", CsvReader.Options.defaults());
        assertThat(d.train().size()).isEqualTo(3);
        assertThat(d.table().orElseThrow().warnings())
                .singleElement()
                .asString()
                .endsWith("t.csv: label label: 2 rows without a label skipped (lines 3, 5)");
        assertThatThrownBy(() -> read("a,label\n1,\n2,NA\n", CsvReader.Options.defaults()))
                .hasMessageContaining("the label column 2 ('label') is empty in every row");
    }

    @Test
    void aDecimalOrManyValuedTargetIsReadAsRegression() {
        StringBuilder decimals = new StringBuilder("rooms,medv\n");
        for (int i = 0; i < 50; i++) {
            decimals.append(i % 5).append(',').append(10 + i * 0.7).append('\n');
        }
        SourceData detected = read(decimals.toString(), CsvReader.Options.defaults());
        assertThat(detected.train().targets()).isInstanceOf(RealValues.class);
        assertThat(((RealValues) detected.train().targets()).values()[49]).isEqualTo(10 + 49 * 0.7);
        assertThat(detected.table().orElseThrow().target().reason())
                .isEqualTo("label medv: 50 distinct decimal values → a regression target");
        SourceData declared =
                read(decimals.toString(), with(options(Map.of(), List.of(), TargetAnalysis.Task.REGRESSION)));
        assertThat(declared.train().targets().task().id()).isEqualTo("regression");
        SourceData classes =
                read(decimals.toString(), with(options(Map.of(), List.of(), TargetAnalysis.Task.CLASSIFICATION)));
        assertThat(classes.train().classCount()).isEqualTo(50);
        StringBuilder ages = new StringBuilder("x,age\n");
        for (int i = 0; i < 100; i++) {
            ages.append(i).append(',').append(20 + i % 40).append('\n');
        }
        assertThat(read(ages.toString(), CsvReader.Options.defaults())
                        .table()
                        .orElseThrow()
                        .target()
                        .reason())
                .contains("label age: 40 distinct whole numbers in 100 rows (more than 20 and more than"
                        + " 5% of the rows) → a regression target");
        SourceData ones = read("x,label\n1,1\n2,1.0\n3,2\n4,2.00\n", CsvReader.Options.defaults());
        assertThat(ones.train().classNames()).as("1 and 1.0 are one class").containsExactly("1", "2");
    }

    @Test
    void theRuleCountsDistinctValuesAgainstTheRows() {
        List<String> digits = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            digits.add(Integer.toString(i % 30));
        }
        assertThat(TargetAnalysis.decide("digit", digits, Optional.empty()).task())
                .as("30 classes in 2000 rows")
                .isEqualTo(TargetAnalysis.Task.CLASSIFICATION);
        assertThat(TargetAnalysis.decide("y", List.of("0", "1", "1.0"), Optional.empty())
                        .task())
                .isEqualTo(TargetAnalysis.Task.CLASSIFICATION);
        assertThat(TargetAnalysis.decide("y", List.of("0", "0.5"), Optional.empty())
                        .task())
                .isEqualTo(TargetAnalysis.Task.REGRESSION);
    }

    @Test
    void semicolonsAndTabsAreDetectedOrGiven() {
        SourceData semi = read("a;b;label\n1,5;2;x\n3,5;4;y\n", CsvReader.Options.defaults());
        assertThat(semi.featureNames()).containsExactly("a", "b");
        assertThat(semi.train().features())
                .as("1,5 under ';' is a number with a decimal comma")
                .containsExactly(1.5f, 2, 3.5f, 4);
        SourceData tab = read("a\tb\tlabel\n1\t2\tx\n3\t4\ty\n", CsvReader.Options.defaults());
        assertThat(tab.train().features()).containsExactly(1, 2, 3, 4);
        SourceData given = read(
                "a|b|label\n1|2|x\n3|4|y\n",
                with(new TableOptions(TableOptions.DEFAULT_MISSING, Map.of(), List.of(), '|', null)));
        assertThat(given.train().features()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void textFeaturesWithoutAHeaderAreData() {
        SourceData d = read("red,y,1.5,a\nblue,n,2.5,b\nred,n,3.5,a\nblue,y,4.5,b\n", CsvReader.Options.defaults());
        assertThat(d.train().size())
                .as("levels repeat down the column: no header")
                .isEqualTo(4);
        assertThat(d.featureNames()).isEmpty();
        SourceData h =
                read("colour,flag,x,label\nred,y,1.5,a\nblue,n,2.5,b\nred,n,3.5,a\n", CsvReader.Options.defaults());
        assertThat(h.train().size()).as("names found nowhere below: a header").isEqualTo(3);
    }

    @Test
    void columnTypesCanBeFixed() {
        String text = "zip,rooms,label\n1001,3,a\n1002,4,b\n1001,5,a\n";
        SourceData d = read(text, with(options(Map.of("zip", ColumnType.CATEGORICAL), List.of(), null)));
        assertThat(d.table().orElseThrow().columns().types())
                .containsExactly(ColumnType.CATEGORICAL, ColumnType.NUMERIC);
        assertThat(d.table().orElseThrow().columns().levels().get(0)).containsExactly("1001", "1002");
        assertThatThrownBy(() -> read(text, with(options(Map.of("zipp", ColumnType.CATEGORICAL), List.of(), null))))
                .hasMessageContaining("--column-types: ")
                .hasMessageContaining("has no feature column named 'zipp'");
        assertThatThrownBy(() -> read(
                        "f,label\nred,a\nblue,b\n", with(options(Map.of("f", ColumnType.NUMERIC), List.of(), null))))
                .hasMessageEndingWith("t.csv: line 2, column 1 ('f'): 'red' is not a number (expected a decimal"
                        + " number such as 12, -0.5 or 1e-3)");
    }

    @Test
    void aTestFileIsReadWithTheTrainingFilesColumns() {
        SourceData train = read(MIXED, with(options(Map.of(), List.of("Id"), null)));
        Columns model = train.table().orElseThrow().columns();
        Path other = TestFiles.write(
                dir.resolve("new.csv"),
                ("label,income,color,married,smoker,age,extra\n" + "yes,900,purple,TRUE,n,30,z\nno,,red,false,y,NA,z\n")
                        .getBytes(StandardCharsets.UTF_8));
        SourceData d = CsvReader.read(other, CsvReader.Options.defaults().withSchema(model));
        assertThat(d.featureNames())
                .as("the file's order; the caller aligns by name")
                .containsExactly("income", "color", "married", "smoker", "age", "extra");
        assertThat(d.train().features()[1]).as("an unseen level").isEqualTo(Columns.UNSEEN);
        assertThat(d.train().features()[5])
                .as("not the model's: NaN, named by the alignment")
                .isNaN();
        assertThat(d.table().orElseThrow().warnings())
                .singleElement()
                .asString()
                .endsWith("levels not seen in training, read as other: color: 'purple' ×1");
    }
}
