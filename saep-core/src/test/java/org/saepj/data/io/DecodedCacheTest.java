package org.saepj.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.data.Dataset;
import org.saepj.data.SourceData;
import org.saepj.testing.TestFiles;

/** The decoded-dataset cache gives what the files give, and an entry that does not match its files is never used. */
class DecodedCacheTest {
    @TempDir
    Path root;

    private static void assertSame(SourceData a, SourceData b) {
        assertThat(a.sha256()).isEqualTo(b.sha256());
        for (Dataset[] pair : List.of(
                new Dataset[] {a.train(), b.train()},
                new Dataset[] {a.test().orElseThrow(), b.test().orElseThrow()})) {
            assertThat(pair[0].size()).isEqualTo(pair[1].size());
            assertThat(pair[0].classNames()).isEqualTo(pair[1].classNames());
            assertThat(pair[0].classCounts()).isEqualTo(pair[1].classCounts());
            assertThat(pair[0].features()).isEqualTo(pair[1].features());
            assertThat(pair[0].labels()).isEqualTo(pair[1].labels());
        }
    }

    @Test
    void theCacheGivesTheFilesDataAndFingerprint() throws Exception {
        Path data = TestFiles.fashionMnistFixture(root.resolve("fixture"));
        DecodedCache cache = new DecodedCache(root.resolve("cache"));
        SourceData plain = IdxDatasetReader.read("f", data, null, Map.of());
        SourceData first = IdxDatasetReader.read("f", data, null, Map.of(), Optional.of(cache));
        assertThat(cache.entries()).hasSize(1);
        SourceData cached = IdxDatasetReader.read("f", data, null, Map.of(), Optional.of(cache));
        assertSame(plain, first);
        assertSame(plain, cached);
    }

    @Test
    void aDamagedOrTruncatedEntryIsReadAgainFromTheFiles() throws Exception {
        Path data = TestFiles.fashionMnistFixture(root.resolve("fixture"));
        DecodedCache cache = new DecodedCache(root.resolve("cache"));
        SourceData plain = IdxDatasetReader.read("f", data, null, Map.of());
        IdxDatasetReader.read("f", data, null, Map.of(), Optional.of(cache));
        Path entry = cache.entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x10; // one pixel: only the CRC can tell
        Files.write(entry, bytes);
        assertSame(plain, IdxDatasetReader.read("f", data, null, Map.of(), Optional.of(cache)));
        assertThat(Files.readAllBytes(entry))
                .as("the damaged entry was written again")
                .isNotEqualTo(bytes);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertSame(plain, IdxDatasetReader.read("f", data, null, Map.of(), Optional.of(cache)));
        Files.writeString(entry, "not a cache entry");
        assertSame(plain, IdxDatasetReader.read("f", data, null, Map.of(), Optional.of(cache)));
    }

    @Test
    void changedFilesGetANewEntryAndTheOldOneGoes() throws Exception {
        Path data = root.resolve("idx");
        TestFiles.writeIdxDir(data, 40, 20, 4, 4, 3);
        DecodedCache cache = new DecodedCache(root.resolve("cache"));
        SourceData before = IdxDatasetReader.read("d", data, null, Map.of(), Optional.of(cache));
        List<Path> entries = cache.entries();
        TestFiles.writeIdxDir(data, 40, 20, 4, 4, 5); // the same names, other labels
        SourceData plain = IdxDatasetReader.read("d", data, null, Map.of());
        SourceData after = IdxDatasetReader.read("d", data, null, Map.of(), Optional.of(cache));
        assertThat(after.sha256()).isNotEqualTo(before.sha256());
        assertSame(plain, after);
        assertThat(cache.entries()).hasSize(1).doesNotContainAnyElementsOf(entries);
    }

    @Test
    void anUnwritableCacheOnlyCostsTime() throws Exception {
        Path data = TestFiles.fashionMnistFixture(root.resolve("fixture"));
        Path file = Files.writeString(root.resolve("a-file"), "x");
        DecodedCache cache = new DecodedCache(file.resolve("cache")); // under a file: cannot be created
        assertSame(
                IdxDatasetReader.read("f", data, null, Map.of()),
                IdxDatasetReader.read("f", data, null, Map.of(), Optional.of(cache)));
        assertThat(cache.entries()).isEmpty();
    }
}
