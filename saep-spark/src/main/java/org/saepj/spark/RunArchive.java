package org.saepj.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** A run directory as bytes, so an executor can hand a finished run to the driver, which writes it where it belongs. */
final class RunArchive {
    private RunArchive() {}

    /**
     * @param dir a finished run directory
     * @return its files, zipped (stored, not compressed: the parameters do not compress)
     */
    static byte[] pack(Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
                Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot pack the run: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes the run into {@code target}: unpacked beside it, then moved into place, so the comparison directory never
     * holds half a run; what was there (an unfinished run's checkpoint) is replaced.
     *
     * @param archive what {@link #pack} gave
     * @param target the run's directory
     */
    static void unpack(byte[] archive, Path target) {
        Path parent = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + "-");
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    Path f = tmp.resolve(e.getName()).normalize();
                    if (!f.startsWith(tmp)) {
                        throw new IOException("entry " + e.getName() + " leaves the run directory");
                    }
                    Files.createDirectories(f.getParent());
                    Files.copy(zip, f);
                }
            }
            delete(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write the run: " + e.getMessage(), e);
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.delete(p);
            }
        }
    }
}
