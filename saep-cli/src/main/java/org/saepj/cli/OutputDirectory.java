package org.saepj.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.saepj.SaepException;

/** Checks that an output directory can be used before any work starts. */
final class OutputDirectory {
    private OutputDirectory() {
    }

    /**
     * @param dir the directory to create or reuse
     * @param option the option that named it, for messages
     * @param overwrite whether a non-empty directory may be written into
     * @return the directory, now existing and writable
     */
    static Path prepare(Path dir, String option, boolean overwrite) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageError(option + " " + dir + " is a file, not a directory");
        }
        if (Files.isDirectory(dir) && !overwrite) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new UsageError(option + " " + dir + " is not empty: choose another directory or pass --overwrite");
                }
            } catch (IOException e) {
                throw new SaepException(dir + ": cannot list: " + e.getMessage(), e);
            }
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new SaepException(option + " " + dir + " is not writable: " + e.getMessage(), e);
        }
        return dir;
    }
}
