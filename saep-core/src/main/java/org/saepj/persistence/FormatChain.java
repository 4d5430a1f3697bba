package org.saepj.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.saepj.FileException;

/**
 * The versions of one kind of file and the one chain of steps that reads an older version as the newest layout. The
 * file's single reader hands it the parsed tree before binding it to records, so no caller upgrades anything itself
 * and every kind refuses a file it cannot read in the same words: a file of a newer version is "FILE: format version
 * N is newer than this build reads (M): upgrade SAEP-J". A step changes the tree only, never its version field, so
 * the record read keeps the version the file was written with (a manifest's 5 says regression, a checkpoint's 1 says
 * no checksums). Immutable: {@link #step} returns a longer chain.
 */
public final class FormatChain {
    /** A step of the chain: rewrites, in place, a tree of a version below its bound into that bound's layout. */
    @FunctionalInterface
    public interface Step {
        /**
         * @param file the file, for messages
         * @param tree the file's tree, changed in place
         */
        void upgrade(Path file, ObjectNode tree);
    }

    private record Bound(int below, Step step) {}

    private final String what;
    private final String field;
    private final int newest;
    private final int absent;
    private final List<Bound> steps;

    private FormatChain(String what, String field, int newest, int absent, List<Bound> steps) {
        this.what = what;
        this.field = field;
        this.newest = newest;
        this.absent = absent;
        this.steps = List.copyOf(steps);
    }

    /**
     * A kind whose files must hold their version.
     *
     * @param what what a file of this kind is, for messages ("ensemble manifest")
     * @param field the field holding the version ({@code formatVersion}, {@code schemaVersion})
     * @param newest the newest version this build reads
     * @return a chain without steps
     */
    public static FormatChain of(String what, String field, int newest) {
        return new FormatChain(what, field, newest, 0, List.of());
    }

    /**
     * @param version the version of a file without the field (written before the kind had one)
     * @return this chain, reading such a file as that version
     */
    public FormatChain absentMeans(int version) {
        return new FormatChain(what, field, newest, version, steps);
    }

    /**
     * @param below the version whose layout the step produces; it applies to every file of an earlier version
     * @param step the step
     * @return this chain with the step, the steps applied in order of their bounds
     */
    public FormatChain step(int below, Step step) {
        List<Bound> more = new ArrayList<>(steps);
        more.add(new Bound(below, step));
        more.sort(Comparator.comparingInt(Bound::below));
        return new FormatChain(what, field, newest, absent, more);
    }

    /** @return the newest version this build reads */
    public int newest() {
        return newest;
    }

    /**
     * Checks a file's version and brings its tree to the newest layout.
     *
     * @param file the file, for messages
     * @param tree its parsed content
     * @return the same tree, upgraded in place
     * @throws FileException naming the file when it is not an object, its version is missing or malformed, below 1,
     *     or newer than this build reads
     */
    public ObjectNode read(Path file, JsonNode tree) {
        if (!(tree instanceof ObjectNode object)) {
            throw new FileException(file + ": not a JSON object: not a SAEP-J " + what);
        }
        int version = version(file, object);
        for (Bound b : steps) {
            if (version < b.below()) {
                b.step().upgrade(file, object);
            }
        }
        return object;
    }

    /**
     * @param file the file, for messages
     * @param tree its parsed content
     * @return the file's version, checked
     */
    public int version(Path file, ObjectNode tree) {
        JsonNode v = tree.get(field);
        if (v == null && absent > 0) {
            return absent;
        }
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new FileException(file + ": " + field + " must be a whole number: not a SAEP-J " + what);
        }
        String label = field.replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT);
        if (v.asInt() > newest) {
            throw new FileException(file + ": " + label + " " + v.asInt() + " is newer than this build reads (" + newest
                    + "): upgrade SAEP-J");
        }
        if (v.asInt() < 1) {
            throw new FileException(file + ": invalid " + label + " " + v.asInt());
        }
        return v.asInt();
    }
}
