package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.testing.TestFiles;
import org.saepj.testing.TestImages;

/**
 * {@code images:DIR} through the command line: a search at a tiny budget on class folders of mixed formats and sizes,
 * evaluate and predict with the saved ensemble (a flat folder of new images of other sizes and colour modes),
 * {@code datasets show}, folds, compare, and an IDX directory without test files.
 */
class ImageFolderCliTest {
    private static final String[] FORMATS = {"png", "bmp", "gif", "jpeg"};

    @TempDir
    static Path root;

    private static Path classes;
    private static Path run;

    /** Bright and dark grey images, 8×8 mostly, every fifth 12×10: told apart by their level. */
    @BeforeAll
    static void searchOnceOnClassFolders() throws Exception {
        classes = root.resolve("shades");
        for (int i = 0; i < 30; i++) {
            int h = i % 5 == 0 ? 12 : 8;
            int w = i % 5 == 0 ? 10 : 8;
            String format = FORMATS[i % FORMATS.length];
            String name = String.format("%02d.%s", i, format.equals("jpeg") ? "jpg" : format);
            TestImages.write(classes.resolve("bright").resolve(name), TestImages.grey(h, w, 180 + i), format);
            TestImages.write(classes.resolve("dark").resolve(name), TestImages.grey(h, w, 10 + i), format);
        }
        TestFiles.write(classes.resolve("dark").resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});
        run = root.resolve("run");
        CliRun search = CliRun.of(
                "search",
                "--data",
                "images:" + classes,
                "--image-size",
                "8x8",
                "--batch",
                "16",
                "--iterations",
                "2",
                "--steps",
                "120",
                "--threads",
                "1",
                "--quiet",
                "--out",
                run.toString());
        assertThat(search.exitCode()).as(search.err()).isZero();
        assertThat(search.err())
                .contains("warning: images:" + classes + ": skipped dark" + java.io.File.separator + "broken.png: ");
    }

    @Test
    void theSearchHoldsOutAStratifiedTestPartAndTheManifestRecordsSizeAndChannels() throws Exception {
        JsonNode report = Json.MAPPER.readTree(run.resolve("report.json").toFile());
        assertThat(report.at("/dataset/testSize").asInt()).isEqualTo(12);
        assertThat(report.at("/dataset/classes").toString()).isEqualTo("[\"bright\",\"dark\"]");
        assertThat(report.at("/final/testAccuracy").asDouble()).isGreaterThan(0.9);
        JsonNode manifest = Json.MAPPER.readTree(
                run.resolve("ensemble").resolve("manifest.json").toFile());
        assertThat(manifest.get("inputShape").toString()).isEqualTo("[8,8,1]");
        assertThat(manifest.at("/preprocessing/0/type").asText()).isEqualTo("scale");
        assertThat(Json.MAPPER
                        .readTree(run.resolve("run.json").toFile())
                        .get("imageSize")
                        .asText())
                .isEqualTo("8x8");
        // --resume takes the stored --image-size: without it the folder's two sizes would be refused
        CliRun resumed = CliRun.of("search", "--resume", run.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("already complete");
        // evaluate needs no --image-size: the folder is converted to the ensemble's input and recognised as its data
        CliRun eval = CliRun.of(
                "evaluate", "--model", run.resolve("ensemble").toString(), "--data", "images:" + classes, "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(Json.MAPPER.readTree(eval.out()).get("accuracy").asDouble())
                .isEqualTo(report.at("/final/testAccuracy").asDouble());
    }

    @Test
    void predictScoresAFlatFolderOfOtherSizesAndColourModesNamedByFile() throws Exception {
        Path fresh = root.resolve("fresh");
        TestImages.write(fresh.resolve("white.jpg"), TestImages.colour(23, 17, 0xf0f0f0), "jpeg");
        BufferedImage black = TestImages.grey(5, 5, 0);
        TestImages.write(fresh.resolve("black.png"), black, "png");
        TestFiles.write(fresh.resolve(".hidden"), new byte[] {1});
        Path out = root.resolve("predictions.csv");
        CliRun predict = CliRun.of(
                "predict",
                "--model",
                run.resolve("ensemble").toString(),
                "--data",
                "images:" + fresh,
                "--out",
                out.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(predict.err()).contains("warning: images:" + fresh + ": skipped .hidden: a hidden file");
        List<String> rows = Files.readAllLines(out);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo("file,predicted,p_bright,p_dark");
        assertThat(rows.get(1)).startsWith("black.png,dark,");
        assertThat(rows.get(2)).startsWith("white.jpg,bright,");
    }

    @Test
    void datasetsShowCountsImagesPerClassWithSizeAndChannels() {
        CliRun show = CliRun.of("datasets", "show", "images:" + classes, "--image-size", "6x7");
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out())
                .contains("shape     6×7×1 (height×width×channels)")
                .contains("train     60 samples")
                .containsPattern("0 +bright +30 +-")
                .containsPattern("1 +dark +30 +-");
        CliRun refused = CliRun.of("datasets", "show", "images:" + classes);
        assertThat(refused.exitCode()).isEqualTo(1);
        List<String> lines = refused.err().strip().lines().toList();
        assertThat(lines.get(0)).contains("skipped dark" + java.io.File.separator + "broken.png");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1))
                .startsWith("error: " + classes)
                .contains(" is 12×10 but ")
                .contains("give --image-size HxW");
        CliRun bad = CliRun.of("datasets", "show", "images:" + classes, "--image-size", "big");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--image-size: 'big' is not HxW");
    }

    @Test
    void foldsAndCompareWorkOnAnImageFolder() throws Exception {
        Path folds = root.resolve("folds");
        CliRun f = CliRun.of(
                "search",
                "--data",
                "images:" + classes,
                "--image-size",
                "8x8",
                "--folds",
                "2",
                "--batch",
                "16",
                "--iterations",
                "1",
                "--steps",
                "40",
                "--threads",
                "1",
                "--quiet",
                "--out",
                folds.toString());
        assertThat(f.exitCode()).as(f.err()).isZero();
        Path cmp = root.resolve("cmp");
        CliRun c = CliRun.of(
                "compare",
                "--data",
                "images:" + classes,
                "--image-size",
                "8x8",
                "--batch",
                "16",
                "--methods",
                "adanet",
                "--seeds",
                "1",
                "--iterations",
                "1",
                "--steps",
                "40",
                "--threads",
                "1",
                "--quiet",
                "--out",
                cmp.toString());
        assertThat(c.exitCode()).as(c.err()).isZero();
    }

    @Test
    void anIdxDirectoryWithoutTestFilesHoldsOutATestPart() throws Exception {
        Path idx = TestFiles.fashionMnistFixture(root.resolve("train-only"));
        Files.delete(idx.resolve("t10k-images-idx3-ubyte.gz"));
        Files.delete(idx.resolve("t10k-labels-idx1-ubyte.gz"));
        Path out = root.resolve("idx-run");
        CliRun search = CliRun.of(
                "search",
                "--preset",
                "paper", // the paper's split: every training row trains the candidates
                "--data",
                "idx:" + idx,
                "--iterations",
                "1",
                "--steps",
                "40",
                "--threads",
                "1",
                "--quiet",
                "--out",
                out.toString());
        assertThat(search.exitCode()).as(search.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        int test = report.at("/dataset/testSize").asInt();
        assertThat(test).as("20%, stratified: rounded class by class").isBetween(195, 205);
        assertThat(report.at("/dataset/trainSize").asInt()).isEqualTo(1000 - test);
    }
}
