package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.testing.TestFiles;

class DatasetsCommandTest {
    @TempDir
    Path dir;

    @Test
    void showPrintsSizesAndPerClassCounts() {
        TestFiles.fashionMnistFixture(dir.resolve("fashion-mnist"));
        CliRun run = CliRun.of("datasets", "show", "fashion-mnist", "--data-dir", dir.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("train     1000 samples")
                .contains("test      500 samples")
                .contains("Ankle boot");
    }

    @Test
    void showWarnsAboutLabelsASearchRefusesAndStillPrintsTheTable() {
        Path d = dir.resolve("all-200");
        TestFiles.writeIdxDir(d, 6, 2, 2, 2, 2);
        byte[] labels = new byte[6];
        java.util.Arrays.fill(labels, (byte) 200);
        TestFiles.write(d.resolve("train-labels-idx1-ubyte"), TestFiles.idx(new int[] {6}, labels));
        CliRun run = CliRun.of("datasets", "show", "idx:" + d);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("train     6 samples");
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith("warning: idx:" + d
                        + ": the training labels hold 1 class: a search needs at least 2: check the")
                .endsWith("(a search refuses this data)");
        CliRun search = CliRun.of(
                "search", "--data", "idx:" + d, "--out", dir.resolve("out").toString());
        assertThat(search.err())
                .contains("idx:" + d + ": the training labels hold 1 class: a search needs at least 2: check the");
        TestFiles.write(
                d.resolve("train-labels-idx1-ubyte"),
                TestFiles.idx(new int[] {6}, new byte[] {0, (byte) 200, 0, (byte) 200, 0, (byte) 200}));
        assertThat(CliRun.of("datasets", "show", "idx:" + d).err())
                .startsWith("warning: idx:" + d
                        + ": 199 of 201 classes have no training samples ('1', '2', '3', '4', '5', …)");
    }

    @Test
    void showOfDataASearchTakesHasNoWarning() {
        TestFiles.fashionMnistFixture(dir.resolve("fashion-mnist"));
        assertThat(CliRun.of("datasets", "show", "fashion-mnist", "--data-dir", dir.toString())
                        .err())
                .isEmpty();
    }

    @Test
    void listShowsWhereEachDatasetIs() {
        TestFiles.fashionMnistFixture(dir.resolve("fashion-mnist"));
        CliRun run = CliRun.of("datasets", "--data-dir", dir.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("found: " + dir.resolve("fashion-mnist"))
                .contains("saep datasets fetch cifar10");
    }

    @Test
    void eachCorruptFileGivesOneErrorLineAndExitOne() {
        byte[][] corrupt = {
            {1, 2, 8, 3, 0, 0, 0, 1}, // bad magic
            TestFiles.idx(new int[] {10, 2, 2}, new byte[12]), // truncated
            TestFiles.idx(new int[] {4, 2}, new byte[8]), // wrong dimension count
            TestFiles.idx(new int[] {1_000_000_000, 28, 28}, new byte[10]), // huge declared size
        };
        for (byte[] content : corrupt) {
            Path d = dir.resolve("c" + System.nanoTime());
            TestFiles.writeIdxDir(d, 4, 4, 2, 2, 2);
            TestFiles.write(d.resolve("train-images-idx3-ubyte"), content);
            assertOneLineError(
                    CliRun.of("datasets", "show", "idx:" + d), 3, "train-images-idx3-ubyte"); // corrupt: file
        }
        Path mismatch = dir.resolve("mismatch");
        TestFiles.writeIdxDir(mismatch, 4, 4, 2, 2, 2);
        TestFiles.write(mismatch.resolve("train-labels-idx1-ubyte"), TestFiles.idx(new int[] {3}, new byte[3]));
        assertOneLineError(CliRun.of("datasets", "show", "idx:" + mismatch), 1, "holds 3 labels but");
        Path range = dir.resolve("range");
        TestFiles.writeIdxDir(range, 4, 4, 2, 2, 2);
        TestFiles.write(range.resolve("classes.txt"), "a\nb\n".getBytes());
        TestFiles.write(
                range.resolve("train-labels-idx1-ubyte"), TestFiles.idx(new int[] {4}, new byte[] {0, 1, 7, 0}));
        assertOneLineError(CliRun.of("datasets", "show", "idx:" + range), 1, "out of range");
    }

    @Test
    void csvErrorsAndUsageErrors() {
        TestFiles.write(dir.resolve("r.csv"), "1,2,a\n3,b\n".getBytes());
        assertOneLineError(CliRun.of("datasets", "show", "csv:" + dir.resolve("r.csv")), 1, "line 2 has 2 columns");
        CliRun usage = CliRun.of("datasets", "show");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).startsWith("error: Missing required parameter");
        CliRun unknown = CliRun.of("datasets", "fetch", "imagenet");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error: unknown dataset 'imagenet'");
    }

    private static void assertOneLineError(CliRun run, int code, String fragment) {
        assertThat(run.exitCode()).isEqualTo(code);
        assertThat(run.err()).startsWith("error: ").contains(fragment).doesNotContain("\tat ");
        assertThat(run.err().strip().lines().count()).isEqualTo(1);
    }
}
