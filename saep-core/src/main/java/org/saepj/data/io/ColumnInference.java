package org.saepj.data.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.saepj.DataException;
import org.saepj.SaepException;
import org.saepj.UsageException;
import org.saepj.data.StrictNumbers;
import org.saepj.data.preprocess.Columns;
import org.saepj.data.table.ColumnType;
import org.saepj.data.table.TableOptions;

/**
 * Infers each feature column's type from the training file's cells, gaps left out: numbers only → numeric; two
 * true/false words at most (yes/no, y/n, t/f, true/false, any case) → boolean; mostly text → categorical with its
 * distinct cells as levels. A column of numbers with some text (typos, a header said to be data) is an error at its
 * first text cell, as is a column with no value at all and one of more than {@value #MAX_LEVELS} levels. A type the
 * user fixed ({@code --column-types}) is taken as given. In a semicolon-separated file, a column of numbers written
 * with a decimal comma ({@code 1,5}; whole numbers too, but none with a decimal point) is numeric, read with its
 * comma: the column's name is recorded in the columns step, so every file the model reads takes it alike.
 */
final class ColumnInference {
    /** More distinct text values than this is an identifier or free text, not a category. */
    static final int MAX_LEVELS = 1000;

    private ColumnInference() {}

    /**
     * @param file the file, for messages
     * @param names the feature columns' names (from the header, or "column N")
     * @param header whether the names come from a header (messages name the column then)
     * @param positions each feature column's 0-based position in the file, for messages
     * @param cells the training rows' feature cells, trimmed, row by row
     * @param lines each row's line in the file
     * @param options gap markers and fixed types
     * @param firstRowHint what to add to an error on the file's first row (empty for nothing)
     * @param label the label column's name, or null when the file has no header
     * @param delimiter the file's delimiter: with a semicolon, numbers may have a decimal comma
     * @return the columns step
     */
    static Columns infer(
            Path file,
            List<String> names,
            boolean header,
            int[] positions,
            List<String[]> cells,
            long[] lines,
            TableOptions options,
            String firstRowHint,
            String label,
            char delimiter) {
        List<ColumnType> types = new ArrayList<>();
        List<List<String>> levels = new ArrayList<>();
        List<String> decimalComma = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            ColumnType given = options.columnTypes().get(names.get(j));
            if (delimiter == ';' && (given == null || given == ColumnType.NUMERIC) && commaNumbers(cells, j, options)) {
                types.add(ColumnType.NUMERIC);
                levels.add(List.of());
                decimalComma.add(names.get(j));
                continue;
            }
            int numbers = 0;
            int firstText = -1;
            Set<String> distinct = new TreeSet<>();
            boolean allBoolean = true;
            Set<String> booleans = new TreeSet<>();
            for (int r = 0; r < cells.size(); r++) {
                String c = cells.get(r)[j];
                if (options.isMissing(c)) {
                    continue;
                }
                if (distinct.size() <= MAX_LEVELS) {
                    distinct.add(c);
                }
                if (StrictNumbers.isNumber(c)) {
                    numbers++;
                } else if (firstText < 0) {
                    firstText = r;
                }
                allBoolean &= Columns.isBoolean(c);
                if (allBoolean) {
                    booleans.add(c.toLowerCase(Locale.ROOT));
                }
            }
            String where = file + ": column " + (positions[j] + 1) + named(header, names.get(j));
            if (distinct.isEmpty()) {
                throw new DataException(where + " is empty in all " + cells.size() + " rows: expected values; leave it"
                        + " out with --ignore-columns " + names.get(j));
            }
            ColumnType fixed = options.columnTypes().get(names.get(j));
            ColumnType type;
            if (fixed != null) {
                type = fixed;
            } else if (firstText < 0) {
                type = ColumnType.NUMERIC;
            } else if (allBoolean && Columns.isBooleanPair(booleans)) {
                type = ColumnType.BOOLEAN;
            } else if (numbers >= distinctText(cells, j, options)) {
                String cell = cells.get(firstText)[j];
                throw new DataException(file + ": line " + lines[firstText] + ", column " + (positions[j] + 1)
                        + named(header, names.get(j)) + ": " + CsvReader.quote(cell) + " is not a number ("
                        + StrictNumbers.EXPECTED + ")" + (firstText == 0 ? firstRowHint : ""));
            } else {
                type = ColumnType.CATEGORICAL;
            }
            if (type == ColumnType.CATEGORICAL && distinct.size() > MAX_LEVELS) {
                throw new DataException(where + " has more than " + MAX_LEVELS + " distinct values: expected a category"
                        + " (an identifier or free text?); leave it out with --ignore-columns " + names.get(j));
            }
            types.add(type);
            levels.add(type == ColumnType.CATEGORICAL ? List.copyOf(distinct) : List.of());
        }
        return new Columns(names, header, types, levels, label, options.missingValues(), decimalComma);
    }

    /** Whether a column's cells are numbers, some with a decimal comma and none with a decimal point. */
    private static boolean commaNumbers(List<String[]> cells, int j, TableOptions options) {
        boolean comma = false;
        for (String[] row : cells) {
            String c = row[j];
            if (options.isMissing(c)) {
                continue;
            }
            boolean withComma = Columns.hasDecimalComma(c);
            if (!withComma && !(StrictNumbers.isNumber(c) && c.indexOf('.') < 0)) {
                return false;
            }
            comma |= withComma;
        }
        return comma;
    }

    private static String named(boolean header, String name) {
        return header ? " ('" + name + "')" : "";
    }

    /** The number of text cells (not numbers, not gaps) of a column. */
    private static int distinctText(List<String[]> cells, int j, TableOptions options) {
        int n = 0;
        for (String[] row : cells) {
            String c = row[j];
            if (!options.isMissing(c) && !StrictNumbers.isNumber(c)) {
                n++;
            }
        }
        return n;
    }

    /**
     * @param file the file, for messages
     * @param options the fixed types
     * @param names the feature columns' names
     * @throws SaepException naming a fixed type's column that is not a feature column
     */
    static void checkFixed(Path file, TableOptions options, List<String> names) {
        for (Map.Entry<String, ColumnType> e : options.columnTypes().entrySet()) {
            if (!names.contains(e.getKey())) {
                throw new UsageException("--column-types: " + file + " has no feature column named '" + e.getKey()
                        + "': its feature columns are " + String.join(", ", names));
            }
        }
    }
}
