package org.saepj.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Path;
import org.saepj.DataException;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.data.io.InputFiles;
import org.saepj.subnetwork.SpaceDefinition;

/** Reads search-space files ({@code --space FILE}): JSON as docs/SEARCH_SPACES.md describes, checked field by field. */
public final class SpaceFiles {
    private SpaceFiles() {}

    /**
     * @param file a search-space file
     * @return its checked definition
     * @throws SaepException naming the file and the field that is wrong
     */
    public static SpaceDefinition read(Path file) {
        SpaceDefinition d;
        try {
            d = JsonFormat.mapper().readValue(InputFiles.readAll(file, "search space"), SpaceDefinition.class);
        } catch (JsonProcessingException e) {
            throw new FileException(
                    file + ": not a search-space file ("
                            + e.getOriginalMessage().lines().findFirst().orElse("") + ")",
                    e);
        } catch (IOException e) {
            throw new FileException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (d == null) {
            throw new FileException(file + ": empty: expected a search-space object");
        }
        try {
            return d.validate();
        } catch (IllegalArgumentException e) {
            throw new DataException(file + ": " + e.getMessage(), e);
        }
    }
}
