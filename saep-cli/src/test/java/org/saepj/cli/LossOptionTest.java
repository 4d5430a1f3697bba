package org.saepj.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.testing.TestFiles;

/** {@code --loss}: a regression search's loss; a bad value or a classification search is one line. */
class LossOptionTest {
    @TempDir
    static Path root;

    static String dataDir;

    @BeforeAll
    static void fixture() {
        TestFiles.fashionMnistFixture(root.resolve("data").resolve("fashion-mnist"));
        dataDir = root.resolve("data").toString();
    }

    private static CliRun search(String loss) {
        return CliRun.of(
                "search",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--model", // the paper's dnn: this test is not about the default space
                "dnn",
                "--iterations",
                "1",
                "--steps",
                "5",
                "--loss",
                loss,
                "--quiet",
                "--out",
                root.resolve("out-" + System.nanoTime()).toString());
    }

    @Test
    void anUnknownLossIsAUsageError() {
        ErrorPathsTest.usage(search("absolute"), "--loss 'absolute': expected squared, huber or huber:D");
        ErrorPathsTest.usage(search("huber:0"), "--loss huber's delta must be a positive number, got 0.0");
    }

    @Test
    void aClassificationSearchRefusesHuberBeforeTraining() {
        ErrorPathsTest.usage(search("huber"), "huber:1.345, which a classification search does not take");
    }
}
