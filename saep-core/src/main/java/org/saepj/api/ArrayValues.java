package org.saepj.api;

import org.saepj.DataException;
import org.saepj.SaepException;

/**
 * Regression targets given as a Java array, checked before any work: present, one per row of features, and every value
 * a finite number. Each problem is one line naming the argument and the row.
 */
final class ArrayValues {
    private ArrayValues() {}

    /**
     * @param values one target value per row
     * @param rows the number of feature rows
     * @param what the argument's name, for messages ("targets")
     * @return the values as given, checked
     * @throws SaepException naming the count or the first value that cannot be used
     */
    static double[] check(double[] values, int rows, String what) {
        if (values == null) {
            throw new DataException(what + ": null: expected one value per row of features");
        }
        if (values.length != rows) {
            throw new DataException(what + ": " + values.length + " values for " + rows
                    + " rows of features: expected one value per row");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new DataException(what + ": the value of row " + i + " is " + values[i]
                        + ": every target must be a finite number");
            }
        }
        return values;
    }
}
