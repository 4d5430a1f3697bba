package org.saepj.api;

import org.saepj.DataException;
import org.saepj.SaepException;

/**
 * Rows of features given as Java arrays, checked before any work: present, rectangular, and every value a finite
 * number a float holds. Each problem is one line naming the argument, the row and the column.
 */
final class FeatureRows {
    private FeatureRows() {}

    /**
     * @param rows one array of features per sample
     * @param what the argument's name, for messages ("features")
     * @return the rows as given, checked
     * @throws SaepException naming the first row or value that cannot be used
     */
    static float[][] check(float[][] rows, String what) {
        int width = shape(rows, what);
        for (int i = 0; i < rows.length; i++) {
            float[] row = rows[i];
            requireRow(row != null, what, i, "is null");
            requireRow(
                    row.length == width,
                    what,
                    i,
                    "has " + row.length + " values but row 0 has " + width
                            + ": every row needs the same number of features");
            for (int j = 0; j < width; j++) {
                if (!Float.isFinite(row[j])) {
                    throw new DataException(what + ": row " + i + ", column " + j + " is " + row[j]
                            + ": every feature must be a finite number");
                }
            }
        }
        return rows;
    }

    /**
     * @param rows one array of features per sample, in double precision
     * @param what the argument's name, for messages
     * @return the rows as floats, the precision the networks compute in
     * @throws SaepException naming the first row or value that cannot be used, a value beyond a float's range too
     */
    static float[][] check(double[][] rows, String what) {
        int width = shape(rows, what);
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] row = rows[i];
            requireRow(row != null, what, i, "is null");
            requireRow(
                    row.length == width,
                    what,
                    i,
                    "has " + row.length + " values but row 0 has " + width
                            + ": every row needs the same number of features");
            out[i] = new float[width];
            for (int j = 0; j < width; j++) {
                if (!Double.isFinite(row[j]) || !Float.isFinite((float) row[j])) {
                    throw new DataException(what + ": row " + i + ", column " + j + " is " + row[j]
                            + ": every feature must be a finite number within the range of a float");
                }
                out[i][j] = (float) row[j];
            }
        }
        return out;
    }

    /**
     * @param rows checked rows ({@link #check})
     * @return the rows one after the other, the layout of {@link org.saepj.data.Dataset}
     */
    static float[] flatten(float[][] rows) {
        int width = rows[0].length;
        float[] flat = new float[rows.length * width]; // within an int: checked by shape
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return flat;
    }

    /** @return the width of row 0, once the array and that row are known to hold something */
    private static int shape(Object[] rows, String what) {
        if (rows == null || rows.length == 0) {
            throw new DataException(what + ": no rows: expected at least one row of features");
        }
        requireRow(rows[0] != null, what, 0, "is null");
        int width = java.lang.reflect.Array.getLength(rows[0]);
        requireRow(width > 0, what, 0, "has no values: expected at least one feature");
        if ((long) rows.length * width > Integer.MAX_VALUE) {
            throw new DataException(what + ": " + rows.length + " rows × " + width
                    + " features are more values than one array holds (" + Integer.MAX_VALUE + ")");
        }
        return width;
    }

    private static void requireRow(boolean ok, String what, int row, String problem) {
        if (!ok) {
            throw new DataException(what + ": row " + row + " " + problem);
        }
    }
}
