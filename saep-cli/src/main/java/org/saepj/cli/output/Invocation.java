package org.saepj.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.saepj.DataException;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.data.SourceData;
import org.saepj.data.io.InputFiles;
import org.saepj.persistence.AtomicFiles;
import org.saepj.persistence.FormatChain;
import org.saepj.search.SearchConfig;

/**
 * What a search was asked to do, stored as {@code run.json} in its output directory so {@code --resume}
 * can continue it with the same configuration and the same data.
 *
 * @param formatVersion 2 (1: written before the data fingerprint was recorded)
 * @param config the configuration (file sources as absolute paths)
 * @param test the separate test source, or null
 * @param dataDir the --data-dir option, or null
 * @param labelColumn the --label-column option, or null
 * @param header the --header option
 * @param dataSha256 the fingerprint of the data the run started on (null in format 1)
 * @param imageSize the --image-size option ("28x28"), or null (absent from runs stored before it existed)
 * @param table the table options as typed (null when written before they existed: the defaults)
 */
public record Invocation(
        int formatVersion,
        SearchConfig config,
        String test,
        String dataDir,
        String labelColumn,
        String header,
        String dataSha256,
        String imageSize,
        TableArgs table) {
    /**
     * The table options of a run as the user typed them, so a resumed run reads its table alike.
     *
     * @param columnTypes --column-types entries (NAME=TYPE)
     * @param missingValues --missing-values, or null for the defaults
     * @param ignoreColumns --ignore-columns
     * @param delimiter --delimiter, or null to detect
     * @param task --task, or null to decide
     */
    public record TableArgs(
            List<String> columnTypes,
            List<String> missingValues,
            List<String> ignoreColumns,
            String delimiter,
            String task) {
        /**
         * @param columnTypes --column-types entries
         * @param missingValues --missing-values, or null
         * @param ignoreColumns --ignore-columns
         * @param delimiter --delimiter, or null
         * @param task --task, or null
         */
        public TableArgs {
            columnTypes = columnTypes == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(columnTypes);
            missingValues = missingValues == null ? null : new java.util.ArrayList<>(missingValues);
            ignoreColumns =
                    ignoreColumns == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(ignoreColumns);
        }
    }

    public static final String FILE = "run.json";
    /** The format this build writes. */
    public static final int FORMAT_VERSION = 2;
    /** run.json's versions: format 1 (no data fingerprint) has format 2's layout, so the chain has no steps. */
    static final FormatChain CHAIN = FormatChain.of("search invocation", "formatVersion", FORMAT_VERSION);

    private static final ObjectMapper JSON = org.saepj.persistence.JsonFormat.mapper();

    public void save(Path dir) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(this);
            AtomicFiles.write(dir.resolve(FILE), out -> out.write(bytes));
        } catch (IOException e) {
            throw new FileException(dir.resolve(FILE) + ": cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * @param planned the configuration as the search ran it (a time budget's plan: its steps and iterations)
     * @return this invocation with that configuration, which a rerun or a resume then follows exactly
     */
    public Invocation withConfig(SearchConfig planned) {
        return new Invocation(formatVersion, planned, test, dataDir, labelColumn, header, dataSha256, imageSize, table);
    }

    /** @return this invocation with the fingerprint of the data it runs on */
    public Invocation withData(SourceData data) {
        return new Invocation(
                FORMAT_VERSION, config, test, dataDir, labelColumn, header, data.sha256(), imageSize, table);
    }

    /**
     * Refuses to continue a run on data other than what it started on.
     *
     * @param file the file the invocation came from, for messages
     * @param data the data as loaded now
     * @param err where a warning goes when the invocation predates fingerprints
     */
    public void verify(Path file, SourceData data, PrintWriter err) {
        if (dataSha256 == null) {
            err.println(
                    "warning: " + file + " was written by an earlier SAEP-J that did not record the data's fingerprint:"
                            + " the data cannot be checked to be the run's own");
            return;
        }
        if (!dataSha256.equals(data.sha256())) {
            throw new DataException(
                    "--resume: the data " + data.source() + " is not what the run started on (fingerprint "
                            + shortHash(data.sha256()) + " now, " + shortHash(dataSha256) + " in " + file
                            + "): restore that data, or start a new run");
        }
    }

    private static String shortHash(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
    }

    public static Invocation load(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            Invocation inv =
                    JSON.treeToValue(CHAIN.read(file, JSON.readTree(InputFiles.readAll(file, ""))), Invocation.class);
            inv.check(file);
            return inv;
        } catch (IOException | IllegalArgumentException e) {
            throw new FileException(
                    file + ": corrupt (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    /**
     * @param file where the invocation was read from
     * @throws SaepException when it is not one this build can continue
     */
    void check(Path file) {
        if (formatVersion < 1 || formatVersion > FORMAT_VERSION) {
            throw new FileException(file + ": format " + formatVersion + " is not one this build resumes (1 to "
                    + FORMAT_VERSION + ")");
        }
        if (config == null || config.dataset() == null) {
            throw new FileException(file + ": incomplete: no configuration or data source");
        }
        if (dataSha256 != null && !dataSha256.matches("[0-9a-f]{64}")) {
            throw new FileException(file + ": dataSha256 must be 64 hex digits");
        }
        // These become paths and column names: a NUL byte in one would fail deep inside, as an internal error.
        java.util.Map<String, String> text = new java.util.LinkedHashMap<>();
        text.put("config.data.dataset", config.dataset());
        text.put("test", test);
        text.put("dataDir", dataDir);
        text.put("labelColumn", labelColumn);
        text.put("header", header);
        text.put("imageSize", imageSize);
        text.forEach((field, value) -> {
            if (value != null && value.chars().anyMatch(Character::isISOControl)) {
                throw new FileException(file + ": " + field + " '" + SaepException.printable(value) + "' holds a"
                        + " control character (such as NUL): not a source, directory or column a run was given");
            }
        });
    }
}
