package org.saepj.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.persistence.AtomicFiles;
import org.saepj.persistence.JsonFormat;
import org.saepj.persistence.RunLock;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.persistence.SearchCheckpoint;
import org.saepj.persistence.TemporaryFiles;

/**
 * A folder SAEP-J made and therefore may tidy, replace or continue: it carries the marker {@value #MARKER} (a
 * format number and a random id), and within it SAEP-J acts only on the names of its own layout (run settings,
 * reports, plots, logs, saved ensembles, checkpoints, folds and comparison runs, its lock, its temporary files).
 * Anything else in such a folder is the user's and is never moved or deleted. Nothing here follows a symbolic
 * link: a link under one of the layout's names is reported, so no write can land outside the folder.
 */
public final class OwnedFolder {
    /** The marker's file name. */
    public static final String MARKER = ".saep-folder";
    /** The marker's format. */
    static final int FORMAT = 1;

    private static final String OWNER = "saep-j";
    /** Where an earlier run's files wait, inside the folder, until the run replacing them has safely started. */
    static final String ASIDE_PREFIX = ".saep-replaced-";

    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * The files SAEP-J writes in a run, fold, comparison or
     * saved-ensemble folder ("run.json" is the CLI's search settings).
     */
    private static final Set<String> FILES = Set.of(
            "run.json",
            ComparisonPlan.FILE,
            RunReport.FILE,
            "report.html",
            "comparison.json",
            "comparison.csv",
            "iterations.csv",
            "search.log",
            "accuracy.png",
            "ensemble-size.png",
            "diversity.png",
            "accuracy-vs-size.png",
            "depth.png",
            "pareto.png",
            ReliabilityDiagram.FILE,
            SavedEnsemble.MANIFEST,
            SearchCheckpoint.STATE,
            MARKER,
            RunLock.FILE);
    /** Temporary files of SAEP-J before 0.3 ({@code .<target>.<hex>.tmp}), recognised by their target's name. */
    private static final Pattern LEGACY_TEMPORARY =
            Pattern.compile("\\.(.+)\\.[0-9a-f]{1,16}\\.tmp|\\.write-probe\\d*\\.tmp");

    private static final Set<String> FOLDERS = Set.of("ensemble", SearchCheckpoint.DIRECTORY, "runs");
    private static final Pattern FOLD = Pattern.compile("fold-\\d{1,6}");
    private static final String RUNS = "runs";

    private OwnedFolder() {}

    /** Whether a folder is SAEP-J's. */
    public enum Ownership {
        /** It does not exist yet. */
        MISSING,
        /** It exists and holds nothing (a lock file aside). */
        EMPTY,
        /** It carries a valid marker. */
        MARKED,
        /** No marker, and nothing in it but names of SAEP-J's layout (a folder written before markers existed). */
        UNMARKED_LAYOUT,
        /** No marker, and files SAEP-J never writes. */
        FOREIGN
    }

    /**
     * What a folder holds, looked at without changing anything.
     *
     * @param dir the folder
     * @param ownership whether it is SAEP-J's
     * @param entries its top-level names, the lock file aside, sorted
     * @param foreign the paths (at any depth of the layout) that are not SAEP-J's
     * @param links the paths under one of the layout's names that are symbolic links
     */
    public record Survey(Path dir, Ownership ownership, List<String> entries, List<Path> foreign, List<Path> links) {
        /** @return true when it holds nothing of SAEP-J's, so nothing would have to be moved aside */
        public boolean empty() {
            return ownership == Ownership.MISSING || ownership == Ownership.EMPTY;
        }

        /**
         * @param allowed names that may stand in the folder
         * @return true when the folder holds nothing but these (and its marker, lock and temporary files)
         */
        public boolean holdsOnly(Set<String> allowed) {
            return entries.stream()
                    .allMatch(n -> allowed.contains(n) || n.equals(MARKER) || n.startsWith(TemporaryFiles.PREFIX));
        }

        /**
         * @param max how many to name
         * @return the first foreign paths, relative to the folder, for a message
         */
        public String foreignNames(int max) {
            List<String> names = foreign.stream()
                    .limit(max)
                    .map(p -> dir.relativize(p).toString())
                    .toList();
            return String.join(", ", names) + (foreign.size() > max ? " and " + (foreign.size() - max) + " more" : "");
        }

        /** @throws SaepException naming the first link under one of the layout's names */
        public void refuseLinks() {
            if (!links.isEmpty()) {
                throw new FileException(
                        links.get(0) + " is a symbolic link: SAEP-J never writes through links in its folders;"
                                + " replace it with the file or folder itself, or choose another directory");
            }
        }
    }

    /**
     * Looks at a folder without changing anything.
     *
     * @param dir the folder
     * @return what it holds
     * @throws SaepException when it is a file, cannot be listed, or carries a marker that is not SAEP-J's
     */
    public static Survey survey(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return new Survey(dir, Ownership.MISSING, List.of(), List.of(), List.of());
        }
        if (!Files.isDirectory(dir)) {
            throw new FileException(dir + " is a file, not a directory");
        }
        List<String> entries = list(dir).stream()
                .map(p -> p.getFileName().toString())
                .filter(n -> !n.equals(RunLock.FILE))
                .sorted()
                .toList();
        List<Path> foreign = new ArrayList<>();
        List<Path> links = new ArrayList<>();
        walk(dir, 0, foreign, links);
        if (Files.isSymbolicLink(dir.resolve(RunLock.FILE))) {
            links.add(0, dir.resolve(RunLock.FILE));
        }
        Ownership ownership;
        if (entries.isEmpty()) {
            ownership = Ownership.EMPTY;
        } else if (Files.exists(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
            checkMarker(dir.resolve(MARKER));
            ownership = Ownership.MARKED;
        } else {
            ownership = foreign.isEmpty() ? Ownership.UNMARKED_LAYOUT : Ownership.FOREIGN;
        }
        return new Survey(dir, ownership, entries, List.copyOf(foreign), List.copyOf(links));
    }

    /** Sorts a folder's entries (at depth 0: the run's own folder) into SAEP-J's, foreign ones and links. */
    private static void walk(Path dir, int depth, List<Path> foreign, List<Path> links) {
        boolean runs = holdsRuns(dir, depth);
        for (Path p : list(dir)) {
            String name = p.getFileName().toString();
            boolean folder = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            if (!isOwn(p, runs)) {
                foreign.add(p);
            } else if (Files.isSymbolicLink(p)) {
                links.add(p);
            } else if (folder && !name.startsWith(ASIDE_PREFIX) && depth < 4) {
                walk(p, depth + 1, foreign, links);
            }
        }
    }

    /** @return true when dir is a comparison's {@code runs/}, whose every folder is a run of SAEP-J's layout */
    private static boolean holdsRuns(Path dir, int depth) {
        return depth > 0 && dir.getFileName().toString().equals(RUNS);
    }

    /**
     * @param p an entry of a folder of the layout
     * @param inRuns whether that folder is a comparison's {@code runs/}
     * @return true when the entry is SAEP-J's (a link under one of the layout's names counts, to be reported)
     */
    private static boolean isOwn(Path p, boolean inRuns) {
        if (inRuns) {
            return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p);
        }
        String name = p.getFileName().toString();
        return isOwnFile(name) || isOwnFolder(name);
    }

    private static boolean isOwnFile(String name) {
        return FILES.contains(name)
                || SearchCheckpoint.MEMBER_FILE.matcher(name).matches()
                || name.startsWith(TemporaryFiles.PREFIX)
                || isLegacyTemporary(name);
    }

    private static boolean isOwnFolder(String name) {
        return FOLDERS.contains(name) || FOLD.matcher(name).matches() || name.startsWith(ASIDE_PREFIX);
    }

    private static boolean isLegacyTemporary(String name) {
        var m = LEGACY_TEMPORARY.matcher(name);
        return m.matches()
                && (m.group(1) == null
                        || FILES.contains(m.group(1))
                        || SearchCheckpoint.MEMBER_FILE.matcher(m.group(1)).matches());
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new FileException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static void checkMarker(Path file) {
        if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileException(file + " is not SAEP-J's folder marker (a link or not a file): SAEP-J leaves this"
                    + " directory alone; choose another directory");
        }
        JsonNode n;
        try {
            if (Files.size(file) > 4096) {
                throw new FileException(file + " is not SAEP-J's folder marker (too large): choose another directory");
            }
            n = JsonFormat.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new FileException(
                    file + " is not SAEP-J's folder marker (" + firstLine(e.getMessage())
                            + "): choose another directory",
                    e);
        }
        if (n == null
                || !OWNER.equals(n.path("owner").asText(null))
                || !ID.matcher(n.path("id").asText("")).matches()
                || !n.path("format").isInt()) {
            throw new FileException(file + " is not SAEP-J's folder marker (expected owner \"" + OWNER
                    + "\", a format number and a 32-digit hex id): choose another directory");
        }
        if (n.get("format").asInt() > FORMAT) {
            throw new FileException(file + ": folder format " + n.get("format").asInt()
                    + " is newer than this SAEP-J's " + FORMAT + ": upgrade SAEP-J to use this directory");
        }
    }

    private static String firstLine(String s) {
        return s == null ? "unreadable" : s.lines().findFirst().orElse("unreadable");
    }

    /**
     * Marks a folder as SAEP-J's, unless it carries a marker already.
     *
     * @param dir the folder, existing
     */
    public static void mark(Path dir) {
        if (Files.exists(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        ObjectNode n = JsonFormat.mapper().createObjectNode();
        n.put("owner", OWNER).put("format", FORMAT).put("id", HexFormat.of().formatHex(id));
        AtomicFiles.writeString(dir.resolve(MARKER), n.toPrettyString() + "\n");
    }

    /**
     * Moves every file and folder of SAEP-J's layout into a new hidden folder inside {@code dir}, leaving the
     * user's files where they are. Each move is a rename inside one file system, so a kill leaves every file
     * whole, either in place or aside; {@link #tidy} removes a forgotten aside folder later.
     *
     * @param dir a marked folder, locked by the caller
     * @return the aside folder
     */
    public static Path setAside(Path dir) {
        Path aside = dir.resolve(ASIDE_PREFIX + HexFormat.of().toHexDigits(RANDOM.nextLong()));
        try {
            Files.createDirectory(aside);
            moveOwn(dir, aside, 0);
        } catch (IOException | UncheckedIOException e) {
            throw new FileException(dir + ": cannot move the earlier run aside: " + e.getMessage(), e);
        }
        return aside;
    }

    private static void moveOwn(Path from, Path to, int depth) throws IOException {
        boolean runs = holdsRuns(from, depth);
        for (Path p : list(from)) {
            String name = p.getFileName().toString();
            boolean folder = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            boolean kept =
                    depth == 0 && (name.equals(MARKER) || name.equals(RunLock.FILE) || name.startsWith(ASIDE_PREFIX));
            if (!isOwn(p, runs) || kept) {
                continue;
            }
            if (folder && !containsOnlyOwn(p, depth + 1)) {
                Path sub = Files.createDirectories(to.resolve(name));
                moveOwn(p, sub, depth + 1);
            } else {
                Files.move(p, to.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private static boolean containsOnlyOwn(Path dir, int depth) {
        List<Path> foreign = new ArrayList<>();
        walk(dir, depth, foreign, new ArrayList<>());
        return foreign.isEmpty();
    }

    /**
     * Puts an earlier run back where it was, when the run that was to replace it did not start: only into
     * names that are free, so nothing the new run wrote is overwritten.
     *
     * @param dir the folder
     * @param aside its aside folder
     */
    public static void restore(Path dir, Path aside) {
        try {
            restoreInto(aside, dir);
            deleteTree(aside);
        } catch (IOException | UncheckedIOException e) {
            throw new FileException(dir + ": cannot put the earlier run back from " + aside + ": " + e.getMessage(), e);
        }
    }

    private static void restoreInto(Path from, Path to) throws IOException {
        for (Path p : list(from)) {
            Path target = to.resolve(p.getFileName().toString());
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
            } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                    && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                restoreInto(p, target);
            }
        }
    }

    /**
     * Removes what interrupted work left in a locked, marked folder: aside folders of replaced runs, and
     * temporary files of processes that are gone, at every depth of the layout. Nothing else is touched.
     *
     * @param dir the folder
     */
    public static void tidy(Path dir) {
        try {
            for (Path p : list(dir)) {
                if (p.getFileName().toString().startsWith(ASIDE_PREFIX)
                        && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    deleteTree(p);
                }
            }
            removeTemporaries(dir, 0);
        } catch (IOException | UncheckedIOException e) {
            throw new FileException(dir + ": cannot remove what an interrupted run left: " + e.getMessage(), e);
        }
    }

    private static void removeTemporaries(Path dir, int depth) throws IOException {
        boolean runs = holdsRuns(dir, depth);
        for (Path p : list(dir)) {
            String name = p.getFileName().toString();
            if (Files.isSymbolicLink(p)) {
                continue;
            }
            if (Files.isDirectory(p)) {
                if ((runs || isOwnFolder(name)) && depth < 4) {
                    removeTemporaries(p, depth + 1);
                }
            } else if (TemporaryFiles.isOrphan(p) || isLegacyTemporary(name)) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Deletes an aside folder once the run that replaced it has safely started.
     *
     * @param aside the folder {@link #setAside} made
     */
    public static void deleteAside(Path aside) {
        try {
            deleteTree(aside);
        } catch (IOException | UncheckedIOException e) {
            throw new FileException(aside + ": cannot delete the replaced run: " + e.getMessage(), e);
        }
    }

    /** Deletes a tree without following links (a link is deleted, never what it points to). */
    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (DirectoryNotEmptyException e) {
                    throw new IOException(p + " is not empty after its contents were deleted", e);
                }
            }
        }
    }
}
