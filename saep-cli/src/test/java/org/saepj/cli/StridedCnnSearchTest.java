package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.testing.TestFiles;

/**
 * examples/spaces/strided-cnn.json (a 7×7 stride-2 stem, stride-2 blocks with 1×1 stride-2 projection shortcuts)
 * searched end to end on a tiny synthetic image set: the same search with 1 and 2 threads, its members stored with
 * their strides and read back by {@code evaluate}.
 */
class StridedCnnSearchTest {
    static final Path SPACE = Path.of("..", "examples", "spaces", "strided-cnn.json");
    private static final int SIDE = 12;

    @TempDir
    Path dir;

    @Test
    void aStridedCnnIsSearchedTheSameWithOneAndTwoThreadsAndItsMembersLoad() throws Exception {
        Path data = images(dir.resolve("images"));
        JsonNode one = search(data, "1", dir.resolve("one"));
        JsonNode two = search(data, "2", dir.resolve("two"));
        assertThat(one.at("/iterations/0/candidates").size()).isEqualTo(4);
        assertThat(one.at("/iterations/0/candidates/0/name").asText()).isEqualTo("strided-filters8-repeat1");
        assertThat(one.at("/final/testAccuracy").asDouble())
                .as("three classes told apart by where the light is")
                .isGreaterThan(0.6);
        assertThat(two.at("/final/testLoss"))
                .as("the same search with 2 threads")
                .isEqualTo(one.at("/final/testLoss"));
        assertThat(two.at("/members")).isEqualTo(one.at("/members"));

        JsonNode manifest = Json.MAPPER.readTree(
                dir.resolve("one").resolve("ensemble").resolve("manifest.json").toFile());
        JsonNode stem = manifest.at("/members/0/architecture/nodes/0/layer");
        assertThat(stem.toString())
                .isEqualTo("{\"type\":\"conv2d\",\"filters\":" + stem.get("filters") + ",\"kernel\":7,\"stride\":2}");
        CliRun eval = CliRun.of(
                "evaluate",
                "--model",
                dir.resolve("one").resolve("ensemble").toString(),
                "--data",
                "idx:" + data,
                "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(Json.MAPPER.readTree(eval.out()).get("accuracy").asDouble())
                .isEqualTo(one.at("/final/testAccuracy").asDouble());
    }

    private JsonNode search(Path data, String threads, Path out) throws Exception {
        CliRun r = CliRun.of(
                "search",
                "--space",
                SPACE.toString(),
                "--data",
                "idx:" + data,
                "--iterations",
                "2",
                "--steps",
                "80",
                "--threads",
                threads,
                "--quiet",
                "--out",
                out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Json.MAPPER.readTree(out.resolve("report.json").toFile());
    }

    /**
     * 12×12 images of three classes, noise plus a bright top half (class 0), left half (1) or centre square (2), in
     * the four IDX files of an MNIST-style directory.
     */
    static Path images(Path dir) {
        write(dir, "train", 240, 1);
        write(dir, "t10k", 90, 2);
        return dir;
    }

    private static void write(Path dir, String prefix, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] pixels = new byte[n * SIDE * SIDE];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int label = i % 3;
            labels[i] = (byte) label;
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    boolean lit = switch (label) {
                        case 0 -> y < SIDE / 2;
                        case 1 -> x < SIDE / 2;
                        default -> Math.abs(2 * y - SIDE + 1) < SIDE / 2 && Math.abs(2 * x - SIDE + 1) < SIDE / 2;
                    };
                    pixels[(i * SIDE + y) * SIDE + x] = (byte) (rng.nextInt(80) + (lit ? 160 : 0));
                }
            }
        }
        TestFiles.write(dir.resolve(prefix + "-images-idx3-ubyte"), TestFiles.idx(new int[] {n, SIDE, SIDE}, pixels));
        TestFiles.write(dir.resolve(prefix + "-labels-idx1-ubyte"), TestFiles.idx(new int[] {n}, labels));
    }
}
