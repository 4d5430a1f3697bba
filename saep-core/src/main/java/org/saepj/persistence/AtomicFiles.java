package org.saepj.persistence;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.saepj.FileException;
import org.saepj.SaepException;

/**
 * Writes files so that they appear complete or not at all: the content goes to a temporary file in the same
 * directory, is flushed to disk, and is then renamed over the target.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the stream to write to (closed by the caller)
         * @throws IOException when writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * @param target the file to create or replace
     * @param content writes the bytes
     */
    public static void write(Path target, Content content) {
        write(target, content, true);
    }

    /**
     * Writes a file that must not exist yet: the content is complete on disk before the file appears, and a
     * file created by someone else meanwhile is never replaced (the final step is a hard link, which fails
     * when the name is taken, rather than a check followed by a rename).
     *
     * @param target the file to create
     * @param content writes the bytes
     * @throws SaepException naming the file when it exists by then or cannot be written
     */
    public static void writeNew(Path target, Content content) {
        write(target, content, false);
    }

    private static void write(Path target, Content content, boolean replace) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = TemporaryFiles.name(dir);
        try {
            Files.createDirectories(dir);
            // CREATE_NEW with default permissions (the umask applies, unlike createTempFile's owner-only files);
            // never a file or link somebody placed under that name.
            try (FileChannel channel = FileChannel.open(
                    tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                OutputStream raw = Channels.newOutputStream(channel);
                // Writers that close their stream must not close the channel before it is forced to disk.
                OutputStream shielded = new FilterOutputStream(new BufferedOutputStream(raw, 1 << 16)) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
                content.writeTo(shielded);
                shielded.flush();
                channel.force(true);
            }
            if (replace) {
                moveOver(tmp, target);
            } else {
                placeNew(tmp, target);
            }
        } catch (IOException e) {
            throw new FileException(
                    target + ": cannot write: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // Only reached when the write itself failed; that failure is what gets reported. A later start
                // removes the file (TemporaryFiles.removeOrphans) once this process is gone.
                tmp.toFile().deleteOnExit();
            }
        }
    }

    /** Renames over the target: a link of that name is replaced, never followed. */
    private static void moveOver(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Gives the complete temporary file the target's name only if that name is free, in one step. */
    private static void placeNew(Path tmp, Path target) throws IOException {
        try {
            try {
                Files.createLink(target, tmp);
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
                if (e instanceof FileAlreadyExistsException taken) {
                    throw taken;
                }
                // No hard links on this file system (FAT, some network shares): a rename that refuses an existing name.
                Files.move(tmp, target);
            }
        } catch (FileAlreadyExistsException e) {
            throw new FileException(target + ": exists (created while this command ran): nothing was replaced", e);
        }
    }

    /**
     * @param target the file to create or replace
     * @param text its UTF-8 content
     */
    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
