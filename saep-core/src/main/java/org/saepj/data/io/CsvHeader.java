package org.saepj.data.io;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.saepj.DataException;
import org.saepj.SaepException;
import org.saepj.data.StrictNumbers;

/**
 * What both CSV readers ({@link CsvReader}, {@link FeatureTable}) know about a first row: how many of its cells are
 * words (the measure of the header heuristics) and, once it is taken as a header, its names, each given once —
 * columns are matched by name, and a name written twice would match whichever came first.
 */
final class CsvHeader {
    private CsvHeader() {}

    /**
     * @param cells a row's cells
     * @return how many are not numbers
     */
    static long words(List<String> cells) {
        return cells.stream().filter(c -> !StrictNumbers.isNumber(c)).count();
    }

    /**
     * @param file the file, for messages
     * @param line the line the header is on
     * @param raw the header's cells
     * @return the column names; without their quotes when every name is in single quotes ({@code 'vote'}, as
     *     statsmodels writes its data sets: only {@code "} quotes a CSV cell, so the reader leaves them)
     * @throws SaepException when a name is given to two columns
     */
    static List<String> names(Path file, long line, List<String> raw) {
        List<String> cells = singleQuoted(raw)
                ? raw.stream().map(c -> c.substring(1, c.length() - 1)).toList()
                : raw;
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < cells.size(); c++) {
            Integer before = seen.putIfAbsent(cells.get(c), c);
            if (before != null) {
                throw new DataException(file + ": line " + line + ": the header names column "
                        + CsvReader.quote(cells.get(c)) + " twice (columns " + (before + 1) + " and " + (c + 1)
                        + "): give each column its own name");
            }
        }
        return List.copyOf(cells);
    }

    /** @return whether every cell is a name in single quotes, so the quotes are the writer's, not the names' */
    private static boolean singleQuoted(List<String> cells) {
        return !cells.isEmpty()
                && cells.stream().allMatch(c -> c.length() >= 2 && c.startsWith("'") && c.endsWith("'"));
    }
}
