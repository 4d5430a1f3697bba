package org.saepj.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.data.SourceData;
import org.saepj.testing.TestFiles;
import org.saepj.testing.TestImages;

/**
 * Class folders of PNG, JPEG, BMP and GIF files written by ImageIO: classes, shapes, channels, skipped files, errors.
 */
class ImageFolderTest {
    private static final List<String> FORMATS = List.of("png", "jpeg", "bmp", "gif");

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private ImageOptions asTheyAre() {
        return ImageOptions.asTheyAre(warnings::add);
    }

    private ImageOptions resizedTo(int h, int w) {
        return new ImageOptions(Optional.of(new ImageSize(h, w)), Optional.empty(), warnings::add);
    }

    @Test
    void everyFormatDecodesGreyAsOneChannelAndColourAsThree() throws Exception {
        for (String format : FORMATS) {
            Pixels grey = ImageDecoder.decode(TestImages.encode(TestImages.grey(5, 4, 40), format));
            assertThat(grey.channels()).as(format).isEqualTo(1);
            assertThat(grey.size()).as(format).isEqualTo("5×4");
            Pixels colour = ImageDecoder.decode(TestImages.encode(TestImages.colour(3, 6, 0xc81e0a), format));
            assertThat(colour.channels()).as(format).isEqualTo(3);
            assertThat(colour.size()).as(format).isEqualTo("3×6");
            if (!format.equals("jpeg")) { // lossless: the stored values exactly
                assertThat(grey.values()[0]).as(format).isEqualTo(40f);
                assertThat(grey.values()[4 + 1]).as(format + " pixel (1, 1)").isEqualTo(50f);
                assertThat(Arrays.copyOf(colour.values(), 3)).as(format).containsExactly(200f, 30f, 10f);
            }
        }
    }

    @Test
    void classFoldersOfMixedFormatsBecomeOneDatasetInClassAndNameOrder() {
        for (int i = 0; i < FORMATS.size(); i++) {
            TestImages.write(
                    dir.resolve("dog").resolve("d" + i + "." + FORMATS.get(i)),
                    TestImages.colour(6, 5, 0x0000ff),
                    FORMATS.get(i));
            TestImages.write(
                    dir.resolve("cat").resolve("c" + i + "." + FORMATS.get(i)),
                    TestImages.colour(6, 5, 0xff0000),
                    FORMATS.get(i));
        }
        SourceData data = ImageFolder.read(dir, asTheyAre());
        assertThat(data.source()).isEqualTo("images:" + dir);
        assertThat(data.test()).as("the search holds out a test part").isEmpty();
        assertThat(data.train().classNames()).containsExactly("cat", "dog");
        assertThat(data.train().labels()).containsExactly(0, 0, 0, 0, 1, 1, 1, 1);
        assertThat(data.train().shape().toString()).isEqualTo("6×5×3");
        assertThat(data.train().features()[0])
                .as("red of a cat, scaled like the other image sources")
                .isEqualTo(1f);
        assertThat(data.train().features()[2]).isEqualTo(0f);
        assertThat(warnings).isEmpty();
    }

    @Test
    void greyFoldersAreOneChannelAndAMixIsReadAsColourAndSaidSo() {
        TestImages.write(dir.resolve("a").resolve("1.png"), TestImages.grey(4, 4, 10), "png");
        TestImages.write(dir.resolve("b").resolve("1.bmp"), TestImages.grey(4, 4, 90), "bmp");
        assertThat(ImageFolder.read(dir, asTheyAre()).train().shape().toString())
                .isEqualTo("4×4×1");
        TestImages.write(dir.resolve("b").resolve("2.gif"), TestImages.colour(4, 4, 0x102030), "gif");
        SourceData mixed = ImageFolder.read(dir, asTheyAre());
        assertThat(mixed.train().shape().toString()).isEqualTo("4×4×3");
        float[] first = Arrays.copyOf(mixed.train().features(), 3);
        assertThat(first).as("grey repeated in each channel").containsExactly(10 / 255f, 10 / 255f, 10 / 255f);
        assertThat(warnings)
                .singleElement()
                .asString()
                .contains("2 grey and 1 colour images")
                .contains("read as colour (3 channels)");
    }

    @Test
    void differentSizesAreRefusedNamingTwoFilesUnlessAnImageSizeIsGiven() {
        TestImages.write(dir.resolve("a").resolve("small.png"), TestImages.grey(4, 4, 0), "png");
        TestImages.write(dir.resolve("b").resolve("large.jpg"), TestImages.grey(9, 7, 0), "jpeg");
        assertThatThrownBy(() -> ImageFolder.read(dir, asTheyAre()))
                .isInstanceOf(SaepException.class)
                .hasMessage(dir + ": a" + java.io.File.separator + "small.png is 4×4 but b" + java.io.File.separator
                        + "large.jpg is 9×7: give --image-size HxW to resize every image to one size");
        SourceData resized = ImageFolder.read(dir, resizedTo(6, 5));
        assertThat(resized.train().shape().toString()).isEqualTo("6×5×1");
        SourceData again = ImageFolder.read(dir, resizedTo(6, 5));
        assertThat(again.train().features())
                .as("resizing is deterministic")
                .isEqualTo(resized.train().features());
        assertThat(again.sha256()).isEqualTo(resized.sha256());
        assertThat(ImageFolder.read(dir, resizedTo(5, 5)).sha256())
                .as("the sample shape is part of the data")
                .isNotEqualTo(resized.sha256());
    }

    @Test
    void oddFilesAreSkippedWithOneWarningEachAndTheRestIsRead() throws Exception {
        TestImages.write(dir.resolve("a").resolve("good.png"), TestImages.grey(3, 3, 0), "png");
        TestImages.write(dir.resolve("b").resolve("good.png"), TestImages.grey(3, 3, 9), "png");
        byte[] png = TestImages.encode(TestImages.grey(3, 3, 5), "png");
        TestFiles.write(dir.resolve("a").resolve("corrupt.png"), Arrays.copyOf(png, png.length / 2));
        TestFiles.write(dir.resolve("a").resolve("empty.png"), new byte[0]);
        TestFiles.write(dir.resolve("a").resolve("notes.txt"), "not an image".getBytes());
        TestFiles.write(dir.resolve("b").resolve(".DS_Store"), new byte[] {0, 0, 0, 1});
        TestFiles.write(dir.resolve("labels.csv"), "a,b".getBytes());
        Files.createDirectories(dir.resolve("b").resolve("nested"));
        SourceData data = ImageFolder.read(dir, asTheyAre());
        assertThat(data.train().size()).isEqualTo(2);
        assertThat(warnings)
                .hasSize(6)
                .allSatisfy(w ->
                        assertThat(w).startsWith("images:" + dir + ": skipped ").doesNotContain("\n"));
        String all = String.join("\n", warnings);
        assertThat(all)
                .contains("corrupt.png: corrupt")
                .contains("empty.png: empty file (0 bytes)")
                .contains("notes.txt: not an image in a format the JDK reads")
                .contains(".DS_Store: a hidden file")
                .contains("labels.csv: not in a class folder")
                .contains("nested: a folder inside a class folder");
    }

    @Test
    void manySkippedFilesAreNamedUpToALimitThenCounted() {
        TestImages.write(dir.resolve("a").resolve("good.png"), TestImages.grey(3, 3, 0), "png");
        TestImages.write(dir.resolve("b").resolve("good.png"), TestImages.grey(3, 3, 9), "png");
        for (int i = 0; i < SkippedFiles.LIMIT + 3; i++) {
            TestFiles.write(dir.resolve("a").resolve("junk" + i + ".txt"), "x".getBytes());
        }
        ImageFolder.read(dir, asTheyAre());
        assertThat(warnings).hasSize(SkippedFiles.LIMIT + 1);
        assertThat(warnings.get(SkippedFiles.LIMIT))
                .isEqualTo("images:" + dir + ": skipped 3 more files that are not images");
    }

    @Test
    void aClassFolderWithoutImagesIsAnErrorNamingIt() throws Exception {
        TestImages.write(dir.resolve("a").resolve("1.png"), TestImages.grey(3, 3, 0), "png");
        Files.createDirectories(dir.resolve("b"));
        assertThatThrownBy(() -> ImageFolder.read(dir, asTheyAre()))
                .isInstanceOf(SaepException.class)
                .hasMessage(
                        dir.resolve("b") + ": a class folder without images (expected PNG, JPEG, BMP or GIF files)");
        TestFiles.write(dir.resolve("b").resolve("broken.png"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> ImageFolder.read(dir, asTheyAre()))
                .hasMessageStartingWith(dir.resolve("b") + ": a class");
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("broken.png"));
    }

    @Test
    void aFolderWithoutTwoClassFoldersIsRefused() {
        TestImages.write(dir.resolve("flat.png"), TestImages.grey(3, 3, 0), "png");
        assertThatThrownBy(() -> ImageFolder.read(dir, asTheyAre()))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("0 class folders: expected one sub-folder of images per class, at least two");
        assertThatThrownBy(() -> ImageFolder.read(dir.resolve("missing"), asTheyAre()))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("not a folder");
    }

    @Test
    void classNamesAreOrderedAsLabelsAreAndTwoSpellingsOfOneClassAreRefused() throws Exception {
        for (String c : List.of("10", "2", "01", "zebra")) {
            TestImages.write(dir.resolve(c).resolve("x.png"), TestImages.grey(2, 2, 0), "png");
        }
        assertThat(ImageFolder.read(dir, asTheyAre()).train().classNames()).containsExactly("1", "2", "10", "zebra");
        TestImages.write(dir.resolve("1").resolve("x.png"), TestImages.grey(2, 2, 0), "png");
        assertThatThrownBy(() -> ImageFolder.read(dir, asTheyAre()))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("the class folders")
                .hasMessageContaining("name one class (1)");
    }

    @Test
    void theFingerprintIsOfNamesAndBytesWhateverOrderTheFilesWereWrittenIn() {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        String[] names = {"b.png", "a.png", "c.png"};
        for (int i = 0; i < names.length; i++) {
            TestImages.write(first.resolve("x").resolve(names[i]), TestImages.grey(3, 3, i), "png");
            TestImages.write(first.resolve("y").resolve(names[i]), TestImages.grey(3, 3, 50 + i), "png");
        }
        for (int i = names.length - 1; i >= 0; i--) {
            TestImages.write(second.resolve("y").resolve(names[i]), TestImages.grey(3, 3, 50 + i), "png");
            TestImages.write(second.resolve("x").resolve(names[i]), TestImages.grey(3, 3, i), "png");
        }
        SourceData one = ImageFolder.read(first, asTheyAre());
        SourceData two = ImageFolder.read(second, asTheyAre());
        assertThat(two.sha256()).isEqualTo(one.sha256());
        assertThat(two.train().features()).isEqualTo(one.train().features());
        assertThat(one.train().features()[0])
                .as("a.png first: written second, level 1")
                .isEqualTo(1 / 255f);
        TestImages.write(second.resolve("y").resolve("a.png"), TestImages.grey(3, 3, 99), "png");
        assertThat(ImageFolder.read(second, asTheyAre()).sha256()).isNotEqualTo(one.sha256());
    }

    @Test
    void aFlatFolderIsConvertedToTheModelsInputAndNamedByFile() throws Exception {
        TestImages.write(dir.resolve("b-colour.jpg"), TestImages.colour(40, 30, 0xffffff), "jpeg");
        TestImages.write(dir.resolve("a-grey.png"), TestImages.grey(2, 2, 0), "png");
        TestImages.write(dir.resolve("c.gif"), TestImages.colour(8, 8, 0x00ff00), "gif");
        TestFiles.write(dir.resolve("readme.txt"), "hello".getBytes());
        assertThat(FlatImageFolder.isFlat(dir)).isTrue();
        var rows = FlatImageFolder.read(dir, ImageOptions.toInput(new int[] {4, 4, 1}, warnings::add));
        assertThat(rows.names()).containsExactly("a-grey.png", "b-colour.jpg", "c.gif");
        assertThat(java.util.Arrays.asList(rows.rows()))
                .allSatisfy(r -> assertThat(r).hasSize(16));
        assertThat(rows.rows()[1][0]).as("white, JPEG-rounded").isBetween(250f, 255.5f);
        assertThat(rows.rows()[2][5])
                .as("green's luma")
                .isCloseTo(0.587f * 255, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(warnings).singleElement().asString().contains("readme.txt");
        var colour = FlatImageFolder.read(dir, ImageOptions.toInput(new int[] {3, 3, 3}, warnings::add));
        assertThat(colour.rows()[0]).hasSize(27);
        Files.createDirectories(dir.resolve("sub"));
        assertThat(FlatImageFolder.isFlat(dir)).isFalse();
        Path none = Files.createDirectories(dir.resolve("none"));
        assertThatThrownBy(() -> FlatImageFolder.read(none, ImageOptions.toInput(new int[] {4, 4, 1}, warnings::add)))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("no images to score");
    }

    @Test
    void aSeparateTestFolderTakesTheTrainingClassesByName() {
        Path train = dir.resolve("train");
        Path test = dir.resolve("test");
        for (String c : List.of("ant", "bee", "cow")) {
            TestImages.write(train.resolve(c).resolve("1.png"), TestImages.grey(4, 4, c.charAt(0)), "png");
        }
        TestImages.write(test.resolve("cow").resolve("9.png"), TestImages.grey(7, 7, 3), "png");
        TestImages.write(test.resolve("bee").resolve("9.png"), TestImages.grey(7, 7, 5), "png");
        var settings = new org.saepj.data.source.ReadSettings(
                org.saepj.data.io.CsvReader.Options.defaults(), Optional.empty(), resizedTo(4, 4));
        var sources = new org.saepj.data.source.DataSources(
                org.saepj.data.source.DatasetLocator.standard(null),
                settings,
                org.saepj.data.source.RemoteFiles.none());
        SourceData data = org.saepj.data.source.TestSets.attach(sources, "images:" + train, "images:" + test);
        assertThat(data.test().orElseThrow().classNames()).containsExactly("ant", "bee", "cow");
        assertThat(data.test().orElseThrow().labels())
                .as("bee then cow, by the training classes")
                .containsExactly(1, 2);
    }
}
