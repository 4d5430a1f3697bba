package org.saepj.data.image;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The files of a folder that were not read as images, each with its reason, reported as one warning line each up to a
 * limit and then a count, so a folder of thousands of stray files does not bury the output.
 */
final class SkippedFiles {
    /** The most files named one by one. */
    static final int LIMIT = 10;

    private final String where;
    private final List<String> lines = new ArrayList<>();

    /** @param where the source, in front of each line ("images:/data/pets") */
    SkippedFiles(String where) {
        this.where = where;
    }

    /**
     * @param file the file as people know it, relative to the folder
     * @param reason why it was skipped
     */
    void add(String file, String reason) {
        lines.add(where + ": skipped " + file + ": " + reason);
    }

    /** @return how many files were skipped */
    int count() {
        return lines.size();
    }

    /**
     * Sends the lines, the first {@link #LIMIT} by name and the rest as a count.
     *
     * @param warnings where they go
     */
    void report(Consumer<String> warnings) {
        lines.stream().limit(LIMIT).forEach(warnings);
        if (lines.size() > LIMIT) {
            warnings.accept(where + ": skipped " + (lines.size() - LIMIT) + " more files that are not images");
        }
    }
}
