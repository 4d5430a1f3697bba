package org.saepj.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.saepj.FileException;
import org.saepj.SaepException;

/**
 * An exclusive lock on a run directory, held for the life of a run (a resumed one too), so that two
 * processes never write into the same directory. The lock is the operating system's lock on the file
 * {@value #FILE}; it ends when the run closes it or its process dies, however it dies. The file itself is
 * left in place: deleting a lock file while another process may be opening it would let two runs lock two
 * different files of the same name.
 */
public final class RunLock implements AutoCloseable {
    /** The lock file's name inside a run directory. */
    public static final String FILE = ".saep-lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock or fails at once.
     *
     * @param dir an existing run directory
     * @param option the option that named the directory, for messages
     * @return the lock, held until {@link #close}
     * @throws SaepException when another run holds it or the file cannot be created
     */
    public static RunLock acquire(Path dir, String option) {
        Path file = dir.resolve(FILE);
        FileChannel channel = null;
        if (java.nio.file.Files.isSymbolicLink(file)) {
            throw new FileException(
                    option + " " + dir + ": " + FILE + " is a symbolic link: SAEP-J never writes through links in"
                            + " its folders; remove the link, or choose another directory");
        }
        try {
            // Never through a link, even one placed between the check above and this open (the open then fails).
            channel = FileChannel.open(
                    file,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process (another run in the same JVM)
            }
            if (lock == null) {
                String holder = readHolder(channel);
                channel.close();
                throw new FileException(option + " " + dir + " is in use by another SAEP-J run" + holder
                        + ": wait for it to finish or choose another directory");
            }
            channel.truncate(0);
            channel.write(
                    ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)),
                    0);
            return new RunLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new FileException(option + " " + dir + ": cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64);
        channel.read(buf, 0);
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
        return text.matches("pid \\d+") ? " (" + text + ")" : "";
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException suppressed) {
            // The lock attempt's own failure is what gets reported.
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new FileException("cannot release the run lock: " + e.getMessage(), e);
        }
    }
}
