package org.saepj.data.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.saepj.FileException;
import org.saepj.SaepException;

/**
 * Reads files that come from outside: only regular files, so that a FIFO, a device such as
 * {@code /dev/zero} or a directory fails at once with a clear message instead of blocking or filling the
 * heap.
 */
public final class InputFiles {
    private InputFiles() {}

    /**
     * @param file a file to read
     * @param what what the file is, for messages (e.g. "the manifest"); may be empty
     * @return the file
     * @throws SaepException when it does not exist or is not a regular file
     */
    public static Path requireRegular(Path file, String what) {
        String label = what.isEmpty() ? "" : " (" + what + ")";
        if (Files.isRegularFile(file)) {
            return file;
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileException(file + label + ": file not found");
        }
        if (Files.isDirectory(file)) {
            throw new FileException(file + label + ": is a directory, expected a file");
        }
        throw new FileException(
                file + label + ": not a regular file (a pipe, device or broken link): expected a file on disk");
    }

    /**
     * Reads a whole regular file.
     *
     * @param file the file
     * @param what what the file is, for messages
     * @return its bytes
     */
    public static byte[] readAll(Path file, String what) {
        requireRegular(file, what);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new FileException(file + (what.isEmpty() ? "" : " (" + what + ")") + ": file not found");
        } catch (IOException | OutOfMemoryError e) {
            throw new FileException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
