package org.saepj.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.data.Dataset;
import org.saepj.data.SourceData;
import org.saepj.testing.TestFiles;

class Cifar10ReaderTest {
    @TempDir
    Path dir;

    /** Records whose label is {@code (first + i) % 10} and whose R, G, B planes are filled with 10, 20, 30 + i. */
    static byte[] batch(int records, int first) {
        byte[] b = new byte[records * Cifar10Reader.RECORD];
        for (int r = 0; r < records; r++) {
            int off = r * Cifar10Reader.RECORD;
            b[off] = (byte) ((first + r) % 10);
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < 1024; i++) {
                    b[off + 1 + c * 1024 + i] = (byte) (10 * (c + 1) + r);
                }
            }
        }
        return b;
    }

    static Map<String, byte[]> members() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put(
                "batches.meta.txt",
                "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n"
                        .getBytes(StandardCharsets.UTF_8));
        m.put("test_batch.bin", batch(3, 0));
        for (int i = 1; i <= 5; i++) {
            m.put("data_batch_" + i + ".bin", batch(2, i));
        }
        return m;
    }

    @Test
    void readsDirectoryAndRearrangesPlanesToHwc() {
        members().forEach((name, content) -> TestFiles.write(dir.resolve(name), content));
        SourceData data = Cifar10Reader.read(dir);
        Dataset train = data.train();
        assertThat(train.size()).isEqualTo(10);
        assertThat(data.test().orElseThrow().size()).isEqualTo(3);
        assertThat(train.shape().toString()).isEqualTo("32×32×3");
        assertThat(train.classNames()).hasSize(10).startsWith("airplane");
        assertThat(train.labels()).startsWith(1, 2, 2, 3);
        // First sample, first pixel: R, G, B planes were 10, 20, 30.
        assertThat(train.features()[0]).isEqualTo(10 / 255f);
        assertThat(train.features()[1]).isEqualTo(20 / 255f);
        assertThat(train.features()[2]).isEqualTo(30 / 255f);
    }

    @Test
    void readsOfficialTarGzWithoutUnpacking() throws IOException {
        members().forEach((name, content) -> TestFiles.write(dir.resolve("d").resolve(name), content));
        Path tar = dir.resolve("cifar-10-binary.tar.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (Map.Entry<String, byte[]> e : members().entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry("cifar-10-batches-bin/" + e.getKey());
                entry.setSize(e.getValue().length);
                out.putArchiveEntry(entry);
                out.write(e.getValue());
                out.closeArchiveEntry();
            }
        }
        Files.write(tar, bytes.toByteArray());
        SourceData fromTar = Cifar10Reader.read(tar);
        SourceData fromDir = Cifar10Reader.read(dir.resolve("d"));
        assertThat(fromTar.train().features()).isEqualTo(fromDir.train().features());
        assertThat(fromTar.sha256()).isEqualTo(fromDir.sha256());
    }

    @Test
    void wrongRecordSizeIsNamed() {
        members().forEach((name, content) -> TestFiles.write(dir.resolve(name), content));
        TestFiles.write(dir.resolve("data_batch_3.bin"), new byte[Cifar10Reader.RECORD + 5]);
        assertThatThrownBy(() -> Cifar10Reader.read(dir))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("data_batch_3.bin holds 3078 bytes: expected a positive multiple of 3073");
    }

    @Test
    void labelOutOfRangeAndMissingBatch() {
        Map<String, byte[]> m = members();
        m.get("test_batch.bin")[Cifar10Reader.RECORD] = 11;
        m.forEach((name, content) -> TestFiles.write(dir.resolve(name), content));
        assertThatThrownBy(() -> Cifar10Reader.read(dir))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("test_batch.bin record 1 has label 11");
        dir.resolve("data_batch_5.bin").toFile().delete();
        assertThatThrownBy(() -> Cifar10Reader.read(dir)).hasMessageContaining("missing data_batch_5.bin");
    }

    @Test
    void classNamesListedTwiceAreRefused() {
        Map<String, byte[]> m = members();
        String names = "airplane\nautomobile\n\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ncat\n";
        m.put("batches.meta.txt", names.getBytes(StandardCharsets.UTF_8));
        m.forEach((name, content) -> TestFiles.write(dir.resolve(name), content));
        assertThatThrownBy(() -> Cifar10Reader.read(dir))
                .isInstanceOf(SaepException.class)
                .hasMessage(dir + ": batches.meta.txt names class 'cat' twice (lines 5 and 11): give each class its"
                        + " own name");
    }

    @Test
    void notATarGz() {
        Path f = TestFiles.write(dir.resolve("cifar-10-binary.tar.gz"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> Cifar10Reader.read(f))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("not a readable cifar-10-binary.tar.gz");
    }
}
