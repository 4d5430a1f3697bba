package org.saepj.data.table;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.saepj.data.TargetAnalysis;

/**
 * How a CSV table is read beyond its header and label column: which cells are gaps, column types the user fixes,
 * columns left out, the delimiter and the task. Serializable: Spark executors read the file with the same settings.
 *
 * @param missingValues the cells read as gaps, compared without regard to case after trimming ("" is always one)
 * @param columnTypes types the user fixed by column name ({@code --column-types}); others are inferred
 * @param ignoreColumns columns left out by name or 0-based index ({@code --ignore-columns})
 * @param delimiter the delimiter, or null to detect comma, semicolon or tab
 * @param task the task the user fixed ({@code --task}), or null to decide from the label column
 */
public record TableOptions(
        List<String> missingValues,
        Map<String, ColumnType> columnTypes,
        List<String> ignoreColumns,
        Character delimiter,
        TargetAnalysis.Task task)
        implements Serializable {
    /** The gap markers when none are given: an empty cell, NA, NaN, ?, null. */
    public static final List<String> DEFAULT_MISSING = List.of("", "NA", "NaN", "?", "null");

    /**
     * @param missingValues the cells read as gaps
     * @param columnTypes types fixed by column name
     * @param ignoreColumns columns left out
     * @param delimiter the delimiter, or null to detect
     * @param task the task, or null to decide
     */
    public TableOptions {
        missingValues = List.copyOf(missingValues);
        columnTypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columnTypes));
        ignoreColumns = List.copyOf(ignoreColumns);
    }

    /** @return the defaults: the standard gap markers, every type inferred, no column left out, detected delimiter */
    public static TableOptions defaults() {
        return new TableOptions(DEFAULT_MISSING, Map.of(), List.of(), null, null);
    }

    /**
     * @param cell a cell as written (trimmed here)
     * @return whether it is a gap
     */
    public boolean isMissing(String cell) {
        String t = cell.trim();
        return t.isEmpty()
                || missingValues.stream()
                        .anyMatch(m -> m.trim().toLowerCase(Locale.ROOT).equals(t.toLowerCase(Locale.ROOT)));
    }

    /**
     * @param fixed the task the label column is read for
     * @return these options with the task fixed
     */
    public TableOptions withTask(TargetAnalysis.Task fixed) {
        return new TableOptions(missingValues, columnTypes, ignoreColumns, delimiter, fixed);
    }
}
