package org.saepj.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.saepj.testing.TestFiles;

/**
 * What the tests that start a {@code local-cluster} master from the CLI share: the data and a driver JVM of its own.
 */
final class LocalClusters {
    private LocalClusters() {}

    /**
     * Copies the Fashion-MNIST fixture into {@code root/fixture}, and makes sure {@code $SPARK_HOME/jars} exists: a
     * local-cluster worker looks there for Spark's jars when it builds an executor's command line.
     *
     * @param root the test's directory
     * @return the fixture's directory
     */
    static Path fixture(Path root) throws IOException {
        Path fixture = TestFiles.fashionMnistFixture(root.resolve("fixture"));
        Files.createDirectories(Path.of(System.getenv("SPARK_HOME")).resolve("jars"));
        return fixture;
    }

    /**
     * @param scratch an existing directory for the JVM's temporary files
     * @param args the CLI's arguments
     * @return the command line of the CLI in a JVM of its own, with Spark's module options and this test's class path
     */
    static List<String> cli(Path scratch, String... args) {
        // the driver is killed by the tests that start it: its temporary files (Spark's block manager and scratch
        // directories) go where the test's own files go and are deleted with them, not left in the machine's /tmp
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-Djava.io.tmpdir=" + scratch,
                // and its executors' (lz4-java's native library, a killed task's run folder)
                "-Dspark.executor.defaultJavaOptions=-Djava.io.tmpdir=" + scratch));
        cmd.addAll(List.of(org.apache.spark.launcher.JavaModuleOptions.defaultModuleOptions()
                .split(" ")));
        cmd.addAll(List.of(
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "org.saepj.cli.SaepCommand"));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
