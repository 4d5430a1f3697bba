package org.saepj.cli.output;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.cli.UsageError;
import org.saepj.persistence.RunLock;
import org.saepj.run.Comparison;
import org.saepj.run.ComparisonPlan;
import org.saepj.run.OwnedFolder;
import org.saepj.run.OwnedFolder.Ownership;
import org.saepj.run.RunDirectory;
import org.saepj.run.RunReport;

/**
 * An output directory held for the life of a run, in two steps so that nothing on disk changes before every
 * input is checked: {@link #claim} looks at the directory and refuses what it may not use; after the
 * command's checks, {@link Claim#open} creates or locks it, marks it as SAEP-J's ({@link OwnedFolder}) and moves
 * an earlier run's files aside; {@link #started} deletes them once the new run has stored its settings. A run
 * that fails before that puts the earlier one back.
 */
public final class OutputDirectory implements AutoCloseable {
    /** What a start that failed before its first checkpoint leaves: such a marked directory counts as empty. */
    private static final Set<String> FAILED_START = Set.of(Invocation.FILE, ComparisonPlan.FILE, "search.log");

    private final Path path;
    private final RunLock lock;
    private Path aside;

    private OutputDirectory(Path path, RunLock lock, Path aside) {
        this.path = path;
        this.lock = lock;
        this.aside = aside;
    }

    /** @return the directory */
    public Path path() {
        return path;
    }

    /**
     * Deletes the earlier run this one replaces: called once the new run's settings are safely stored.
     */
    public void started() {
        if (aside != null) {
            OwnedFolder.deleteAside(aside);
            aside = null;
        }
    }

    @Override
    public void close() {
        try {
            if (aside != null) {
                OwnedFolder.restore(path, aside); // the new run never started: the earlier one stays
                aside = null;
            }
        } finally {
            lock.close();
        }
    }

    /**
     * A directory checked for a new run, not yet touched.
     *
     * @param dir the directory
     * @param option the option that named it, for messages
     * @param overwrite whether an earlier run in it may be replaced
     * @param adoptUnmarked whether an earlier SAEP-J output without a marker (written before markers existed) may
     *     be replaced too
     */
    public record Claim(Path dir, String option, boolean overwrite, boolean adoptUnmarked) {
        /**
         * Creates (or locks) the directory and clears the earlier run out of the way: looked at again under the
         * lock, since another process may have changed it since the claim.
         *
         * @return the directory, locked, marked, holding nothing of an earlier run
         */
        public OutputDirectory open() {
            createDirectories(dir, option);
            RunLock lock = RunLock.acquire(dir, option);
            try {
                OwnedFolder.Survey s = check(this);
                Path aside = s.ownership() == Ownership.MARKED || s.ownership() == Ownership.UNMARKED_LAYOUT
                        ? OwnedFolder.setAside(dir)
                        : null;
                OwnedFolder.tidy(dir);
                OwnedFolder.mark(dir);
                return new OutputDirectory(dir, lock, aside);
            } catch (RuntimeException e) {
                lock.close();
                throw e;
            }
        }
    }

    /**
     * Checks, changing nothing, that a directory may take a new run: missing or empty; or SAEP-J's own (its
     * marker) and either a start that failed before its first checkpoint or replaced with {@code --overwrite}.
     *
     * @param dir the directory
     * @param option the option that named it, for messages
     * @param overwrite whether {@code --overwrite} was given
     * @return the claim, to {@link Claim#open} once every other input is checked
     */
    public static Claim claim(Path dir, String option, boolean overwrite) {
        return claim(dir, option, overwrite, false);
    }

    /**
     * As {@link #claim(Path, String, boolean)}, optionally taking over an earlier SAEP-J output written before
     * folders carried markers (the demo's own directory).
     */
    public static Claim claim(Path dir, String option, boolean overwrite, boolean adoptUnmarked) {
        Claim c = new Claim(dir, option, overwrite, adoptUnmarked);
        check(c);
        return c;
    }

    private static OwnedFolder.Survey check(Claim c) {
        Path dir = c.dir();
        String at = c.option() + " " + dir;
        OwnedFolder.Survey s = survey(dir, c.option());
        s.refuseLinks();
        switch (s.ownership()) {
            case MISSING -> {
                creatable(dir, c.option());
                return s;
            }
            case EMPTY -> {
                return s;
            }
            case FOREIGN ->
                throw new UsageError(
                        at + " holds files SAEP-J did not write (" + s.foreignNames(3) + "): choose another directory"
                                + (c.overwrite() ? " (--overwrite replaces only SAEP-J's own output)" : ""));
            case UNMARKED_LAYOUT -> {
                if (!c.adoptUnmarked()) {
                    throw new UsageError(at + " is not empty and carries no SAEP-J marker (" + OwnedFolder.MARKER
                            + "): its files may not be SAEP-J's; delete it yourself or choose another directory");
                }
            }
            case MARKED -> {
                if (!c.overwrite() && !s.holdsOnly(FAILED_START)) {
                    String interrupted = interruptedCommand(dir);
                    if (interrupted != null) {
                        throw new UsageError(at + " holds an interrupted " + interrupted + ": continue it with "
                                + ResumeCommand.of(interrupted, dir) + ", or pass --overwrite to start again there");
                    }
                    throw new UsageError(at + " is not empty: choose another directory or pass --overwrite");
                }
            }
            default -> throw new IllegalStateException("unknown ownership " + s.ownership());
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path abs = dir.toAbsolutePath().normalize();
        if (cwd.startsWith(abs) && !cwd.equals(abs)) {
            throw new UsageError(at + " holds the current directory: --overwrite cannot replace it");
        }
        return s;
    }

    /**
     * @return the subcommand whose run in {@code dir} was stopped before it finished ({@code search}: its settings but
     *     no report; {@code compare}: its plan but no comparison), or null
     */
    private static String interruptedCommand(Path dir) {
        if (Files.isRegularFile(dir.resolve(Invocation.FILE), LinkOption.NOFOLLOW_LINKS)
                && !Files.exists(dir.resolve(RunReport.FILE), LinkOption.NOFOLLOW_LINKS)) {
            return "search";
        }
        if (Files.isRegularFile(dir.resolve(ComparisonPlan.FILE), LinkOption.NOFOLLOW_LINKS)
                && !Files.exists(dir.resolve(Comparison.FILE), LinkOption.NOFOLLOW_LINKS)) {
            return "compare";
        }
        return null;
    }

    /**
     * Refuses, before any work, a directory that cannot be made: its nearest existing ancestor is a file or
     * read-only.
     */
    private static void creatable(Path dir, String option) {
        Path existing = RealPaths.nearestExisting(dir);
        if (!Files.isDirectory(existing)) {
            throw new UsageError(option + " " + dir + ": " + existing + " is a file, not a directory");
        }
        if (!Files.isWritable(existing)) {
            throw new UsageError(option + " " + dir + " cannot be created: " + existing + " is not writable");
        }
    }

    /**
     * Tells which files of the user's an {@code --overwrite} left in place.
     *
     * @param dir the directory
     * @param err where the note goes
     */
    public static void noteKept(Path dir, PrintWriter err) {
        OwnedFolder.Survey s = OwnedFolder.survey(dir);
        if (!s.foreign().isEmpty()) {
            err.println("note: " + dir + ": kept " + s.foreign().size() + " file(s) SAEP-J did not write: "
                    + s.foreignNames(3));
        }
    }

    private static OwnedFolder.Survey survey(Path dir, String option) {
        try {
            return OwnedFolder.survey(dir);
        } catch (SaepException e) {
            throw new UsageError(option + " " + e.getMessage());
        }
    }

    /**
     * Reopens an interrupted run's directory, checked before anything in it is touched: it must exist, hold
     * the file the run stored its settings in, and be SAEP-J's (its marker; a run written before markers
     * existed is taken over when it holds nothing but SAEP-J's files); then it is locked and what interrupted
     * work left (temporary files of processes that are gone) is removed.
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
        if (!Files.isRegularFile(dir.resolve(storedFile), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageError("--resume " + dir + ": no " + storedFile + " there: not the output directory of a "
                    + (storedFile.equals(Invocation.FILE) ? "search" : "comparison"));
        }
        OwnedFolder.Survey s = survey(dir, "--resume");
        s.refuseLinks();
        if (s.ownership() == Ownership.FOREIGN) {
            throw new UsageError("--resume " + dir + " carries no SAEP-J marker and holds files SAEP-J did not write ("
                    + s.foreignNames(3) + "): not a run directory SAEP-J may continue");
        }
        RunLock lock = RunLock.acquire(dir, "--resume");
        try {
            OwnedFolder.tidy(dir);
            OwnedFolder.mark(dir);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return new OutputDirectory(dir, lock, null);
    }

    private static void createDirectories(Path dir, String option) {
        try {
            RunDirectory.writable(dir);
        } catch (SaepException e) {
            throw new FileException(option + " " + e.getMessage(), e);
        }
    }
}
