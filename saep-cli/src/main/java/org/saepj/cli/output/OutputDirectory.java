package org.saepj.cli.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.saepj.SaepException;
import org.saepj.cli.UsageError;
import org.saepj.persistence.RunLock;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.run.ComparisonPlan;
import org.saepj.run.RunDirectory;
import org.saepj.run.RunReport;

/**
 * An output directory held for the life of a run: created (or an earlier run's replaced by an empty one)
 * or reopened to resume, and locked so that no second run writes into it.
 */
public final class OutputDirectory implements AutoCloseable {
    /** Files whose presence marks a directory as an earlier SAEP-J output, which --overwrite may replace. */
    private static final Set<String> OUTPUT_MARKERS = Set.of(Invocation.FILE, ComparisonPlan.FILE, RunReport.FILE,
            "comparison.json", SavedEnsemble.MANIFEST);
    /** What a start that failed before its first checkpoint leaves: such a directory counts as empty. */
    private static final Set<String> FAILED_START = Set.of(Invocation.FILE, ComparisonPlan.FILE, "search.log", RunLock.FILE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path path;
    private final RunLock lock;

    private OutputDirectory(Path path, RunLock lock) {
        this.path = path;
        this.lock = lock;
    }

    /** @return the directory */
    public Path path() {
        return path;
    }

    @Override
    public void close() {
        lock.close();
    }

    /**
     * Opens a directory for a new run: created if missing; when it holds files, refused unless overwrite
     * is set, and then replaced as a whole by an empty directory, so nothing of the earlier run can mix
     * into the new one.
     *
     * @param dir the directory
     * @param option the option that named it, for messages
     * @param overwrite whether an earlier run's directory may be replaced
     * @return the directory, empty, writable and locked
     */
    public static OutputDirectory create(Path dir, String option, boolean overwrite) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageError(option + " " + dir + " is a file, not a directory");
        }
        createDirectories(dir, option);
        RunLock lock = RunLock.acquire(dir, option);
        try {
            List<String> entries = entries(dir);
            if (entries.isEmpty()) {
                return new OutputDirectory(dir, lock);
            }
            boolean failedStart = FAILED_START.containsAll(entries)
                    && (entries.contains(Invocation.FILE) || entries.contains(ComparisonPlan.FILE));
            if (!overwrite && !failedStart) {
                throw new UsageError(option + " " + dir + " is not empty: choose another directory or pass --overwrite");
            }
            if (!overwrite) {
                deleteFailedStart(dir, entries); // settings and log of a start that failed before its first checkpoint
                return new OutputDirectory(dir, lock);
            }
            if (entries.stream().noneMatch(OUTPUT_MARKERS::contains)) {
                throw new UsageError(option + " " + dir + " holds files that are not an earlier SAEP-J output (" + String.join(", ",
                        entries.subList(0, Math.min(3, entries.size()))) + "): --overwrite replaces only an earlier run's directory");
            }
            return new OutputDirectory(dir, replace(dir, option, lock));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Reopens an interrupted run's directory, checked before anything in it is touched: it must exist and
     * hold the file the run stored its settings in; then it is locked and the temporary files of
     * interrupted writes are removed.
     *
     * @param dir the directory
     * @param storedFile run.json or compare.json
     * @return the directory, locked
     */
    public static OutputDirectory resume(Path dir, String storedFile) {
        if (!Files.exists(dir)) {
            throw new UsageError("--resume " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new UsageError("--resume " + dir + " is a file, not a run directory");
        }
        if (!Files.isRegularFile(dir.resolve(storedFile))) {
            throw new UsageError("--resume " + dir + ": no " + storedFile + " there: not the output directory of a "
                    + (storedFile.equals(Invocation.FILE) ? "search" : "comparison"));
        }
        RunLock lock = RunLock.acquire(dir, "--resume");
        try {
            Stale.clean(dir);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return new OutputDirectory(dir, lock);
    }

    private static void createDirectories(Path dir, String option) {
        try {
            RunDirectory.writable(dir);
        } catch (SaepException e) {
            throw new SaepException(option + " " + e.getMessage(), e);
        }
    }

    /** @return the names in the directory, the lock file and the probes of other starts aside */
    private static List<String> entries(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> !n.equals(RunLock.FILE)).sorted().toList();
        } catch (IOException e) {
            throw new SaepException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    /**
     * Swaps the earlier run's directory for an empty one: renamed aside in one step, a new directory made
     * and locked, then the old one deleted. A kill at any point leaves either the earlier run whole (under
     * its own or the aside name) or the new empty directory, never a mixture.
     */
    private static RunLock replace(Path dir, String option, RunLock oldLock) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Path.of("").toAbsolutePath().normalize().startsWith(abs)) {
            throw new UsageError(option + " " + dir + " is or holds the current directory: --overwrite cannot replace it");
        }
        Path aside = abs.resolveSibling("." + abs.getFileName() + ".replaced-" + Long.toHexString(RANDOM.nextLong()));
        try {
            try {
                Files.move(abs, aside, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new SaepException(option + " " + dir + ": cannot replace it in one step here (" + e.getMessage()
                        + "): delete it or choose another directory");
            }
        } catch (IOException e) {
            throw new SaepException(option + " " + dir + ": cannot replace the earlier run: " + e.getMessage(), e);
        }
        createDirectories(abs, option);
        RunLock lock = RunLock.acquire(dir, option);
        oldLock.close();
        deleteTree(aside);
        return lock;
    }

    private static void deleteFailedStart(Path dir, List<String> entries) {
        try {
            for (String e : entries) {
                Files.deleteIfExists(dir.resolve(e));
            }
        } catch (IOException e) {
            throw new SaepException(dir + ": cannot clear a failed start: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new SaepException(root + ": cannot delete the replaced run: " + e.getMessage(), e);
        }
    }
}
