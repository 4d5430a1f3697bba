package org.saepj.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.persistence.RunLock;
import org.saepj.run.OwnedFolder;

/**
 * The folder a fit writes its run into, or a model is saved into: new or empty, so that nothing of the user's is ever
 * replaced. It is checked before any work, then taken: created, locked against a second writer (another thread or
 * process) and marked as SAEP-J's, so that {@code saep search --overwrite} may replace it later.
 */
final class OutputFolder {
    private OutputFolder() {}

    /**
     * @param dir the folder
     * @param what the setting that named it, for messages ({@code outputFolder})
     * @throws SaepException when it is a file, is not empty, or holds a link
     */
    static void check(Path dir, String what) {
        OwnedFolder.Survey s;
        try {
            s = OwnedFolder.survey(dir);
        } catch (SaepException e) {
            throw new FileException(what + " " + e.getMessage(), e);
        }
        if (!usable(s)) {
            throw new FileException(what + " " + dir + " is not empty: choose a new or empty folder (the Java API never"
                    + " replaces files)");
        }
    }

    /** @return whether it holds nothing, or only SAEP-J's marker (a start that failed before writing anything) */
    private static boolean usable(OwnedFolder.Survey s) {
        return s.empty() || s.ownership() == OwnedFolder.Ownership.MARKED && s.holdsOnly(Set.of());
    }

    /**
     * Takes the folder: checked again once locked, since another writer may have started between the check and now.
     *
     * @param dir the folder, checked by {@link #check}
     * @param what the setting that named it, for messages
     * @return the lock, held until the run is written
     * @throws SaepException when the folder cannot be created or another run took it
     */
    static RunLock take(Path dir, String what) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new FileException(what + " " + dir + ": cannot create it: " + e.getMessage(), e);
        }
        RunLock lock = RunLock.acquire(dir, what);
        OwnedFolder.Survey s = OwnedFolder.survey(dir);
        if (!usable(s)) {
            lock.close();
            throw new FileException(what + " " + dir + " is not empty any more: another writer put files in it");
        }
        OwnedFolder.mark(dir);
        return lock;
    }
}
