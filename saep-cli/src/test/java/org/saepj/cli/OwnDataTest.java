package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.data.io.Cifar10Reader;
import org.saepj.testing.TestFiles;

/** Searches on the user's own data: a CSV file (standardised, held-out test) and CIFAR-10 files with the CNN. */
class OwnDataTest {
    @TempDir
    Path dir;

    /** Three well-separated Gaussian blobs in 4 features with string labels, scaled far from unit variance. */
    static String blobs(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        String[] names = {"setosa", "versicolor", "virginica"};
        StringBuilder sb = new StringBuilder("f1,f2,f3,f4,species\n");
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            for (int f = 0; f < 4; f++) {
                double centre = (c == f % 3 ? 3 : 0) * 100 + 1000;
                sb.append(String.format(java.util.Locale.ROOT, "%.3f,", centre + 40 * rng.nextGaussian()));
            }
            sb.append(names[c]).append('\n');
        }
        return sb.toString();
    }

    @Test
    void csvSearchStandardisesHoldsOutTestDataAndEvaluatesTheSame() throws Exception {
        Path csv = TestFiles.write(dir.resolve("blobs.csv"), blobs(600, 1).getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("csv-run");
        CliRun run = CliRun.of(
                "search",
                "--data",
                "csv:" + csv,
                "--method",
                "pie",
                "--iterations",
                "4",
                "--steps",
                "200",
                "--quiet",
                "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/dataset/testSize").asInt()).isEqualTo(120);
        assertThat(report.at("/dataset/classes").toString()).isEqualTo("[\"setosa\",\"versicolor\",\"virginica\"]");
        assertThat(report.at("/final/testAccuracy").asDouble()).isGreaterThan(0.9);
        JsonNode manifest = Json.MAPPER.readTree(
                out.resolve("ensemble").resolve("manifest.json").toFile());
        assertThat(manifest.at("/preprocessing/0/type").asText()).isEqualTo("standardize");
        assertThat(manifest.get("featureNames").toString())
                .as("the header's features, in input order")
                .isEqualTo("[\"f1\",\"f2\",\"f3\",\"f4\"]");
        assertThat(manifest.at("/preprocessing/0/mean/0").asDouble()).isBetween(1000.0, 1300.0);
        CliRun eval =
                CliRun.of("evaluate", "--model", out.resolve("ensemble").toString(), "--data", "csv:" + csv, "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(Json.MAPPER.readTree(eval.out()).get("accuracy").asDouble())
                .isEqualTo(report.at("/final/testAccuracy").asDouble());

        // Separate test data whose label order differs (only two classes in it): labels are matched by name.
        Path test = TestFiles.write(
                dir.resolve("test.csv"),
                blobs(90, 2).replaceAll("(?m)^.*setosa\\n", "").getBytes(StandardCharsets.UTF_8));
        Path out2 = dir.resolve("csv-test-run");
        CliRun withTest = CliRun.of(
                "search",
                "--preset",
                "paper", // the paper's split: every training row trains the candidates
                "--data",
                "csv:" + csv,
                "--test",
                "csv:" + test,
                "--iterations",
                "2",
                "--steps",
                "100",
                "--quiet",
                "--out",
                out2.toString());
        assertThat(withTest.exitCode()).as(withTest.err()).isZero();
        JsonNode r2 = Json.MAPPER.readTree(out2.resolve("report.json").toFile());
        assertThat(r2.at("/dataset/testSize").asInt()).isEqualTo(60);
        assertThat(r2.at("/dataset/trainSize").asInt()).isEqualTo(600);
        assertThat(r2.at("/final/testAccuracy").asDouble()).isGreaterThan(0.9);
    }

    @Test
    void cifarFilesWithTheCnn() throws Exception {
        // Two classes told apart by colour: red images are class 0, blue ones class 1.
        byte[] batch = new byte[40 * Cifar10Reader.RECORD];
        SplittableRandom rng = new SplittableRandom(3);
        for (int r = 0; r < 40; r++) {
            int off = r * Cifar10Reader.RECORD;
            int label = r % 2;
            batch[off] = (byte) label;
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < 1024; i++) {
                    int base = (label == 0 && c == 0) || (label == 1 && c == 2) ? 200 : 40;
                    batch[off + 1 + c * 1024 + i] = (byte) (base + rng.nextInt(40));
                }
            }
        }
        Path cifar = dir.resolve("cifar");
        for (int i = 1; i <= 5; i++) {
            TestFiles.write(cifar.resolve("data_batch_" + i + ".bin"), batch);
        }
        TestFiles.write(cifar.resolve("test_batch.bin"), batch);
        Path out = dir.resolve("cifar-run");
        CliRun run = CliRun.of(
                "search",
                "--data",
                "cifar10:" + cifar,
                "--model",
                "cnn",
                "--pair",
                "0,1",
                "--iterations",
                "2",
                "--steps",
                "40",
                "--batch",
                "16",
                "--quiet",
                "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/dataset/classes").toString()).isEqualTo("[\"airplane\",\"automobile\"]");
        assertThat(report.at("/members/0/architecture/type").asText()).isEqualTo("conv");
        assertThat(report.at("/final/testAccuracy").asDouble()).isGreaterThan(0.9);
        // One batch file scored whole, with the labels its records carry, in the file's order.
        Path predictions = dir.resolve("cifar-predictions.csv");
        CliRun predict = CliRun.of(
                "predict",
                "--model",
                out.resolve("ensemble").toString(),
                "--data",
                "cifar10:" + cifar.resolve("test_batch.bin"),
                "--out",
                predictions.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        java.util.List<String> lines = java.nio.file.Files.readAllLines(predictions);
        assertThat(lines).hasSize(41);
        assertThat(lines.get(0)).isEqualTo("row,predicted,p_airplane,p_automobile,label");
        long right = 0;
        for (int r = 1; r <= 40; r++) {
            String[] cells = lines.get(r).split(",");
            assertThat(cells[0]).isEqualTo(Integer.toString(r));
            assertThat(cells[4]).isEqualTo((r - 1) % 2 == 0 ? "airplane" : "automobile");
            right += cells[1].equals(cells[4]) ? 1 : 0;
        }
        assertThat(right).as("the colours tell the classes apart").isGreaterThan(36);
    }
}
