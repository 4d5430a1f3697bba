package org.saepj.data.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.saepj.FileException;
import org.saepj.data.io.IdxDatasetReader;

/**
 * Finds local copies of the known datasets. The roots are searched in order, each holding one directory per
 * dataset: {@code --data-dir} or {@code SAEP_DATA}, then {@code ~/.saep/datasets}, then
 * {@code /usr/share/datasets} (where Debian's dataset packages put them).
 */
public final class DatasetLocator {
    /** Where Debian's {@code dataset-*} packages install their files. */
    public static final Path DEBIAN_ROOT = Path.of("/usr/share/datasets");

    private final List<Path> roots;
    private final Path explicitRoot;

    /**
     * @param roots the directories to search, in order
     */
    public DatasetLocator(List<Path> roots) {
        this(roots, null);
    }

    /**
     * @param roots the directories to search, in order
     * @param explicitRoot the root the user named (--data-dir,
     *     SAEP_DATA), where an incomplete copy is an error, or null
     */
    public DatasetLocator(List<Path> roots, Path explicitRoot) {
        this.roots = List.copyOf(roots);
        this.explicitRoot = explicitRoot;
    }

    /**
     * The standard search order.
     *
     * @param dataDir the {@code --data-dir} option, or null
     * @return a locator over the option or {@code SAEP_DATA}, the user's store and the Debian location
     */
    public static DatasetLocator standard(Path dataDir) {
        List<Path> roots = new ArrayList<>();
        if (dataDir != null) {
            roots.add(dataDir);
        } else if (System.getenv("SAEP_DATA") != null
                && !System.getenv("SAEP_DATA").isBlank()) {
            roots.add(Path.of(System.getenv("SAEP_DATA")));
        }
        Path explicit = roots.isEmpty() ? null : roots.get(0);
        roots.add(userStore());
        roots.add(DEBIAN_ROOT);
        return new DatasetLocator(roots, explicit);
    }

    /** @return {@code ~/.saep/datasets}, where {@code saep datasets fetch} puts downloads */
    public static Path userStore() {
        return Path.of(System.getProperty("user.home"), ".saep", "datasets");
    }

    /** @return the roots searched, in order */
    public List<Path> roots() {
        return roots;
    }

    /**
     * @param dataset a known dataset
     * @return the first complete copy found: a directory of IDX files, or a CIFAR-10 directory or tar.gz
     */
    public Optional<Path> locate(KnownDataset dataset) {
        for (Path root : roots) {
            Path dir = root.resolve(dataset.id());
            if (isComplete(dataset, dir)) {
                return Optional.of(dataset.format() == KnownDataset.Format.CIFAR10 ? cifarLocation(dir) : dir);
            }
            if (root.equals(explicitRoot) && Files.isDirectory(dir)) {
                // A copy the user pointed to but that is broken: never silently train on another copy found later.
                throw new FileException(dir + " holds an incomplete copy of " + dataset.id() + " ("
                        + missing(dataset, dir) + "): complete it with `saep datasets fetch " + dataset.id()
                        + "` or remove that directory");
            }
        }
        return Optional.empty();
    }

    private static String missing(KnownDataset dataset, Path dir) {
        if (dataset.format() == KnownDataset.Format.CIFAR10) {
            return "no cifar-10-binary.tar.gz or test_batch.bin";
        }
        return "missing "
                + String.join(
                        ", ",
                        IdxDatasetReader.STEMS.stream()
                                .filter(stem -> !Files.isRegularFile(dir.resolve(stem))
                                        && !Files.isRegularFile(dir.resolve(stem + ".gz")))
                                .toList());
    }

    static boolean isComplete(KnownDataset dataset, Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        return switch (dataset.format()) {
            case IDX -> IdxDatasetReader.looksComplete(dir);
            case CIFAR10 ->
                Files.isRegularFile(dir.resolve("cifar-10-binary.tar.gz"))
                        || Files.isRegularFile(
                                dir.resolve("cifar-10-batches-bin").resolve("test_batch.bin"))
                        || Files.isRegularFile(dir.resolve("test_batch.bin"));
        };
    }

    private static Path cifarLocation(Path dir) {
        Path tar = dir.resolve("cifar-10-binary.tar.gz");
        return Files.isRegularFile(tar)
                        && !Files.isRegularFile(dir.resolve("test_batch.bin"))
                        && !Files.isDirectory(dir.resolve("cifar-10-batches-bin"))
                ? tar
                : dir;
    }

    /**
     * @param dataset a known dataset
     * @return a hint, naming the fetch command, shown when a dataset is missing
     */
    public static String howToGet(KnownDataset dataset) {
        String hint = "run `saep datasets fetch " + dataset.id() + "`";
        if (dataset.debianPackage().isPresent()) {
            hint += " or `apt-get install " + dataset.debianPackage().get() + "`";
        }
        return hint;
    }
}
