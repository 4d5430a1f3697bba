package org.saepj.data.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.saepj.FileException;
import org.saepj.SaepException;

/**
 * One folder's entries, sorted by name (so every listing, and the fingerprint built from it, is the same on every
 * file system): its visible sub-folders and its visible regular files. A hidden entry (its name starts with a dot) or
 * anything else (a pipe, a device, a broken link) is skipped with its reason.
 *
 * @param folders the visible sub-folders, by name
 * @param files the visible regular files, by name
 */
record FolderEntries(List<Path> folders, List<Path> files) {
    /**
     * @param dir the folder
     * @param root the folder names are given relative to, in skip reasons
     * @param skipped receives the hidden and odd entries
     * @return its entries
     * @throws SaepException when it cannot be listed
     */
    static FolderEntries list(Path dir, Path root, SkippedFiles skipped) {
        List<Path> all;
        try (Stream<Path> entries = Files.list(dir)) {
            all = new ArrayList<>(entries.toList());
        } catch (IOException e) {
            throw new FileException(dir + ": cannot list the folder: " + e.getMessage());
        }
        all.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        List<Path> folders = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path p : all) {
            String name = p.getFileName().toString();
            if (name.startsWith(".")) {
                skipped.add(root.relativize(p).toString(), "a hidden file");
            } else if (Files.isDirectory(p)) {
                folders.add(p);
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                skipped.add(
                        root.relativize(p).toString(),
                        Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.exists(p)
                                ? "a broken link"
                                : "not a regular file");
            }
        }
        return new FolderEntries(List.copyOf(folders), List.copyOf(files));
    }
}
