package org.saepj.cli.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a path really leads, links followed, even when its last parts do not exist yet: the guards that keep
 * outputs out of a saved ensemble compare these, never the strings the user typed (an alias through a link
 * names the same folder).
 */
public final class RealPaths {
    private RealPaths() {}

    /**
     * @param p a path, existing or not
     * @return the real path of its nearest existing ancestor with the remaining parts appended
     */
    public static Path of(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            if (Files.isSymbolicLink(existing)) {
                break; // a link to nothing: compared as written
            }
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs; // unreadable on the way: compared as written, and the write itself reports the problem
        }
    }

    /**
     * @param p a path, existing or not
     * @return p itself when it exists, else its nearest existing ancestor (the file-system root at the latest): where a
     *     folder still to be made would be created, and whose disk it would be on
     */
    public static Path nearestExisting(Path p) {
        Path existing = p.toAbsolutePath().normalize();
        while (existing.getParent() != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing;
    }

    /**
     * @param p a path
     * @param dir a folder
     * @return true when p is the folder or lies inside it, through links or not
     */
    public static boolean inside(Path p, Path dir) {
        return of(p).startsWith(of(dir));
    }

    /**
     * @param a a folder
     * @param b another
     * @return true when one is the other or lies inside it
     */
    public static boolean overlap(Path a, Path b) {
        return inside(a, b) || inside(b, a);
    }
}
