package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.testing.TestFiles;

/**
 * IDX labels that invent classes (labels all 200 make 201 classes; classes 0 and 2 without a 1 make an empty class
 * between) are scored by {@code evaluate} and {@code predict} with one warning line naming the source and the empty
 * classes; data whose every class holds a sample gets none. ({@code datasets show} and {@code search} are in
 * {@link DatasetsCommandTest}.)
 */
class LabelWarningsTest {
    @TempDir
    Path dir;

    private Path model;

    @BeforeEach
    void searchThreeClasses() {
        Path data = dir.resolve("three");
        TestFiles.writeIdxDir(data, 60, 30, 4, 4, 3);
        CliRun search = CliRun.of(
                "search",
                "--data",
                "idx:" + data,
                "--iterations",
                "1",
                "--steps",
                "20",
                "--batch",
                "16",
                "--quiet",
                "--out",
                dir.resolve("run").toString());
        assertThat(search.exitCode()).as(search.err()).isZero();
        model = dir.resolve("run").resolve("ensemble");
        assertThat(CliRun.of("evaluate", "--model", model.toString(), "--data", "idx:" + data)
                        .err())
                .as("no warning when every class holds a sample")
                .isEmpty();
    }

    /** The fixture with labels 0, 2, 0, 2, …: class 1 is empty. */
    private Path gap() {
        Path d = dir.resolve("gap");
        TestFiles.writeIdxDir(d, 60, 30, 4, 4, 3);
        TestFiles.write(d.resolve("train-labels-idx1-ubyte"), TestFiles.idx(new int[] {60}, evenly(60)));
        TestFiles.write(
                d.resolve("t10k-labels-idx1-ubyte.gz"), TestFiles.gzip(TestFiles.idx(new int[] {30}, evenly(30))));
        return d;
    }

    private static byte[] evenly(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (2 * (i % 2));
        }
        return b;
    }

    @Test
    void evaluateAndPredictWarnAboutAnEmptyClassBetween() {
        Path d = gap();
        String warning = "warning: idx:" + d + ": its labels make 3 classes of which 1 hold no sample ('1'): labels"
                + " out of range, or classes not numbered from 0 without gaps";
        CliRun evaluate = CliRun.of("evaluate", "--model", model.toString(), "--data", "idx:" + d);
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(evaluate.err().lines()).singleElement().asString().startsWith(warning);
        CliRun predict = CliRun.of(
                "predict",
                "--model",
                model.toString(),
                "--data",
                "idx:" + d,
                "--out",
                dir.resolve("p.csv").toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(predict.err().lines()).singleElement().asString().startsWith(warning);
    }

    /**
     * Labels all 2 name classes 0, 1 and 2, two of them empty, and are scored with a warning; labels all 200 name
     * classes this ensemble has not, and are refused with one line.
     */
    @Test
    void evaluateWarnsAboutLabelsAllOneValue() {
        Path d = dir.resolve("all-2");
        TestFiles.writeIdxDir(d, 60, 30, 4, 4, 3);
        byte[] train = new byte[60];
        java.util.Arrays.fill(train, (byte) 2);
        byte[] test = new byte[30];
        java.util.Arrays.fill(test, (byte) 2);
        TestFiles.write(d.resolve("train-labels-idx1-ubyte"), TestFiles.idx(new int[] {60}, train));
        TestFiles.write(d.resolve("t10k-labels-idx1-ubyte.gz"), TestFiles.gzip(TestFiles.idx(new int[] {30}, test)));
        CliRun evaluate = CliRun.of("evaluate", "--model", model.toString(), "--data", "idx:" + d);
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(evaluate.err().lines())
                .singleElement()
                .asString()
                .startsWith("warning: idx:" + d + ": its labels make 3 classes of which 2 hold no sample ('0', '1')");

        java.util.Arrays.fill(train, (byte) 200);
        java.util.Arrays.fill(test, (byte) 200);
        TestFiles.write(d.resolve("train-labels-idx1-ubyte"), TestFiles.idx(new int[] {60}, train));
        TestFiles.write(d.resolve("t10k-labels-idx1-ubyte.gz"), TestFiles.gzip(TestFiles.idx(new int[] {30}, test)));
        CliRun refused = CliRun.of("evaluate", "--model", model.toString(), "--data", "idx:" + d);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).isEqualTo("error: class '3' of the data is not a class of the ensemble [0, 1, 2]\n");
    }
}
