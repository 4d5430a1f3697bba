package org.saepj.ensemble;

import java.util.ArrayList;
import java.util.List;
import org.saepj.DataException;
import org.saepj.SaepException;

/**
 * Refuses outputs that are not numbers: a feature such as {@code 3e38}, or parameters that large, overflow the float
 * arithmetic to infinity and then to NaN, whose softmax and argmax are meaningless (every probability NaN, class 0
 * predicted). The error names the rows, so the user can find them in the input.
 */
public final class FiniteOutputs {
    /** How many rows an error names; the rest are counted. */
    static final int NAMED_ROWS = 5;

    private FiniteOutputs() {}

    /**
     * @param logits row-major outputs, {@code rows × classes}
     * @param classes the number of classes
     * @param whose whose outputs they are, for the message ("the ensemble's", "member 3's")
     * @throws SaepException naming the first rows (counted from 1, in input order) and how many there are
     */
    public static void require(float[] logits, int classes, String whose) {
        int rows = logits.length / classes;
        List<Integer> bad = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < rows; i++) {
            if (!finite(logits, i * classes, classes)) {
                count++;
                if (bad.size() < NAMED_ROWS) {
                    bad.add(i + 1);
                }
            }
        }
        if (count > 0) {
            String named =
                    String.join(", ", bad.stream().map(String::valueOf).toList()) + (count > bad.size() ? ", …" : "");
            throw new DataException(whose + " output is NaN or infinite for " + count + " of " + rows
                    + (rows == 1 ? " row" : " rows") + " (" + (count == 1 ? "row " : "rows ") + named
                    + ", counted from 1 in input order): values in " + (count == 1 ? "that row" : "those rows")
                    + ", or the ensemble's parameters, are too large for float arithmetic (such as 3e38)");
        }
    }

    private static boolean finite(float[] logits, int from, int classes) {
        for (int k = from; k < from + classes; k++) {
            if (!Float.isFinite(logits[k])) {
                return false;
            }
        }
        return true;
    }
}
