package org.saepj.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes small files in the real formats for tests, and gives access to the committed fixture. */
public final class TestFiles {
    /** The IDX files of the Fashion-MNIST fixture, as stored in test resources. */
    public static final List<String> FIXTURE_FILES = List.of(
            "train-images-idx3-ubyte.gz",
            "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz",
            "t10k-labels-idx1-ubyte.gz");

    private TestFiles() {}

    /**
     * Encodes an IDX file of unsigned bytes.
     *
     * @param dims the declared dimensions
     * @param data the payload (may disagree with dims, to make corrupt files)
     * @return the file content
     */
    public static byte[] idx(int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    /** @return the bytes gzip-compressed */
    public static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes a complete, valid MNIST-style directory with {@code n} training and {@code m} test images.
     *
     * @param dir the directory to fill
     * @param n training images
     * @param m test images
     * @param h image height
     * @param w image width
     * @param classes labels are {@code i % classes}
     */
    public static void writeIdxDir(Path dir, int n, int m, int h, int w, int classes) {
        write(dir.resolve("train-images-idx3-ubyte"), idx(new int[] {n, h, w}, pixels(n * h * w)));
        write(dir.resolve("train-labels-idx1-ubyte"), idx(new int[] {n}, labels(n, classes)));
        write(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(idx(new int[] {m, h, w}, pixels(m * h * w))));
        write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(idx(new int[] {m}, labels(m, classes))));
    }

    /** @return {@code count} bytes 0, 1, 2, … (wrapping at 256) */
    public static byte[] pixels(int count) {
        byte[] b = new byte[count];
        for (int i = 0; i < count; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    /** @return labels {@code i % classes} */
    public static byte[] labels(int count, int classes) {
        byte[] b = new byte[count];
        for (int i = 0; i < count; i++) {
            b[i] = (byte) (i % classes);
        }
        return b;
    }

    /** Writes bytes, creating parent directories. */
    public static Path write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the committed Fashion-MNIST fixture (1,000 train, 500 test) into a directory, so tests in other
     * modules can use it from the test jar.
     *
     * @param dir an empty directory
     * @return the directory, now holding the four IDX .gz files
     */
    public static Path fashionMnistFixture(Path dir) {
        for (String f : FIXTURE_FILES) {
            try (InputStream in = TestFiles.class.getResourceAsStream("/fixtures/fashion-mnist-small/" + f)) {
                if (in == null) {
                    throw new IllegalStateException("fixture file missing from test resources: " + f);
                }
                write(dir.resolve(f), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /**
     * The committed Fashion-MNIST fixture read as the source data a search takes, with the dataset's class names.
     *
     * @param dir an empty directory to copy the fixture's files into
     * @return the fixture's 1,000 training and 500 test images
     */
    public static org.saepj.data.SourceData fashionMnist(Path dir) {
        return org.saepj.data.io.IdxDatasetReader.read(
                "fashion-mnist",
                fashionMnistFixture(dir),
                org.saepj.data.source.KnownDataset.FASHION_MNIST.classNames(),
                java.util.Map.of());
    }
}
