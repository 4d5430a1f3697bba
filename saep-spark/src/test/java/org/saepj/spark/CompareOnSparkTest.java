package org.saepj.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.CliRun;

/** {@code saep compare --spark MASTER} end to end, in this JVM as the launcher runs it: faults and errors included. */
class CompareOnSparkTest {
    @TempDir
    static Path root;

    static Path fixture;

    /** The comparison run in this JVM without Spark, once for the tests that compare the cluster's with it. */
    static Path local;

    @BeforeAll
    static void data() throws Exception {
        fixture = LocalClusters.fixture(root);
        local = root.resolve("local");
        CliRun here = CliRun.of(compare(local));
        assertThat(here.exitCode()).as(here.err()).isZero();
    }

    static String[] compare(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "compare",
                "--data",
                "idx:" + fixture,
                "--model", // the paper's dnn: the cluster, not the default space, is under test
                "dnn",
                "--methods",
                "adanet,pie",
                "--seeds",
                "1,2",
                "--iterations",
                "4",
                "--steps",
                "2000",
                "--threads",
                "1",
                "--quiet",
                "--out",
                out.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** @return this JVM's child processes that are Spark executors (local-cluster starts them from here) */
    static List<ProcessHandle> executors() {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> commandLine(p).contains("org.apache.spark.executor.CoarseGrainedExecutorBackend"))
                .toList();
    }

    /** The whole command line, from /proc (ProcessHandle's own is empty for long ones on Linux). */
    private static String commandLine(ProcessHandle p) {
        try {
            return new String(
                    Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return p.info().commandLine().orElse(""); // not Linux, or the process is gone
        }
    }

    /**
     * A 2 × 2 comparison whose searches are tasks of {@link SparkGridExecutor} (the CLI runs {@code Comparison.run}
     * with it, as a library user does) on two executor JVMs, one of them killed during a task: every run's report,
     * manifest, iterations.csv and search.log, and the comparison with each run's accuracy and ensemble size, equal the
     * local executor's, times and provenance aside.
     */
    @Test
    void anExecutorKilledDuringATaskChangesNothing() throws Exception {
        // once a search runs on an executor (its temporary run directory has a checkpoint), kill an executor's JVM:
        // Spark runs the task again on an executor that lives, from nothing
        ExecutorKiller killer = new ExecutorKiller(CompareOnSparkTest::searchRunning, 50);
        killer.start();
        CliRun cluster = CliRun.of(compare(root.resolve("cluster"), "--spark", "local-cluster[2,1,1024]"));
        killer.join();
        assertThat(cluster.exitCode()).as(cluster.err()).isZero();
        assertThat(killer.killed())
                .as("an executor was killed during the comparison")
                .isEqualTo(1);
        for (String run :
                List.of("adanet-uniform-seed1", "adanet-uniform-seed2", "pie-uniform-seed1", "pie-uniform-seed2")) {
            Path a = root.resolve("local/runs").resolve(run);
            Path b = root.resolve("cluster/runs").resolve(run);
            assertThat(RunFiles.withoutTimes(RunFiles.read(b.resolve("report.json"))))
                    .as(run)
                    .isEqualTo(RunFiles.withoutTimes(RunFiles.read(a.resolve("report.json"))));
            assertThat(RunFiles.withoutTimes(RunFiles.read(b.resolve("ensemble/manifest.json"))))
                    .as(run + " manifest")
                    .isEqualTo(RunFiles.withoutTimes(RunFiles.read(a.resolve("ensemble/manifest.json"))));
            assertThat(Files.readString(b.resolve("iterations.csv"))
                            .lines()
                            .map(CompareOnSparkTest::withoutTimes)
                            .toList())
                    .isEqualTo(Files.readString(a.resolve("iterations.csv"))
                            .lines()
                            .map(CompareOnSparkTest::withoutTimes)
                            .toList());
            assertThat(logLines(b.resolve("search.log")))
                    .as("the same search.log, times aside")
                    .isEqualTo(logLines(a.resolve("search.log")))
                    .anyMatch(l -> l.startsWith("iteration 3: "));
        }
        assertThat(RunFiles.withoutTimes(RunFiles.read(root.resolve("cluster/comparison.json"))))
                .isEqualTo(RunFiles.withoutTimes(RunFiles.read(root.resolve("local/comparison.json"))));
    }

    /** @return whether a search of the grid is under way on an executor of this machine */
    static boolean searchRunning() {
        try (var tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return tmp.filter(p -> p.getFileName().toString().startsWith("saep-grid-"))
                    .anyMatch(p -> {
                        try (var runs = Files.list(p)) {
                            return runs.anyMatch(
                                    r -> Files.isDirectory(r.resolve("checkpoint"))); // after its first iteration
                        } catch (java.io.IOException e) {
                            return false; // gone meanwhile
                        }
                    });
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** @return the log's lines without their clock time and the iterations' seconds */
    static List<String> logLines(Path log) throws java.io.IOException {
        return Files.readAllLines(log).stream()
                .map(l -> l.substring(l.indexOf(' ') + 1).replaceAll("(;| in) [0-9.]+ s$", ""))
                .toList();
    }

    /** iterations.csv's line without train_seconds and seconds (columns 10 and 11; a regression's follow them). */
    static String withoutTimes(String csvLine) {
        List<String> cells = new ArrayList<>(List.of(csvLine.split(",", -1)));
        cells.subList(9, 11).clear();
        return String.join(",", cells);
    }

    /**
     * The driver is the one process Spark cannot replace: killed (SIGKILL) once a run has come back, the comparison
     * continues with {@code --resume}, which reads the finished runs back and runs the others again, and ends as the
     * local comparison.
     */
    @Test
    void aKilledDriverContinuesWithResume() throws Exception {
        Path dir = root.resolve("killed-driver");
        List<String> cmd = LocalClusters.cli(
                Files.createDirectories(root.resolve("driver-tmp")),
                compare(dir, "--spark", "local-cluster[1,1,1024]"));
        Process driver = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("driver.log").toFile())
                .start();
        Path first = dir.resolve("runs").resolve("adanet-uniform-seed1").resolve("report.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(first) && driver.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(driver.isAlive())
                .as("the driver still runs when the first run is back: " + Files.readString(root.resolve("driver.log")))
                .isTrue();
        driver.descendants()
                .forEach(ProcessHandle::destroyForcibly); // its executor and worker go with it, as on a cluster
        driver.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(dir.resolve("comparison.json")).doesNotExist();
        java.nio.file.attribute.FileTime finishedAt = Files.getLastModifiedTime(first);
        CliRun resumed =
                CliRun.of("compare", "--resume", dir.toString(), "--spark", "local-cluster[2,1,1024]", "--quiet");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(Files.getLastModifiedTime(first))
                .as("the run that had come back is read, not run again")
                .isEqualTo(finishedAt);
        assertThat(RunFiles.withoutTimes(RunFiles.read(dir.resolve("comparison.json"))))
                .isEqualTo(RunFiles.withoutTimes(RunFiles.read(local.resolve("comparison.json"))));
        for (String run :
                List.of("adanet-uniform-seed1", "adanet-uniform-seed2", "pie-uniform-seed1", "pie-uniform-seed2")) {
            assertThat(RunFiles.withoutTimes(
                            RunFiles.read(dir.resolve("runs").resolve(run).resolve("report.json"))))
                    .as(run)
                    .isEqualTo(RunFiles.withoutTimes(
                            RunFiles.read(local.resolve("runs").resolve(run).resolve("report.json"))));
        }
    }

    @Test
    void anUnreachableMasterIsOneErrorWithinTheTimeLimit() {
        long t0 = System.nanoTime();
        CliRun r = CliRun.of(compare(
                root.resolve("nowhere"),
                "--spark",
                "spark://127.0.0.1:9",
                "--spark-conf",
                "saep.registrationTimeout=8"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .startsWith("error: --spark spark://127.0.0.1:9: no master answers at 127.0.0.1:9 (Connection refused)")
                .doesNotContain("\tat ");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(seconds).as("bounded by the time limit, not a hang").isLessThan(10);
    }

    @Test
    void aMasterThatIsNoURLIsAUsageLevelError() {
        CliRun r = CliRun.of(compare(root.resolve("bad"), "--spark", "my-cluster"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --spark my-cluster: not a Spark master URL");
    }
}
