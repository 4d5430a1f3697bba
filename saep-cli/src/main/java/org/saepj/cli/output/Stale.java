package org.saepj.cli.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.saepj.SaepException;

/** Tidies a locked run directory: temporary files an interrupted write left, and a finished run's checkpoint. */
public final class Stale {
    /** The temporary files of {@code AtomicFiles}: {@code .<target>.<random hex>.tmp}, and probes of writability. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.[0-9a-f]{1,16}\\.tmp|\\.write-probe\\d*\\.tmp");
    /** The deepest a run writes: DIR/runs/NAME/checkpoint/FILE (a comparison) or DIR/fold-K/ensemble/FILE. */
    private static final int MAX_DEPTH = 4;

    private Stale() {
    }

    /**
     * Deletes the temporary files of interrupted atomic writes in the run's own layout. Called only with the
     * run's lock held, so no other run can be writing them.
     */
    static void clean(Path dir) {
        try (Stream<Path> walk = Files.walk(dir, MAX_DEPTH)) {
            for (Path p : walk.filter(f -> TEMPORARY.matcher(f.getFileName().toString()).matches()
                    && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new SaepException(dir + ": cannot remove temporary files: " + e.getMessage(), e);
        }
    }
}
