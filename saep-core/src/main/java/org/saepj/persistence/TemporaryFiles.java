package org.saepj.persistence;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.saepj.FileException;

/**
 * SAEP-J's own temporary files: {@code .saep-tmp-<pid>-<random hex>} in the target's folder. The name is short
 * (whatever the target's name, it fits the file system's limit) and says which process made it, so a later
 * start removes only the temporary files of processes that are gone and never a file of the user's.
 */
public final class TemporaryFiles {
    /** The prefix every temporary name starts with. */
    public static final String PREFIX = ".saep-tmp-";

    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d{1,19})-[0-9a-f]{16}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryFiles() {}

    /**
     * @param dir the folder the temporary file goes into (the target's own, so the final rename is atomic)
     * @return a fresh name there, not yet created
     */
    public static Path name(Path dir) {
        return dir.resolve(PREFIX + ProcessHandle.current().pid() + "-"
                + String.format(java.util.Locale.ROOT, "%016x", RANDOM.nextLong()));
    }

    /**
     * Creates an empty temporary file that did not exist before (never opening one somebody placed there).
     *
     * @param dir the folder
     * @return the new file
     * @throws IOException when it cannot be created
     */
    public static Path create(Path dir) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = name(dir);
            try {
                return Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 8) {
                    throw e;
                }
            }
        }
    }

    /**
     * @param fileName a file's name
     * @return the process that made it, when it is one of SAEP-J's temporary files
     */
    static Optional<Long> owner(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(m.group(1)));
        } catch (NumberFormatException e) {
            return Optional.empty(); // more digits than a pid can have: not ours
        }
    }

    /**
     * @param file a file
     * @return true when it is a SAEP-J temporary file (a regular file, not a link) whose process is gone
     */
    public static boolean isOrphan(Path file) {
        Optional<Long> pid = owner(file.getFileName().toString());
        if (pid.isEmpty() || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        // A live process may still be writing it (this one included); a reused pid only keeps an orphan a while longer.
        return !ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Removes the orphaned temporary files in one folder (not below it): those a killed SAEP-J process left.
     *
     * @param dir the folder
     * @return how many were removed
     */
    public static int removeOrphans(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(TemporaryFiles::isOrphan).toList()) {
                removed += Files.deleteIfExists(p) ? 1 : 0;
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new FileException(dir + ": cannot remove the temporary files of a killed run: " + e.getMessage(), e);
        }
        return removed;
    }
}
