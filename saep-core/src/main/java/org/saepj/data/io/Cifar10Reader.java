package org.saepj.data.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.saepj.DataException;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.data.Dataset;
import org.saepj.data.Fingerprint;
import org.saepj.data.Shape;
import org.saepj.data.SourceData;

/**
 * Reads the CIFAR-10 binary version: {@code data_batch_1..5.bin}, {@code test_batch.bin} and
 * {@code batches.meta.txt}, from a directory or straight from the official {@code cifar-10-binary.tar.gz}.
 *
 * <p>Each record is one label byte followed by 3072 pixel bytes as three 32×32 planes (R, G, B). Pixels are
 * rearranged to height × width × channels, the layout of the engine, and scaled to [0,1].
 */
public final class Cifar10Reader {
    /** Bytes of one record: label and 3×32×32 pixels. */
    public static final int RECORD = 1 + 3 * 32 * 32;
    /** The class names of CIFAR-10, used when batches.meta.txt is absent. */
    public static final List<String> DEFAULT_NAMES =
            List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

    private static final List<String> TRAIN_FILES =
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    private static final String TEST_FILE = "test_batch.bin";
    private static final String META_FILE = "batches.meta.txt";
    /** A tar member larger than this cannot be a CIFAR-10 batch (each is 30,730,000 bytes). */
    private static final long MAX_MEMBER = 64L << 20;

    private Cifar10Reader() {}

    /**
     * Reads CIFAR-10 from a directory of {@code .bin} files or from the official tar.gz.
     *
     * @param path a directory or a {@code .tar.gz} file
     * @return train and test partitions
     */
    public static SourceData read(Path path) {
        if (Files.isDirectory(path)) {
            Path dir = Files.isDirectory(path.resolve("cifar-10-batches-bin"))
                    ? path.resolve("cifar-10-batches-bin")
                    : path;
            Map<String, byte[]> members = new HashMap<>();
            for (String f : concat(TRAIN_FILES, List.of(TEST_FILE, META_FILE))) {
                Path p = dir.resolve(f);
                if (Files.isRegularFile(p)) {
                    members.put(f, readFile(p));
                }
            }
            return assemble("cifar10:" + path, dir, members);
        }
        if (Files.isRegularFile(path)) {
            return assemble("cifar10:" + path, path, readTar(path));
        }
        throw new FileException(
                path + ": not found (expected a directory of CIFAR-10 .bin files or cifar-10-binary.tar.gz)");
    }

    private static SourceData assemble(String source, Path where, Map<String, byte[]> members) {
        List<String> names = DEFAULT_NAMES;
        byte[] meta = members.get(META_FILE);
        if (meta != null) {
            names = classNames(where, meta);
        }
        List<byte[]> trainParts = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (String f : TRAIN_FILES) {
            byte[] part = members.get(f);
            if (part == null) {
                throw new FileException(where + ": missing " + f);
            }
            trainParts.add(part);
            hashes.add(Fingerprint.sha256Hex(part));
        }
        byte[] test = members.get(TEST_FILE);
        if (test == null) {
            throw new FileException(where + ": missing " + TEST_FILE);
        }
        hashes.add(Fingerprint.sha256Hex(test));
        Dataset train = decode("cifar10/train", where, TRAIN_FILES, trainParts, names);
        Dataset testSet = decode("cifar10/test", where, List.of(TEST_FILE), List.of(test), names);
        return new SourceData(
                "cifar10",
                source,
                train,
                Optional.of(testSet),
                Fingerprint.combine(hashes.toArray(String[]::new)),
                false);
    }

    /**
     * @param where the directory or archive, for messages
     * @param meta the content of batches.meta.txt: one class name a line, blank lines ignored
     * @return the class names in label order
     * @throws SaepException when fewer than two are listed or one is listed twice (two labels would print alike, and
     *     classes are matched by name between data and a saved ensemble)
     */
    private static List<String> classNames(Path where, byte[] meta) {
        List<String> lines = new String(meta, StandardCharsets.UTF_8)
                .lines()
                .map(String::strip)
                .toList();
        List<String> names = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String name = lines.get(i);
            if (name.isEmpty()) {
                continue;
            }
            Integer before = lineOf.putIfAbsent(name, i + 1);
            if (before != null) {
                throw new DataException(where + ": " + META_FILE + " names class '" + name + "' twice (lines " + before
                        + " and " + (i + 1) + "): give each class its own name");
            }
            names.add(name);
        }
        if (names.size() < 2) {
            throw new DataException(where + ": " + META_FILE + " lists " + names.size() + " class names: expected 10");
        }
        return names;
    }

    /**
     * @param named the file as messages name it
     * @param bytes its content
     * @return the number of records it holds
     * @throws SaepException when it is not a whole number of records
     */
    static int records(String named, byte[] bytes) {
        if (bytes.length == 0 || bytes.length % RECORD != 0) {
            throw new FileException(named + " holds " + bytes.length + " bytes: expected a positive multiple of "
                    + RECORD + " (one label byte and 3072 pixels per image)");
        }
        return bytes.length / RECORD;
    }

    /**
     * One record's pixels from CIFAR's channel planes into H×W×C order, each divided by {@code divisor}.
     *
     * @param bytes the file
     * @param record the record's offset (its label byte)
     * @param into where the image goes
     * @param base its first value there
     * @param divisor 255 for the dataset's scaled pixels, 1 for raw ones
     */
    static void pixels(byte[] bytes, int record, float[] into, int base, float divisor) {
        int plane = 32 * 32;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < plane; i++) {
                into[base + i * 3 + c] = (bytes[record + 1 + c * plane + i] & 0xff) / divisor;
            }
        }
    }

    private static Dataset decode(String name, Path where, List<String> files, List<byte[]> parts, List<String> names) {
        int n = 0;
        for (int i = 0; i < parts.size(); i++) {
            n += records(where + ": " + files.get(i), parts.get(i));
        }
        int plane = 32 * 32;
        float[] x = new float[n * 3 * plane];
        int[] y = new int[n];
        int sample = 0;
        for (int p = 0; p < parts.size(); p++) {
            byte[] bytes = parts.get(p);
            for (int r = 0; r < bytes.length / RECORD; r++, sample++) {
                int off = r * RECORD;
                int label = bytes[off] & 0xff;
                if (label >= names.size()) {
                    throw new DataException(where + ": " + files.get(p) + " record " + r + " has label " + label
                            + ": out of range [0, " + names.size() + ")");
                }
                y[sample] = label;
                pixels(bytes, off, x, sample * 3 * plane, ImageSplitReader.PIXEL_MAX);
            }
        }
        return new Dataset(name, x, y, new Shape(32, 32, 3), names);
    }

    private static Map<String, byte[]> readTar(Path file) {
        Map<String, byte[]> members = new HashMap<>();
        try (InputStream raw =
                        new BufferedInputStream(Files.newInputStream(InputFiles.requireRegular(file, "")), 1 << 16);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(raw, 1 << 16))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isFile()) {
                    continue;
                }
                String base = Path.of(entry.getName()).getFileName().toString();
                if (!base.equals(META_FILE) && !base.equals(TEST_FILE) && !TRAIN_FILES.contains(base)) {
                    continue;
                }
                if (entry.getSize() > MAX_MEMBER) {
                    throw new FileException(file + ": member " + entry.getName() + " declares " + entry.getSize()
                            + " bytes: too large for a CIFAR-10 batch");
                }
                byte[] content = tar.readNBytes((int) entry.getSize());
                if (content.length != entry.getSize()) {
                    throw new FileException(file + ": member " + entry.getName() + " is truncated");
                }
                members.put(base, content);
            }
        } catch (SaepException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FileException(file + ": not a readable cifar-10-binary.tar.gz (" + e.getMessage() + ")", e);
        }
        return members;
    }

    private static byte[] readFile(Path p) {
        InputFiles.requireRegular(p, "");
        try {
            long size = Files.size(p);
            if (size > MAX_MEMBER) {
                throw new FileException(p + ": " + size + " bytes: too large for a CIFAR-10 batch");
            }
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new FileException(p + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
