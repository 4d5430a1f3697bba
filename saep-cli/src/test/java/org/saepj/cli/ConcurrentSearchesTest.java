package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.testing.TestFiles;

/** Two searches writing to different directories at once neither interfere nor differ from running alone. */
class ConcurrentSearchesTest {
    @TempDir
    Path root;

    @Test
    void twoSearchesAtOnceMatchRunningAlone() throws Exception {
        TestFiles.fashionMnistFixture(root.resolve("data").resolve("fashion-mnist"));
        String data = root.resolve("data").toString();
        String[] a = {
            "search",
            "--data",
            "fashion-mnist",
            "--data-dir",
            data,
            "--model", // the paper's dnn: this test is not about the default space
            "dnn",
            "--method",
            "pap",
            "--iterations",
            "4",
            "--steps",
            "200",
            "--seed",
            "1",
            "--quiet",
            "--out"
        };
        String[] b = {
            "search",
            "--data",
            "fashion-mnist",
            "--data-dir",
            data,
            "--model", // the paper's dnn: this test is not about the default space
            "dnn",
            "--method",
            "pie",
            "--iterations",
            "4",
            "--steps",
            "200",
            "--seed",
            "2",
            "--quiet",
            "--out"
        };
        CliRun aloneA = CliRun.of(with(a, root.resolve("alone-a")));
        CliRun aloneB = CliRun.of(with(b, root.resolve("alone-b")));
        CompletableFuture<CliRun> ta =
                CompletableFuture.supplyAsync(() -> CliRun.of(with(a, root.resolve("together-a"))));
        CompletableFuture<CliRun> tb =
                CompletableFuture.supplyAsync(() -> CliRun.of(with(b, root.resolve("together-b"))));
        assertThat(ta.get().exitCode()).as(ta.get().err()).isZero();
        assertThat(tb.get().exitCode()).as(tb.get().err()).isZero();
        assertThat(aloneA.exitCode()).isZero();
        assertThat(aloneB.exitCode()).isZero();
        assertThat(InterruptionTest.comparable(root.resolve("together-a").resolve("report.json")))
                .isEqualTo(InterruptionTest.comparable(root.resolve("alone-a").resolve("report.json")));
        assertThat(InterruptionTest.comparable(root.resolve("together-b").resolve("report.json")))
                .isEqualTo(InterruptionTest.comparable(root.resolve("alone-b").resolve("report.json")));
    }

    private static String[] with(String[] args, Path out) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = out.toString();
        return all;
    }
}
