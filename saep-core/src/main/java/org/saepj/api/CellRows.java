package org.saepj.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.saepj.DataException;
import org.saepj.UsageException;
import org.saepj.data.StrictNumbers;
import org.saepj.data.preprocess.Columns;
import org.saepj.persistence.SavedEnsemble;

/**
 * Rows of cells as a data file holds them (text, {@code yes}/{@code no}, empty or {@code NA} for a gap, a decimal
 * comma where the training file had one) turned into the raw values a saved ensemble takes: through its table's
 * {@link Columns} step, as {@code saep predict} reads a file, or, for a model of numbers only, each cell as a number.
 * Each problem is one line naming the argument, the row and the column.
 */
final class CellRows {
    private final SavedEnsemble ensemble;
    private final Optional<Columns> columns;

    CellRows(SavedEnsemble ensemble) {
        this.ensemble = ensemble;
        this.columns = ensemble.manifest().preprocessing().find(Columns.TYPE).map(Columns.class::cast);
    }

    /** @return the columns of a row in order: the table's names, else the feature names, else "column N" */
    List<String> names() {
        if (columns.isPresent()) {
            return columns.get().names();
        }
        List<String> names = ensemble.manifest().featureNames();
        if (names != null) {
            return names;
        }
        int[] s = ensemble.manifest().inputShape();
        int width = ensemble.manifest().preprocessing().rawWidth(s[0] * s[1] * s[2]);
        return java.util.stream.IntStream.rangeClosed(1, width)
                .mapToObj(c -> "column " + c)
                .toList();
    }

    /**
     * @param rows rows of cells by column name; other names are ignored (a label, an ID)
     * @param what the argument's name, for messages
     * @return the rows in the model's column order
     * @throws UsageException when the model knows no column names
     * @throws DataException naming the first row without a value for one of the model's columns
     */
    String[][] byName(List<Map<String, String>> rows, String what) {
        boolean named = columns.map(Columns::named).orElse(ensemble.manifest().featureNames() != null);
        if (!named) {
            throw new UsageException(what + ": the model's columns have no names (its training data had no header):"
                    + " give rows of cells in the training column order (String[][])");
        }
        List<String> names = names();
        String[][] out = new String[rows.size()][names.size()];
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            if (row == null) {
                throw new DataException(what + ": row " + i + " is null");
            }
            for (int j = 0; j < names.size(); j++) {
                out[i][j] = row.get(names.get(j));
                if (out[i][j] == null) {
                    throw new DataException(what + ": row " + i + " has no value for column '" + names.get(j)
                            + "' (\"\" for a gap); the model's columns are " + String.join(", ", names));
                }
            }
        }
        return out;
    }

    /**
     * @param rows rows of cells in the model's column order
     * @param what the argument's name, for messages
     * @return the raw values, one row per row
     * @throws DataException naming the first row or cell that cannot be read
     */
    float[][] values(String[][] rows, String what) {
        if (rows == null || rows.length == 0) {
            throw new DataException(what + ": no rows: expected at least one row of cells");
        }
        List<String> names = names();
        Columns.Encoder encoder = columns.map(Columns::encoder).orElse(null);
        float[][] out = new float[rows.length][names.size()];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != names.size()) {
                throw new DataException(what + ": row " + i + " has " + (rows[i] == null ? 0 : rows[i].length)
                        + " cells: the model's columns are " + String.join(", ", names) + " (" + names.size() + ")");
            }
            for (int j = 0; j < names.size(); j++) {
                String cell = rows[i][j];
                if (cell == null) {
                    throw new DataException(
                            what + ": row " + i + ", column '" + names.get(j) + "' is null (\"\" for a gap)");
                }
                try {
                    out[i][j] = encoder != null ? encoder.value(j, cell) : StrictNumbers.toFloat(cell.trim());
                } catch (IllegalArgumentException e) { // NumberFormatException too: its message says what was expected
                    throw new DataException(
                            what + ": row " + i + ", column '" + names.get(j) + "': '" + cell + "' " + e.getMessage());
                }
            }
        }
        return out;
    }
}
