package org.saepj.data.table;

import java.util.List;
import org.saepj.data.TargetAnalysis;
import org.saepj.data.preprocess.Columns;

/**
 * What reading a table found out: its feature columns (types, levels), each column's gaps, the task its label column
 * calls for and the warnings to show (rows skipped, for one), for {@code search}'s first lines and
 * {@code datasets show}.
 *
 * @param columns the feature columns as the pipeline's first step
 * @param missing each feature column's number of gaps in the file
 * @param levelCounts each categorical column's rows per level (in level order); empty for other columns
 * @param target the task the label column calls for and why; null when read for a model (the model's classes decide)
 * @param warnings lines to show before work starts, e.g. "label class: 2 rows without a label skipped (lines 4, 9)"
 */
public record TableSummary(
        Columns columns,
        int[] missing,
        List<int[]> levelCounts,
        TargetAnalysis.Decision target,
        List<String> warnings) {
    /**
     * @param columns the feature columns
     * @param missing gaps per column
     * @param levelCounts rows per level
     * @param target the task decision
     * @param warnings lines to show
     */
    public TableSummary {
        levelCounts = List.copyOf(levelCounts);
        warnings = List.copyOf(warnings);
    }

    /**
     * @return whether every column is numeric, without gaps and without a decimal comma: such a table is
     *     standardised as before the table steps existed, and stored and exported exactly as then
     */
    public boolean plain() {
        // a decimal comma must reach the files read later: the columns step that reads it is kept
        return columns.types().stream().allMatch(t -> t == ColumnType.NUMERIC)
                && columns.decimalComma() == null
                && java.util.Arrays.stream(missing).allMatch(m -> m == 0);
    }
}
