package org.saepj.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.data.Dataset;
import org.saepj.data.Standardizer;
import org.saepj.testing.TestFiles;

class CsvReaderTest {
    @TempDir
    Path dir;

    private Dataset read(String text, CsvReader.Options options) {
        Path f = TestFiles.write(dir.resolve("t.csv"), text.getBytes());
        return CsvReader.read(f, options).train();
    }

    @Test
    void detectsHeaderAndMapsStringLabelsInSortedOrder() {
        Dataset d = read("a,b,species\n1,2,setosa\n3,4,virginica\n5,6,setosa\n", CsvReader.Options.defaults());
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.classNames()).containsExactly("setosa", "virginica");
        assertThat(d.labels()).containsExactly(0, 1, 0);
        assertThat(d.features()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void noHeaderAndIntegerLabelsSortNumerically() {
        Dataset d = read("1.5,10\n2.5,2\n3.5,10\n", CsvReader.Options.defaults());
        assertThat(d.classNames()).containsExactly("2", "10");
        assertThat(d.labels()).containsExactly(1, 0, 1);
    }

    /** statsmodels writes its data sets with every header name in single quotes: the names are read without them. */
    @Test
    void headerNamesAllInSingleQuotesLoseTheirQuotes() {
        String text = "'popul'\t'TVnews'\t'vote'\n0\t7\t1\n190\t1\t0\n31\t7\t1\n";
        Dataset d = read(text, new CsvReader.Options(Optional.empty(), Optional.of("vote")));
        assertThat(d.classNames()).containsExactly("0", "1");
        assertThat(d.features()).containsExactly(0, 7, 190, 1, 31, 7);
        // one quoted name among plain ones is the name as written
        assertThat(read("a,'b',y\n1,2,u\n3,4,v\n", new CsvReader.Options(Optional.empty(), Optional.of("'b'")))
                        .classNames())
                .containsExactly("2", "4");
    }

    @Test
    void labelColumnByNameOrIndex() {
        String text = "y,f1,f2\nx,1,2\nz,3,4\n";
        assertThat(read(text, new CsvReader.Options(Optional.empty(), Optional.of("y")))
                        .features())
                .containsExactly(1, 2, 3, 4);
        assertThat(read("a,1,2\nb,3,4\n", new CsvReader.Options(Optional.of(false), Optional.of("0")))
                        .classNames())
                .containsExactly("a", "b");
    }

    @Test
    void emptyFile() {
        assertThatThrownBy(() -> read("", CsvReader.Options.defaults()))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("t.csv: empty file");
    }

    @Test
    void raggedRowNamesTheLine() {
        assertThatThrownBy(() -> read("1,2,a\n3,4,b\n5,c\n", CsvReader.Options.defaults()))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("t.csv: line 3 has 2 columns: expected 3");
    }

    @Test
    void nonNumericCellNamesLineAndColumn() {
        assertThatThrownBy(() -> read("f,g,label\n1,2,a\n3,oops,b\n", CsvReader.Options.defaults()))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("t.csv: line 3, column 2 ('g'): 'oops' is not a number");
    }

    @Test
    void lineNumbersCountBlankLinesAndLineBreaksInsideQuotedCells() {
        // Line 2 is blank, lines 4–5 hold one record whose label spans them, line 7 is the bad cell.
        String lf = "f,g,label\n\n1,2,a\n3,4,\"two\nlines\"\n\n5,oops,b\n";
        assertThatThrownBy(() -> read(lf, CsvReader.Options.defaults()))
                .hasMessageContaining("t.csv: line 7, column 2 ('g'): 'oops' is not a number");
        assertThatThrownBy(() -> read(lf.replace("\n", "\r\n"), CsvReader.Options.defaults()))
                .hasMessageContaining("t.csv: line 7, column 2 ('g'): 'oops' is not a number");
        assertThatThrownBy(() -> read("\n\n1,2,a\n3,b\n", CsvReader.Options.defaults()))
                .hasMessageContaining("t.csv: line 4 has 2 columns: expected 3");
        assertThatThrownBy(() -> read("\r\r1\n", CsvReader.Options.defaults()))
                .hasMessageContaining("t.csv: line 3 has 1 column");
    }

    @Test
    void lineIndexFindsTheLineOfAnyOffset() throws Exception {
        LineIndexingReader r = new LineIndexingReader(new java.io.StringReader("ab\r\ncd\n\nef\rg"));
        assertThat(r.skip(100)).isEqualTo(12);
        // offsets: a0 b1 CR2 LF3, c4 d5 LF6, LF7 (an empty line 3), e8 f9 CR10, g11
        assertThat(new long[] {
                    r.lineAt(0), r.lineAt(3), r.lineAt(4), r.lineAt(6), r.lineAt(7), r.lineAt(8), r.lineAt(11)
                })
                .containsExactly(1, 1, 2, 2, 4, 4, 5);
    }

    @Test
    void unknownLabelColumn() {
        assertThatThrownBy(() -> read("a,b\n1,x\n", new CsvReader.Options(Optional.empty(), Optional.of("nope"))))
                .isInstanceOf(org.saepj.UnknownNameException.class)
                .hasMessageContaining("no column named 'nope'");
        assertThatThrownBy(() -> read("a,b\n1,x\n", new CsvReader.Options(Optional.empty(), Optional.of("bb"))))
                .hasMessageEndingWith("(did you mean b?)");
        assertThatThrownBy(() -> read("1,x\n2,y\n", new CsvReader.Options(Optional.empty(), Optional.of("7"))))
                .isInstanceOf(org.saepj.UnknownNameException.class)
                .hasMessageContaining("--label-column 7:")
                .hasMessageContaining("has 2 columns (0-based indices 0..1)");
    }

    static final CsvReader.Options AUTO = CsvReader.Options.defaults();
    static final String EXPECTED_NUMBER = " (expected a decimal number such as 12, -0.5 or 1e-3)";

    private String error(String text, CsvReader.Options options) {
        return catchThrowableOfType(SaepException.class, () -> read(text, options))
                .getMessage();
    }

    private static CsvReader.Options header(boolean header) {
        return new CsvReader.Options(Optional.of(header), Optional.empty());
    }

    /** Issue 26, defect 15: Java's number syntax and values beyond a float were read as features. */
    @Test
    void featureCellsAreStrictNumbers() {
        // NaN is a gap now (TableOptions.DEFAULT_MISSING), filled by the impute step; the rest are typos.
        for (String cell : new String[] {"2f", "1.5d", "0x1p3", "Infinity", "+Inf", "1_0", "١"}) {
            assertThat(error("f,g,label\n1,2,a\n3," + cell + ",b\n", AUTO))
                    .as(cell)
                    .endsWith("t.csv: line 3, column 2 ('g'): '" + cell + "' is not a number" + EXPECTED_NUMBER);
        }
        assertThat(error("f,g,label\n1,2,a\n3,3e39,b\n", AUTO))
                .endsWith("t.csv: line 3, column 2 ('g'): '3e39' is"
                        + " outside the range of a float (at most ±3.4028235E38)");
        Dataset d = read("f,g,label\n3e38,-3.4028235E38,a\n.5,5.,b\n+1e-3,-0,a\n", AUTO);
        assertThat(d.features()).containsExactly(3e38f, -Float.MAX_VALUE, 0.5f, 5f, 0.001f, -0f);
    }

    /** Issue 26, defect 11: a header naming a column twice was accepted. */
    @Test
    void headerNamesEachColumnOnce() {
        String twice = "a,b,a,label\n1,2,3,x\n4,5,6,y\n";
        String expected =
                ": line 1: the header names column 'a' twice (columns 1 and 3): give each column its own" + " name";
        assertThat(error(twice, AUTO)).isEqualTo(dir.resolve("t.csv") + expected);
        assertThat(error(twice, header(true))).endsWith(expected);
        assertThat(error("\n\nx,y,x\n1,2,3\n", AUTO))
                .as("the line a person sees")
                .contains("line 3: the header names column 'x' twice");
        assertThat(read("a,b,c,label\n1,2,3,x\n4,5,6,y\n", AUTO).size())
                .as("control")
                .isEqualTo(2);
    }

    /** Issue 26, defect 11: a header of numbers was data, its label cell a class of one sample. */
    @Test
    void aDetectedFirstRowOfNumbersWithALoneLabelIsAmbiguous() {
        String numbered = "0,1,2\n1,2,5\n3,4,5\n5,6,7\n7,8,7\n";
        assertThat(error(numbered, AUTO))
                .endsWith("t.csv: line 1 holds numbers only, so it would be data, but its"
                        + " label '2' is in no other row: if line 1 is a header, pass --header yes; if it is data, pass"
                        + " --header no");
        assertThat(read(numbered, header(true)).classNames()).containsExactly("5", "7");
        assertThat(read(numbered, header(false)).classNames())
                .as("said to be data")
                .containsExactly("2", "5", "7");
        assertThat(error("0,1,label\n1,2,5\n3,4,5\n", AUTO)).contains("its label 'label' is in no other row");
        // Controls: a first label found again, or a file whose every label is alone, is data as before.
        assertThat(read("0,1,5\n1,2,5\n3,4,7\n5,6,7\n", AUTO).size()).isEqualTo(4);
        assertThat(read("1,2,0\n3,4,1\n", AUTO).size()).isEqualTo(2);
        assertThat(read("1,2,1.0\n1,2,1\n3,4,7\n5,6,7\n", AUTO).size())
                .as("1.0 is 1")
                .isEqualTo(4);
    }

    /** Said to be data, a row of words gets its first bad cell's error and the likely reason. */
    @Test
    void aHeaderSaidToBeDataIsNamed() {
        assertThat(error("f,g,label\n1,2,a\n", header(false)))
                .endsWith("t.csv: line 1, column 1: 'f' is not a" + " number" + EXPECTED_NUMBER
                        + "; line 1 looks like a header: pass --header yes");
        assertThat(error("1,2,a\n3,g,b\n", header(false)))
                .as("no hint past line 1")
                .endsWith("line 2, column 2: 'g' is not a number" + EXPECTED_NUMBER);
    }

    /** Issue 26, defect 12: "1" and "1.0" were two classes, "1" and "01" an error. */
    @Test
    void numericLabelsAreClassesByValue() {
        // 0.5 makes the column a regression target (TargetAnalysis); --task classification keeps it classes.
        CsvReader.Options classes = new CsvReader.Options(
                Optional.empty(),
                Optional.empty(),
                new org.saepj.data.table.TableOptions(
                        org.saepj.data.table.TableOptions.DEFAULT_MISSING,
                        java.util.Map.of(),
                        java.util.List.of(),
                        null,
                        org.saepj.data.TargetAnalysis.Task.CLASSIFICATION),
                Optional.empty());
        Dataset d = read("x,label\n1,1\n2,1.0\n3,01\n4,1e0\n5,+1\n6,0.5\n7,.50\n8,10\n9,2\n10,2.00\n", classes);
        assertThat(d.classNames()).containsExactly("0.5", "1", "2", "10");
        assertThat(d.labels()).containsExactly(1, 1, 1, 1, 1, 0, 0, 3, 2, 2);
        Dataset mixed = read("x,label\n1,b\n2,10\n3,9\n4,a\n5,9.0\n6,b\n", AUTO);
        assertThat(mixed.classNames()).as("numbers by value, then text").containsExactly("9", "10", "a", "b");
        assertThat(mixed.labels()).containsExactly(3, 1, 0, 2, 0, 3);
    }

    @Test
    void standardisesWithTrainingStatistics() {
        Dataset train = read("1,10,a\n3,10,b\n", CsvReader.Options.defaults());
        Standardizer s = Standardizer.fit(train);
        assertThat(s.mean()).containsExactly(2f, 10f);
        assertThat(s.deviation()).containsExactly(1f, 1f);
        assertThat(s.apply(train).features()).containsExactly(-1f, 0f, 1f, 0f);
    }
}
