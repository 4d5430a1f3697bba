package org.saepj.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.saepj.SaepException;
import org.saepj.persistence.AtomicFiles;
import org.saepj.search.SearchConfig;

/**
 * What a search was asked to do, stored as {@code run.json} in its output directory so {@code --resume}
 * can continue it with the same configuration and data.
 *
 * @param formatVersion 1
 * @param config the configuration
 * @param test the separate test source, or null
 * @param dataDir the --data-dir option, or null
 * @param labelColumn the --label-column option, or null
 * @param header the --header option
 */
record Invocation(int formatVersion, SearchConfig config, String test, String dataDir, String labelColumn, String header) {
    static final String FILE = "run.json";
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    void save(Path dir) {
        try {
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
            AtomicFiles.write(dir.resolve(FILE), out -> out.write(bytes));
        } catch (IOException e) {
            throw new SaepException(dir.resolve(FILE) + ": cannot write: " + e.getMessage(), e);
        }
    }

    static Invocation load(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            Invocation inv = JSON.readValue(Files.readAllBytes(file), Invocation.class);
            if (inv.formatVersion() != 1 || inv.config() == null) {
                throw new SaepException(file + ": not a search invocation this build can resume (format " + inv.formatVersion() + ")");
            }
            return inv;
        } catch (NoSuchFileException e) {
            throw new UsageError("--resume " + dir + ": no " + FILE + " there: not the output directory of a search");
        } catch (IOException | IllegalArgumentException e) {
            throw new SaepException(file + ": corrupt (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }
}
