package org.saepj.data.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.saepj.data.Fingerprint;

/**
 * One image file read: its name relative to the folder, its pixels and the SHA-256 of its bytes.
 *
 * @param name the file relative to the folder ("cat/001.png")
 * @param pixels its pixels as decoded
 * @param sha256 the SHA-256 of its bytes
 */
record ImageFile(String name, Pixels pixels, String sha256) {
    /**
     * @param file the file
     * @param root the folder its name is given relative to
     * @param skipped receives the file with its reason when it is not an image
     * @return the image, or empty when it was skipped
     */
    static Optional<ImageFile> read(Path file, Path root, SkippedFiles skipped) {
        String name = root.relativize(file).toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            skipped.add(name, "cannot be read (" + e.getMessage() + ")");
            return Optional.empty();
        }
        try {
            return Optional.of(new ImageFile(name, ImageDecoder.decode(bytes), Fingerprint.sha256Hex(bytes)));
        } catch (ImageDecoder.Unreadable e) {
            skipped.add(name, e.getMessage());
            return Optional.empty();
        }
    }
}
