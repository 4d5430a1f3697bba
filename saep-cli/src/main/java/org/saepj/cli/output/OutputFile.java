package org.saepj.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.saepj.FileException;
import org.saepj.cli.UsageError;
import org.saepj.persistence.AtomicFiles;
import org.saepj.persistence.TemporaryFiles;

/**
 * A single output file a command writes from a saved ensemble ({@code --out} of predict and export): checked
 * before any work, never inside the ensemble it reads (compared by real paths), written complete or not at
 * all, and never replacing a file unless {@code --overwrite} was given — not even one created while the command
 * ran. {@code --out -} is standard output; a link is written through (the file it leads to is replaced, the
 * link stays); a device or pipe ({@code /dev/stdout}, a FIFO) is written to directly.
 */
public final class OutputFile {
    /** The longest file name Linux, macOS and Windows file systems take (NAME_MAX). */
    private static final int MAX_NAME_BYTES = 255;

    private final String option;
    private final Path out;
    private final Path target;
    private final Kind kind;
    private final boolean overwrite;

    private enum Kind {
        /** A regular file (existing or not), replaced or created in one step. */
        FILE,
        /** The process's standard output. */
        STDOUT,
        /** A device, pipe or other special file: written to as it is. */
        SPECIAL
    }

    private OutputFile(String option, Path out, Path target, Kind kind, boolean overwrite) {
        this.option = option;
        this.out = out;
        this.target = target;
        this.kind = kind;
        this.overwrite = overwrite;
    }

    /**
     * Refuses, before any work, to write over a file unasked or into the saved ensemble it reads.
     *
     * @param out the {@code --out} file ({@code -} for standard output)
     * @param model the {@code --model} directory
     * @param overwrite whether {@code --overwrite} was given
     * @param what what the file holds ("predictions"), for messages
     * @param example a file name to suggest ("predictions.csv")
     * @return the checked output
     */
    public static OutputFile check(Path out, Path model, boolean overwrite, String what, String example) {
        return check("--out", out, model, overwrite, what, example);
    }

    /**
     * Refuses, before any work, to write over a file unasked or into the saved ensemble it reads.
     *
     * @param option the option naming the file ({@code --report}), for messages
     * @param out the file ({@code -} for standard output)
     * @param model the {@code --model} directory
     * @param overwrite whether {@code --overwrite} was given
     * @param what what the file holds ("the report"), for messages
     * @param example a file name to suggest ("report.html")
     * @return the checked output
     */
    public static OutputFile check(
            String option, Path out, Path model, boolean overwrite, String what, String example) {
        if (out.toString().equals("-")) {
            return new OutputFile(option, out, null, Kind.STDOUT, overwrite);
        }
        if (out.toString().indexOf('\0') >= 0) {
            throw new UsageError(option + " holds a NUL character: expected a file name such as " + example);
        }
        Path fileName = out.getFileName();
        int bytes = fileName == null ? 0 : fileName.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw new UsageError(option + " " + out + ": the file name is " + bytes + " bytes, longer than the "
                    + MAX_NAME_BYTES + " bytes file systems allow");
        }
        Path real = RealPaths.of(out);
        if (real.equals(Path.of("/dev/stdout"))
                || real.equals(Path.of("/proc/self/fd/1"))
                || out.equals(Path.of("/dev/stdout"))
                || out.equals(Path.of("/dev/fd/1"))) {
            return new OutputFile(option, out, null, Kind.STDOUT, overwrite);
        }
        if (RealPaths.inside(out, model)) {
            throw new UsageError(option + " " + out + " is inside the --model directory: " + what
                    + " must not go into the saved ensemble");
        }
        if (Files.isDirectory(out)) {
            throw new UsageError(option + " " + out + " is a directory: expected a file name such as " + example);
        }
        if (Files.isSymbolicLink(out) && !Files.exists(out)) {
            throw new UsageError(option + " " + out + " is a link to nothing (" + real
                    + "): make it point to a file, or choose another name");
        }
        if (Files.exists(out) && !Files.isRegularFile(out)) {
            return new OutputFile(
                    option, out, real, Kind.SPECIAL, overwrite); // nothing is replaced by writing to a device or a pipe
        }
        if (Files.exists(out) && !overwrite) {
            throw new UsageError(option + " " + out + " exists: choose another file or pass --overwrite");
        }
        Path parent = real.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UsageError(option + " " + out + ": the folder " + parent + " does not exist");
        }
        if (!Files.isWritable(parent)) {
            throw new UsageError(option + " " + out + ": the folder " + parent + " is not writable");
        }
        return new OutputFile(option, out, real, Kind.FILE, overwrite);
    }

    /** @return true when the content goes to standard output (so messages must go elsewhere) */
    public boolean isStandardOutput() {
        return kind == Kind.STDOUT;
    }

    /**
     * Writes the file: a regular file appears complete or not at all (a link's target is replaced, the link
     * kept); temporary files an earlier, killed command left in that folder are removed first.
     *
     * @param content writes the bytes
     */
    public void write(AtomicFiles.Content content) {
        switch (kind) {
            case STDOUT -> writeTo(System.out, content, "standard output", false);
            case SPECIAL -> {
                try (OutputStream s = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
                    writeTo(s, content, out.toString(), true);
                } catch (IOException e) {
                    throw new FileException(option + " " + out + ": cannot write: " + e.getMessage(), e);
                }
            }
            default -> {
                TemporaryFiles.removeOrphans(target.getParent());
                if (overwrite) {
                    AtomicFiles.write(target, content);
                } else {
                    AtomicFiles.writeNew(target, content);
                }
            }
        }
    }

    private static void writeTo(OutputStream s, AtomicFiles.Content content, String what, boolean close) {
        OutputStream shielded = close
                ? s
                : new java.io.FilterOutputStream(s) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // standard output stays open for the command's own messages
                    }
                };
        try {
            content.writeTo(shielded);
            shielded.flush();
        } catch (IOException e) {
            throw new FileException(what + ": cannot write: " + e.getMessage(), e);
        }
    }
}
