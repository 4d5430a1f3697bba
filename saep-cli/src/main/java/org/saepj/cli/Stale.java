package org.saepj.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.saepj.SaepException;
import org.saepj.persistence.SearchCheckpoint;

/** Tidies a run directory: temporary files an interrupted write left, and a finished run's checkpoint. */
final class Stale {
    private Stale() {
    }

    /** Deletes the hidden {@code .*.tmp} files of interrupted atomic writes anywhere under the directory. */
    static void clean(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith(".") && n.endsWith(".tmp") && Files.isRegularFile(f);
            }).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new SaepException(dir + ": cannot remove temporary files: " + e.getMessage(), e);
        }
    }

    /** Removes a run's checkpoint once its outputs are complete: the report supersedes it. */
    static void deleteCheckpoint(Path runDir) {
        Path cp = runDir.resolve(SearchCheckpoint.DIRECTORY);
        if (!Files.exists(cp)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(cp)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new SaepException(cp + ": cannot remove the finished run's checkpoint: " + e.getMessage(), e);
        }
    }
}
