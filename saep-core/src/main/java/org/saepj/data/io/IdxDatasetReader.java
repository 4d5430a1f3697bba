package org.saepj.data.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.saepj.DataException;
import org.saepj.FileException;
import org.saepj.data.Dataset;
import org.saepj.data.Fingerprint;
import org.saepj.data.Shape;
import org.saepj.data.SourceData;

/**
 * Loads an MNIST-style directory: {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each raw or {@code .gz}. Without the two test
 * files the source has no test partition, and a search holds out a stratified test part of the training data.
 *
 * <p>Class names come from the caller (known datasets), else from a {@code classes.txt} beside the files
 * (one name per line), else they are the label numbers.
 */
public final class IdxDatasetReader {
    /** The IDX file stems of an MNIST-style directory, in the fixed order used for fingerprints. */
    public static final List<String> STEMS = List.of(
            "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    private IdxDatasetReader() {}

    /**
     * @param dir a directory
     * @return true when every IDX file of an MNIST-style layout is present (raw or gz)
     */
    public static boolean looksComplete(Path dir) {
        return STEMS.stream().allMatch(stem -> find(dir, stem).isPresent());
    }

    /**
     * Reads the directory.
     *
     * @param name the dataset's name
     * @param dir the directory
     * @param classNames the class names, or null to use classes.txt or label numbers
     * @param pinnedSha256 SHA-256 of each decompressed file by stem, or an empty map; when every file matches,
     *     the result is marked verified
     * @return train and test partitions with the fingerprint of the decompressed files
     */
    public static SourceData read(String name, Path dir, List<String> classNames, Map<String, String> pinnedSha256) {
        return read(name, dir, classNames, pinnedSha256, Optional.empty());
    }

    /**
     * Reads the directory, through a cache of decoded files when one is given.
     *
     * @param name the dataset's name
     * @param dir the directory
     * @param classNames the class names, or null to use classes.txt or label numbers
     * @param pinnedSha256 SHA-256 of each decompressed file by stem, or an empty map
     * @param cache where decoded files are kept between commands, if anywhere
     * @return train and test partitions with the fingerprint of
     *     the decompressed files (the same with or without a cache)
     */
    public static SourceData read(
            String name,
            Path dir,
            List<String> classNames,
            Map<String, String> pinnedSha256,
            Optional<DecodedCache> cache) {
        if (!Files.isDirectory(dir)) {
            throw new FileException(dir + ": not a directory (expected the IDX files of " + name + ")");
        }
        // Without both test files the directory is a training set alone: the search holds out a stratified test part,
        // as for CSV. One test file without the other is a mistake, named below by require.
        boolean withTest =
                find(dir, STEMS.get(2)).isPresent() || find(dir, STEMS.get(3)).isPresent();
        List<Path> files = STEMS.subList(0, withTest ? 4 : 2).stream()
                .map(stem -> require(dir, stem))
                .toList();
        java.util.function.Supplier<List<IdxReader.IdxArray>> read = () -> {
            List<IdxReader.IdxArray> arrays = new java.util.ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                arrays.add(IdxReader.read(files.get(i), i % 2 == 0 ? 3 : 1)); // images, then their labels
            }
            return arrays;
        };
        List<IdxReader.IdxArray> arrays = cache.map(c -> c.idx(files, read)).orElseGet(read);
        if (withTest) {
            checkSameShape(dir, arrays.get(0), arrays.get(2));
        }
        List<String> names = classNames != null
                ? classNames
                : namesFromDirectory(
                        dir, arrays.stream().filter(a -> a.dims().length == 1).toArray(IdxReader.IdxArray[]::new));
        Dataset train = toDataset(name + "/train", files.get(0), arrays.get(0), files.get(1), arrays.get(1), names);
        Optional<Dataset> test = withTest
                ? Optional.of(
                        toDataset(name + "/test", files.get(2), arrays.get(2), files.get(3), arrays.get(3), names))
                : Optional.empty();
        String[] hashes = arrays.stream().map(IdxReader.IdxArray::sha256).toArray(String[]::new);
        boolean verified = !pinnedSha256.isEmpty() && withTest;
        for (int i = 0; i < hashes.length; i++) {
            verified &= hashes[i].equals(pinnedSha256.get(STEMS.get(i)));
        }
        return new SourceData(name, "idx:" + dir, train, test, Fingerprint.combine(hashes), verified);
    }

    private static void checkSameShape(Path dir, IdxReader.IdxArray train, IdxReader.IdxArray test) {
        if (train.dims()[1] != test.dims()[1] || train.dims()[2] != test.dims()[2]) {
            throw new DataException(dir + ": training images are " + train.dims()[1] + "×" + train.dims()[2]
                    + " but test images are " + test.dims()[1] + "×" + test.dims()[2]);
        }
    }

    private static Dataset toDataset(
            String name,
            Path imageFile,
            IdxReader.IdxArray images,
            Path labelFile,
            IdxReader.IdxArray labels,
            List<String> classNames) {
        if (images.count() != labels.count()) {
            throw new DataException(labelFile + ": holds " + labels.count() + " labels but " + imageFile.getFileName()
                    + " holds " + images.count() + " images");
        }
        int n = labels.count();
        int[] y = new int[n];
        byte[] raw = labels.data();
        for (int i = 0; i < n; i++) {
            y[i] = raw[i] & 0xff;
            if (y[i] >= classNames.size()) {
                throw new DataException(labelFile + ": label " + y[i] + " of item " + i + " is out of range [0, "
                        + classNames.size() + ")");
            }
        }
        byte[] pixels = images.data();
        float[] x = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            x[i] = (pixels[i] & 0xff) / ImageSplitReader.PIXEL_MAX;
        }
        return new Dataset(name, x, y, new Shape(images.dims()[1], images.dims()[2], 1), classNames);
    }

    private static List<String> namesFromDirectory(Path dir, IdxReader.IdxArray... labelArrays) {
        Path classes = dir.resolve("classes.txt");
        if (Files.exists(classes)) {
            List<String> names = new String(InputFiles.readAll(classes, "class names"), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(n -> !n.isEmpty())
                    .toList();
            if (names.size() < 2) {
                throw new DataException(classes + ": expected at least 2 class names, one per line");
            }
            if (new java.util.HashSet<>(names).size() != names.size()) {
                throw new DataException(
                        classes + ": a class name appears twice: each line must name a different class");
            }
            return names;
        }
        // As many classes as the largest label says; classes without samples are refused before training.
        int max = 0;
        for (IdxReader.IdxArray labels : labelArrays) {
            for (byte b : labels.data()) {
                max = Math.max(max, b & 0xff);
            }
        }
        return ImageSplitReader.numericNames(max + 1);
    }

    private static Path require(Path dir, String stem) {
        return find(dir, stem)
                .orElseThrow(() -> new FileException(dir + ": missing " + stem + " (or " + stem + ".gz)"));
    }

    private static Optional<Path> find(Path dir, String stem) {
        for (String candidate : new String[] {stem + ".gz", stem}) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
