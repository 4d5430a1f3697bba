package org.saepj.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.CliRun;
import org.saepj.testing.TestFiles;

/**
 * Opt-in ({@code SAEP_SPARK_STANDALONE=1}): a standalone Master and Worker started as processes of their own from the
 * same jars on 127.0.0.1 — the shape of a real cluster, where the driver only talks to the master — and a comparison
 * through {@code --spark spark://127.0.0.1:PORT} that equals the local one, from the CLI and submitted with
 * spark-submit ({@code org.apache.spark.deploy.SparkSubmit}, the CLI jar as the application).
 */
@EnabledIfEnvironmentVariable(named = "SAEP_SPARK_STANDALONE", matches = "1")
class StandaloneClusterTest {
    @TempDir
    Path root;

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    Process start(String main, Path log, String... args) throws Exception {
        return start(main, System.getProperty("java.class.path"), log, args);
    }

    Process start(String main, String classPath, Path log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        // the module options spark-submit and Spark's scripts give every Spark JVM
        cmd.addAll(List.of(org.apache.spark.launcher.JavaModuleOptions.defaultModuleOptions()
                .split(" ")));
        cmd.addAll(List.of("-cp", classPath, main));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_NO_DAEMONIZE", "1");
        return pb.start();
    }

    @Test
    void aComparisonOnAStandaloneClusterIsTheLocalOne() throws Exception {
        Path fixture = TestFiles.fashionMnistFixture(root.resolve("fixture"));
        Files.createDirectories(Path.of(System.getenv("SPARK_HOME")).resolve("jars"));
        int port = freePort();
        Process master = start(
                "org.apache.spark.deploy.master.Master",
                root.resolve("master.log"),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--webui-port",
                Integer.toString(freePort()));
        Process worker = null;
        try {
            worker = start(
                    "org.apache.spark.deploy.worker.Worker",
                    root.resolve("worker.log"),
                    "--host",
                    "127.0.0.1",
                    "--cores",
                    "2",
                    "--memory",
                    "2g",
                    "--work-dir",
                    root.resolve("work").toString(),
                    "--webui-port",
                    Integer.toString(freePort()),
                    "spark://127.0.0.1:" + port);
            String[] args = {
                "compare",
                "--data",
                "idx:" + fixture,
                "--model", // the paper's dnn: the cluster, not the default space, is under test
                "dnn",
                "--methods",
                "adanet,pap",
                "--seeds",
                "1,2",
                "--iterations",
                "3",
                "--steps",
                "600",
                "--threads",
                "1",
                "--quiet",
                "--out"
            };
            CliRun local = CliRun.of(concat(args, root.resolve("local").toString()));
            assertThat(local.exitCode()).as(local.err()).isZero();
            CliRun cluster = CliRun.of(concat(
                    args,
                    root.resolve("cluster").toString(),
                    "--spark",
                    "spark://127.0.0.1:" + port,
                    "--spark-conf",
                    "spark.executor.memory=768m",
                    "--spark-conf",
                    "saep.registrationTimeout=90"));
            assertThat(cluster.exitCode())
                    .as(cluster.err() + Files.readString(root.resolve("worker.log")))
                    .isZero();
            assertThat(RunFiles.withoutTimes(RunFiles.read(root.resolve("cluster/comparison.json"))))
                    .isEqualTo(RunFiles.withoutTimes(RunFiles.read(root.resolve("local/comparison.json"))));
            // As on a real cluster: spark-submit (its main class, as bin/spark-submit runs it) with the CLI jar as the
            // application and the Spark module as --jars; the executors get both from the driver.
            Path module = Path.of("").toAbsolutePath(); // surefire runs in the module's directory
            Path cliJar = module.resolveSibling("saep-cli").resolve("target").resolve("saep.jar");
            Path sparkJar = module.resolve("target").resolve("saep-spark-0.1.0-SNAPSHOT.jar");
            org.junit.jupiter.api.Assumptions.assumeTrue(
                    Files.isRegularFile(cliJar) && Files.isRegularFile(sparkJar),
                    "the CLI and Spark module jars are built (mvn install)");
            String testPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            // Spark's jars only: what SAEP-J needs must come through spark-submit, as on a cluster
            String sparkOnly = java.util.Arrays.stream(testPath.split(java.io.File.pathSeparator))
                    .filter(e -> !e.contains("saep-")
                            && !e.contains("/org/saepj/")
                            && !e.contains("junit")
                            && !e.contains("assertj"))
                    .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
            Process submit = start(
                    "org.apache.spark.deploy.SparkSubmit",
                    sparkOnly,
                    root.resolve("submit.log"),
                    "--master",
                    "spark://127.0.0.1:" + port,
                    "--class",
                    "org.saepj.cli.SaepCommand",
                    "--jars",
                    sparkJar.toString(),
                    "--conf",
                    "spark.executor.memory=768m",
                    cliJar.toString(),
                    "compare",
                    "--data",
                    "idx:" + fixture,
                    "--model", // the paper's dnn: the cluster, not the default space, is under test
                    "dnn",
                    "--methods",
                    "adanet,pap",
                    "--seeds",
                    "1,2",
                    "--iterations",
                    "3",
                    "--steps",
                    "600",
                    "--threads",
                    "1",
                    "--quiet",
                    "--out",
                    root.resolve("submitted").toString(),
                    "--spark",
                    "spark://127.0.0.1:" + port,
                    "--spark-conf",
                    "saep.registrationTimeout=90");
            assertThat(submit.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(submit.exitValue())
                    .as(Files.readString(root.resolve("submit.log")))
                    .isZero();
            assertThat(RunFiles.withoutTimes(RunFiles.read(root.resolve("submitted/comparison.json"))))
                    .isEqualTo(RunFiles.withoutTimes(RunFiles.read(root.resolve("local/comparison.json"))));
        } finally {
            for (Process p : new Process[] {worker, master}) {
                if (p != null) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
