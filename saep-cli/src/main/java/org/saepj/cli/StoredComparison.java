package org.saepj.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.saepj.SaepException;
import org.saepj.persistence.AtomicFiles;

/**
 * A comparison's plan and data options, stored as {@code compare.json} so {@code compare --resume} can
 * continue it: finished runs are read back, interrupted ones continue from their checkpoints.
 *
 * @param plan what to compare
 * @param invocation the data settings
 */
record StoredComparison(Comparison.Plan plan, Invocation invocation) {
    private static final ObjectMapper JSON = org.saepj.persistence.JsonFormat.mapper();

    void save(Path dir) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(this);
            AtomicFiles.write(dir.resolve(Comparison.Plan.FILE), out -> out.write(bytes));
        } catch (IOException e) {
            throw new SaepException(dir.resolve(Comparison.Plan.FILE) + ": cannot write: " + e.getMessage(), e);
        }
    }

    static StoredComparison load(Path dir) {
        Path file = dir.resolve(Comparison.Plan.FILE);
        try {
            StoredComparison s = JSON.readValue(Files.readAllBytes(file), StoredComparison.class);
            if (s.plan() == null || s.invocation() == null) {
                throw new SaepException(file + ": incomplete: not a comparison this build can resume");
            }
            return s;
        } catch (NoSuchFileException e) {
            throw new UsageError("--resume " + dir + ": no " + Comparison.Plan.FILE + " there: not the output directory of a comparison");
        } catch (IOException | IllegalArgumentException e) {
            throw new SaepException(file + ": corrupt (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }
}
