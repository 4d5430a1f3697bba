package org.saepj.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkContext$;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.CliRun;

/**
 * {@code saep search --spark MASTER} end to end: each candidate a Spark task on {@code local-cluster} (separate
 * executor JVMs), the search's selection, pruning, mixture and checkpoint on the driver; and {@code --folds K --spark},
 * each fold a task. Every file the search writes equals the local search's, times and provenance aside.
 */
class SearchOnSparkTest {
    @TempDir
    static Path root;

    static Path fixture;

    @BeforeAll
    static void data() throws Exception {
        fixture = LocalClusters.fixture(root);
    }

    private static String[] args(Path out, List<String> search, String... extra) {
        List<String> args = new ArrayList<>(List.of("search"));
        args.addAll(search);
        args.addAll(List.of("--quiet", "--out", out.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** The local search and the same on the cluster: every report, the ensemble and the log equal, times aside. */
    private static void assertSameRun(Path local, Path cluster) throws Exception {
        assertThat(RunFiles.withoutTimes(RunFiles.read(cluster.resolve("report.json"))))
                .isEqualTo(RunFiles.withoutTimes(RunFiles.read(local.resolve("report.json"))));
        assertThat(RunFiles.withoutTimes(RunFiles.read(cluster.resolve("ensemble/manifest.json"))))
                .isEqualTo(RunFiles.withoutTimes(RunFiles.read(local.resolve("ensemble/manifest.json"))));
        try (var files = Files.list(local.resolve("ensemble"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".params")).toList()) {
                assertThat(Files.readAllBytes(cluster.resolve("ensemble").resolve(f.getFileName())))
                        .as(f.getFileName().toString())
                        .isEqualTo(Files.readAllBytes(f));
            }
        }
        assertThat(Files.readString(cluster.resolve("iterations.csv"))
                        .lines()
                        .map(CompareOnSparkTest::withoutTimes)
                        .toList())
                .isEqualTo(Files.readString(local.resolve("iterations.csv"))
                        .lines()
                        .map(CompareOnSparkTest::withoutTimes)
                        .toList());
        assertThat(CompareOnSparkTest.logLines(cluster.resolve("search.log")))
                .isEqualTo(CompareOnSparkTest.logLines(local.resolve("search.log")));
    }

    /** @return whether a task runs now on the cluster of this JVM's active context (Spark's status API) */
    private static boolean taskRunning() {
        scala.Option<SparkContext> active = SparkContext$.MODULE$.getActive();
        if (active.isEmpty()) {
            return false;
        }
        var tracker = active.get().statusTracker();
        for (int stage : tracker.getActiveStageIds()) {
            var info = tracker.getStageInfo(stage);
            if (info.isDefined() && info.get().numActiveTasks() > 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void candidatesOnTheClusterGiveTheLocalSearchEvenWhenAnExecutorDies() throws Exception {
        // four candidates an iteration (widths 64 and 256 × depths 1 and 2): four tasks at once on two executors
        List<String> search = List.of(
                "--data",
                "idx:" + fixture,
                "--space",
                Path.of("../examples/spaces/wide-and-deep.json")
                        .toAbsolutePath()
                        .toString(),
                "--method",
                "pie",
                "--iterations",
                "4",
                "--steps",
                "1200",
                "--threads",
                "2");
        CliRun local = CliRun.of(args(root.resolve("local"), search));
        assertThat(local.exitCode()).as(local.err()).isZero();
        // during the second round of candidate tasks (the first has put the partitions in each executor's memory),
        // kill one executor JVM: Spark trains its candidate again on the other, from nothing
        AtomicInteger rounds = new AtomicInteger();
        AtomicBoolean wasRunning = new AtomicBoolean();
        ExecutorKiller killer = new ExecutorKiller(
                () -> {
                    boolean running = taskRunning();
                    if (running && !wasRunning.getAndSet(true)) {
                        rounds.incrementAndGet();
                    }
                    wasRunning.set(running);
                    return running && rounds.get() >= 2;
                },
                5);
        killer.start();
        CliRun cluster = CliRun.of(args(root.resolve("cluster"), search, "--spark", "local-cluster[2,1,1024]"));
        killer.join();
        assertThat(cluster.exitCode()).as(cluster.err()).isZero();
        assertThat(killer.killed())
                .as("an executor was killed during the search")
                .isEqualTo(1);
        assertSameRun(root.resolve("local"), root.resolve("cluster"));
        assertThat(RunFiles.read(root.resolve("cluster/report.json"))
                        .at("/provenance/executor")
                        .asText())
                .isEqualTo("spark local-cluster[2,1,1024]");
    }

    /**
     * The CNN space with two threads trains the next iteration's candidate beside this one's (two tasks at once);
     * executors measure the validation loss on their own copy of the validation part and stop where the driver would;
     * the recipe travels with each candidate: the executors schedule, smooth, augment (same draws) and clip as the
     * driver would. One search for all of it: a cluster's start is most of such a test's time.
     */
    @Test
    void aCnnSearchTrainedAnIterationEarlyWithEarlyStoppingAndEveryTrainingOptionIsTheLocalSearch() throws Exception {
        int iterations = 3;
        int steps = 600;
        List<String> search = List.of(
                "--data",
                "idx:" + fixture,
                "--preset",
                "validated",
                "--model",
                "cnn",
                "--method",
                "pap",
                "--iterations",
                Integer.toString(iterations),
                "--steps",
                Integer.toString(steps),
                "--check-every",
                "10",
                "--patience",
                "2",
                "--optimizer",
                "adamw",
                "--weight-decay",
                "0.02",
                "--schedule",
                "onecycle",
                "--label-smoothing",
                "0.1",
                "--augment",
                "crop,flip,erase",
                "--clip-norm",
                "1",
                "--threads",
                "2");
        CliRun local = CliRun.of(args(root.resolve("cnn-local"), search));
        assertThat(local.exitCode()).as(local.err()).isZero();
        CliRun cluster = CliRun.of(args(root.resolve("cnn-cluster"), search, "--spark", "local-cluster[2,1,1024]"));
        assertThat(cluster.exitCode()).as(cluster.err()).isZero();
        assertSameRun(root.resolve("cnn-local"), root.resolve("cnn-cluster"));
        var report = RunFiles.read(root.resolve("cnn-cluster/report.json"));
        assertThat(report.at("/iterations/1/trainSeconds").asDouble())
                .as("iteration 1's candidate trained with iteration 0's")
                .isZero();
        assertThat(report.at("/dataUse/earlyStopping").asText())
                .startsWith("the loss on the validation part, measured every 10 steps, patience 2");
        assertThat(report.at("/config/training/augmentation/erase").asBoolean()).isTrue();
        boolean stopped = false;
        for (var it : report.at("/iterations")) {
            for (var c : it.at("/candidates")) {
                stopped |= c.at("/stepsRun").asInt() < steps / iterations;
                assertThat(c.at("/keptStep").asInt())
                        .isBetween(1, c.at("/stepsRun").asInt());
            }
        }
        assertThat(stopped).as("some candidate stopped early").isTrue();
    }

    /** A table whose target is a number (a price of three features), as CSV with a header. */
    private static Path prices(Path file, int rows, long seed) throws Exception {
        StringBuilder sb = new StringBuilder("a,b,c,price\n");
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < rows; i++) {
            double a = rng.nextDouble() * 4 - 2;
            double b = rng.nextDouble() * 4 - 2;
            double c = rng.nextDouble() * 4 - 2;
            sb.append(String.format(
                    java.util.Locale.ROOT, "%.4f,%.4f,%.4f,%.3f%n", a, b, c, 20 + 5 * (a - b * b + Math.sin(c))));
        }
        Files.writeString(file, sb.toString());
        return file;
    }

    /**
     * The training and test CSV on another file system — a Hadoop one bound by {@code spark.hadoop.fs.bucket.impl}, as
     * {@code s3a:} is by hadoop-aws — read through Hadoop's layer by the driver and by each fold's executor; the
     * target is a number, so the regression task's loss, splits and report travel to the executors as well (one
     * cluster for both: its start is most of such a test's time).
     */
    @Test
    void regressionFoldsOnTheClusterWithATestSetOnAHadoopFileSystemAreTheLocalFolds() throws Exception {
        Path train = prices(root.resolve("train.csv"), 200, 11);
        Path test = prices(root.resolve("test.csv"), 60, 12);
        List<String> options = List.of(
                "--label-column",
                "price",
                "--method",
                "topk",
                "--max-members",
                "2",
                "--folds",
                "3",
                "--iterations",
                "3",
                "--steps",
                "300",
                "--threads",
                "1");
        List<String> here = new ArrayList<>(List.of("--data", "csv:" + train, "--test", "csv:" + test));
        here.addAll(options);
        List<String> remote =
                new ArrayList<>(List.of("--data", "csv:bucket://" + train, "--test", "csv:bucket://" + test));
        remote.addAll(options);
        CliRun local = CliRun.of(args(root.resolve("folds-local"), here));
        assertThat(local.exitCode()).as(local.err()).isZero();
        CliRun cluster = CliRun.of(args(
                root.resolve("folds-cluster"),
                remote,
                "--spark",
                "local-cluster[2,1,1024]",
                "--spark-conf",
                BucketFileSystem.SETTING + "=" + BucketFileSystem.class.getName()));
        assertThat(cluster.exitCode()).as(cluster.err()).isZero();
        Path clusterRuns = root.resolve("folds-cluster");
        assertThat(Files.readString(clusterRuns.resolve("fold-1/report.json")))
                .as("the source as the user gave it")
                .contains("\"csv:bucket://" + train + "\"")
                .doesNotContain("saep-cache");
        try (var files = Files.walk(clusterRuns)) {
            // the one difference from the local run: where the files were read from
            for (Path f : files.filter(
                            f -> f.toString().endsWith(".json") || f.toString().endsWith(".log"))
                    .toList()) {
                Files.writeString(f, Files.readString(f).replace("csv:bucket://", "csv:"));
            }
        }
        for (int k = 1; k <= 3; k++) {
            assertSameRun(root.resolve("folds-local/fold-" + k), root.resolve("folds-cluster/fold-" + k));
        }
        assertThat(RunFiles.withoutTimes(RunFiles.read(root.resolve("folds-cluster/report.json"))))
                .isEqualTo(RunFiles.withoutTimes(RunFiles.read(root.resolve("folds-local/report.json"))));
        assertThat(cluster.out()).contains("3 folds: test RMSE");
        for (int k = 1; k <= 3; k++) {
            assertThat(RunFiles.read(clusterRuns.resolve("fold-" + k + "/report.json"))
                            .at("/final/regression/rmse")
                            .asDouble())
                    .isPositive();
        }
    }

    /**
     * A search whose driver is killed (SIGKILL, with its worker and executor) after its first checkpoint continues with
     * {@code --resume DIR --spark MASTER} from that checkpoint and ends as the local search.
     */
    @Test
    void aSearchWhoseDriverIsKilledContinuesWithResume() throws Exception {
        List<String> search = List.of(
                "--data",
                "idx:" + fixture,
                "--model", // the paper's dnn: the cluster, not the default space, is under test
                "dnn",
                "--method",
                "pap",
                "--iterations",
                "3", // after the first checkpoint two iterations of 5000 steps are left: seconds to kill the driver in
                "--steps",
                "5000",
                "--threads",
                "1");
        CliRun local = CliRun.of(args(root.resolve("resume-local"), search));
        assertThat(local.exitCode()).as(local.err()).isZero();
        Path dir = root.resolve("resume-cluster");
        List<String> cmd = LocalClusters.cli(
                Files.createDirectories(root.resolve("driver-tmp")),
                args(dir, search, "--spark", "local-cluster[1,1,1024]"));
        Process driver = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("search-driver.log").toFile())
                .start();
        Path state = dir.resolve("checkpoint").resolve("state.json");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(state) && driver.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(driver.isAlive())
                .as("the driver still runs after its first checkpoint: "
                        + Files.readString(root.resolve("search-driver.log")))
                .isTrue();
        driver.descendants().forEach(ProcessHandle::destroyForcibly);
        driver.destroyForcibly().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(dir.resolve("report.json")).doesNotExist();
        CliRun resumed = CliRun.of("search", "--resume", dir.toString(), "--spark", "local-cluster[2,1,1024]");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("continuing at iteration");
        assertThat(RunFiles.withoutTimes(RunFiles.read(dir.resolve("report.json"))))
                .isEqualTo(RunFiles.withoutTimes(RunFiles.read(root.resolve("resume-local/report.json"))));
        assertThat(RunFiles.withoutTimes(RunFiles.read(dir.resolve("ensemble/manifest.json"))))
                .isEqualTo(RunFiles.withoutTimes(RunFiles.read(root.resolve("resume-local/ensemble/manifest.json"))));
    }
}
