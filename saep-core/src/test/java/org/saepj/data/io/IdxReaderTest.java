package org.saepj.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.data.SourceData;
import org.saepj.data.source.KnownDataset;
import org.saepj.testing.TestFiles;

class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsRawAndGzipFilesAndScalesPixels() {
        TestFiles.writeIdxDir(dir, 6, 4, 3, 2, 3);
        SourceData data = IdxDatasetReader.read("toy", dir, null, Map.of());
        assertThat(data.train().size()).isEqualTo(6);
        assertThat(data.test().orElseThrow().size()).isEqualTo(4);
        assertThat(data.train().shape().toString()).isEqualTo("3×2×1");
        assertThat(data.train().classNames()).containsExactly("0", "1", "2");
        assertThat(data.train().labels()).containsExactly(0, 1, 2, 0, 1, 2);
        assertThat(data.train().features()[1]).isEqualTo(1f / 255f);
        assertThat(data.train().features()[7]).isEqualTo(7f / 255f);
        assertThat(data.sha256()).hasSize(64);
        assertThat(data.verified()).isFalse();
    }

    @Test
    void fixtureMatchesItsDescription() {
        Path fixture = TestFiles.fashionMnistFixture(dir);
        SourceData data =
                IdxDatasetReader.read("fashion-mnist", fixture, KnownDataset.FASHION_MNIST.classNames(), Map.of());
        assertThat(data.train().size()).isEqualTo(1000);
        assertThat(data.test().orElseThrow().size()).isEqualTo(500);
        assertThat(java.util.Arrays.stream(data.train().classCounts()).min().getAsInt())
                .isGreaterThan(60);
        for (float v : data.train().features()) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void sameDataGivesSameFingerprintWhetherCompressedOrNot() {
        TestFiles.writeIdxDir(dir.resolve("a"), 5, 5, 2, 2, 2);
        Path b = dir.resolve("b");
        TestFiles.write(
                b.resolve("train-images-idx3-ubyte.gz"),
                TestFiles.gzip(TestFiles.idx(new int[] {5, 2, 2}, TestFiles.pixels(20))));
        TestFiles.write(
                b.resolve("train-labels-idx1-ubyte.gz"),
                TestFiles.gzip(TestFiles.idx(new int[] {5}, TestFiles.labels(5, 2))));
        TestFiles.write(b.resolve("t10k-images-idx3-ubyte"), TestFiles.idx(new int[] {5, 2, 2}, TestFiles.pixels(20)));
        TestFiles.write(b.resolve("t10k-labels-idx1-ubyte"), TestFiles.idx(new int[] {5}, TestFiles.labels(5, 2)));
        assertThat(IdxDatasetReader.read("a", dir.resolve("a"), null, Map.of()).sha256())
                .isEqualTo(IdxDatasetReader.read("b", b, null, Map.of()).sha256());
    }

    @Test
    void badMagicNumber() {
        Path f = TestFiles.write(dir.resolve("x-idx1-ubyte"), new byte[] {1, 2, 8, 1, 0, 0, 0, 1, 5});
        assertError(f, 1, "bad magic number");
    }

    @Test
    void wrongDataType() {
        Path f = TestFiles.write(dir.resolve("x"), new byte[] {0, 0, 0x0D, 1, 0, 0, 0, 1, 5});
        assertError(f, 1, "unsupported data type 0x0d");
    }

    @Test
    void wrongDimensionCount() {
        Path f = TestFiles.write(dir.resolve("x"), TestFiles.idx(new int[] {2, 2}, new byte[4]));
        assertError(f, 3, "has 2 dimensions: expected 3");
    }

    @Test
    void truncatedRawAndGzip() {
        Path raw = TestFiles.write(dir.resolve("x"), TestFiles.idx(new int[] {10, 2, 2}, new byte[30]));
        assertError(raw, 3, "truncated");
        Path gz =
                TestFiles.write(dir.resolve("y.gz"), TestFiles.gzip(TestFiles.idx(new int[] {10, 2, 2}, new byte[30])));
        assertError(gz, 3, "truncated");
        byte[] whole = TestFiles.gzip(TestFiles.idx(new int[] {10, 2, 2}, new byte[40]));
        Path cut = TestFiles.write(dir.resolve("z.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertError(cut, 3, "corrupt gzip");
    }

    @Test
    void trailingData() {
        Path f = TestFiles.write(dir.resolve("x"), TestFiles.idx(new int[] {1}, new byte[3]));
        assertError(f, 1, "more data than its header declares");
    }

    @Test
    void hugeDeclaredSizesFailWithoutAllocating() {
        Path raw = TestFiles.write(dir.resolve("x"), TestFiles.idx(new int[] {1_000_000_000, 28, 28}, new byte[100]));
        assertError(raw, 3, "too large");
        Path gz = TestFiles.write(
                dir.resolve("y.gz"), TestFiles.gzip(TestFiles.idx(new int[] {2_000_000, 28, 28}, new byte[100])));
        assertError(gz, 3, "truncated");
    }

    @Test
    void countMismatchBetweenImagesAndLabels() {
        TestFiles.writeIdxDir(dir, 6, 4, 2, 2, 3);
        TestFiles.write(dir.resolve("train-labels-idx1-ubyte"), TestFiles.idx(new int[] {5}, TestFiles.labels(5, 3)));
        assertThatThrownBy(() -> IdxDatasetReader.read("toy", dir, null, Map.of()))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("train-labels-idx1-ubyte")
                .hasMessageContaining("holds 5 labels but train-images-idx3-ubyte holds 6 images");
    }

    @Test
    void labelOutOfRange() {
        TestFiles.writeIdxDir(dir, 6, 4, 2, 2, 3);
        TestFiles.write(
                dir.resolve("train-labels-idx1-ubyte"), TestFiles.idx(new int[] {6}, new byte[] {0, 1, 2, 12, 1, 0}));
        assertThatThrownBy(() ->
                        IdxDatasetReader.read("fashion-mnist", dir, KnownDataset.FASHION_MNIST.classNames(), Map.of()))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("label 12 of item 3 is out of range [0, 10)");
    }

    @Test
    void missingFileIsNamed() {
        TestFiles.writeIdxDir(dir, 6, 4, 2, 2, 3);
        TestFiles.write(dir.resolve("classes.txt"), "a\nb\nc\n".getBytes());
        assertThat(IdxDatasetReader.read("toy", dir, null, Map.of()).train().classNames())
                .containsExactly("a", "b", "c");
        dir.resolve("t10k-images-idx3-ubyte.gz").toFile().delete();
        assertThatThrownBy(() -> IdxDatasetReader.read("toy", dir, null, Map.of()))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("missing t10k-images-idx3-ubyte");
    }

    @Test
    void withoutTestFilesTheSearchHoldsOutAStratifiedTestPart() throws Exception {
        TestFiles.writeIdxDir(dir, 60, 4, 2, 2, 3);
        java.nio.file.Files.delete(dir.resolve("t10k-images-idx3-ubyte.gz"));
        java.nio.file.Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        SourceData data = new org.saepj.data.source.DataSources(
                        org.saepj.data.source.DatasetLocator.standard(null), CsvReader.Options.defaults())
                .load("idx:" + dir);
        assertThat(data.test()).isEmpty();
        assertThat(data.train().size()).isEqualTo(60);
        assertThat(data.sha256()).hasSize(64);
        var config = org.saepj.search.SearchConfig.builder()
                .dataset("idx:" + dir)
                .testFraction(0.2)
                .seed(1)
                .build();
        var parts = org.saepj.search.Partitions.prepare(config, data);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).description()).isEqualTo("stratified holdout: 20% test");
        assertThat(parts.get(0).test().classCounts()).containsExactly(4, 4, 4);
        assertThat(parts.get(0).train().size()).isEqualTo(48);
        // a cached read gives the same data and fingerprint as a plain one
        var cache = java.util.Optional.of(new DecodedCache(dir.resolve("cache")));
        SourceData cached = IdxDatasetReader.read("toy", dir, null, Map.of(), cache);
        SourceData again = IdxDatasetReader.read("toy", dir, null, Map.of(), cache);
        assertThat(again.sha256()).isEqualTo(cached.sha256()).isEqualTo(data.sha256());
        assertThat(again.train().features()).isEqualTo(data.train().features());
    }

    @Test
    void oneTestFileWithoutTheOtherIsNamed() throws Exception {
        TestFiles.writeIdxDir(dir, 6, 4, 2, 2, 3);
        java.nio.file.Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        assertThatThrownBy(() -> IdxDatasetReader.read("toy", dir, null, Map.of()))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("missing t10k-labels-idx1-ubyte");
    }

    private static void assertError(Path file, int dims, String problem) {
        assertThatThrownBy(() -> IdxReader.read(file, dims))
                .isInstanceOf(SaepException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
