package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.data.source.SourceKinds;
import org.saepj.testing.TestFiles;

/**
 * A source kind that exists only in the test sources ({@link SemicolonKind}, one class, registered by one line of a
 * services file) is data for search and evaluate, and is listed and suggested like the built-in kinds, with no line
 * of DataSources or the command line written for it. Its services file is kept off the test class path (so the other
 * tests' messages list the built-in kinds only) and brought in by a class loader of its own, as a plug-in jar would be.
 */
class PluginSourceKindTest {
    @TempDir
    Path dir;

    /** Runs with the test's services file on the context class loader, which {@link java.util.ServiceLoader} reads. */
    static <T> T withPlugin(Callable<T> body) throws Exception {
        URL services = PluginSourceKindTest.class.getResource("/plugin-source-kind/");
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        ClassLoader parent = PluginSourceKindTest.class.getClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {services}, parent)) {
            Thread.currentThread().setContextClassLoader(loader);
            return body.call();
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    static String blobs(int n) {
        SplittableRandom rng = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int c = i % 2;
            sb.append(String.format(
                    java.util.Locale.ROOT,
                    "%.3f; %.3f; %s%n",
                    c * 4 + rng.nextGaussian(),
                    -c * 4 + rng.nextGaussian(),
                    c == 0 ? "left" : "right"));
        }
        return sb.toString();
    }

    @Test
    void aTestOnlyKindSearchesAndEvaluates() throws Exception {
        Path file = TestFiles.write(dir.resolve("points.semi"), blobs(200).getBytes(StandardCharsets.UTF_8));
        assertThat(SourceKinds.ids()).containsExactly("idx", "cifar10", "csv", "images");
        Path out = dir.resolve("run");
        CliRun run = withPlugin(() -> CliRun.of(
                "search",
                "--data",
                "semi:" + file,
                "--iterations",
                "2",
                "--steps",
                "60",
                "--threads",
                "1",
                "--quiet",
                "--out",
                out.toString()));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/dataset/source").asText()).isEqualTo("semi:" + file);
        assertThat(report.at("/dataset/classes").toString()).contains("left", "right");
        assertThat(report.at("/final/testAccuracy").asDouble()).isGreaterThan(0.9);

        CliRun evaluate = withPlugin(() -> CliRun.of(
                "evaluate", "--model", out.resolve("ensemble").toString(), "--data", "semi:" + file, "--json"));
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(Json.MAPPER.readTree(evaluate.out()).get("accuracy").asDouble())
                .isGreaterThan(0.9);

        CliRun listed = withPlugin(() -> CliRun.of(
                "search", "--data", "semy:" + file, "--out", dir.resolve("x").toString()));
        assertThat(listed.exitCode()).isEqualTo(2);
        assertThat(listed.err())
                .contains("data source kind 'semy' unknown: expected idx:, cifar10:, csv:, images: or semi:"
                        + " (did you mean semi:" + file + "?)");
        CliRun datasets = withPlugin(() -> CliRun.of("datasets", "--data-dir", dir.toString()));
        assertThat(datasets.out()).contains("semi:FILE").contains("test kind: lines of semicolon-separated numbers");

        // without the plug-in on the class path the kind is unknown, and says which ones there are
        CliRun gone = CliRun.of(
                "search", "--data", "semi:" + file, "--out", dir.resolve("y").toString());
        assertThat(gone.exitCode()).isEqualTo(2);
        assertThat(gone.err()).contains("data source kind 'semi' unknown: expected idx:, cifar10:, csv: or images:");
    }
}
