package org.saepj.data;

import java.util.ArrayList;
import java.util.List;
import org.saepj.DataException;
import org.saepj.SaepException;

/**
 * Finds features by name: the one matching of a file's feature columns to the ones a model or a training file
 * expects, for {@code predict}'s rows ({@code FeatureTable}), {@code evaluate}'s data and a separate test file
 * ({@code --test}). Columns in another order are put back in order; a missing or unexpected one is named, never
 * matched by position, since a reordered file read by position scores every row wrongly without a sign.
 */
public final class FeatureColumns {
    private FeatureColumns() {}

    /**
     * How one list of names maps onto another.
     *
     * @param from for each wanted name, the index of the column holding it, or -1 when none does
     * @param missing the wanted names no column holds, in the wanted order
     * @param extra the columns' names that are not wanted, in column order
     */
    public record Match(int[] from, List<String> missing, List<String> extra) {}

    /**
     * @param wanted the names expected, in the expected order
     * @param have the columns' names, in the file's order (each given once: the CSV readers refuse a name twice)
     * @return where each wanted name is, and what does not match
     */
    public static Match match(List<String> wanted, List<String> have) {
        int[] from = new int[wanted.size()];
        List<String> missing = new ArrayList<>();
        for (int j = 0; j < from.length; j++) {
            from[j] = have.indexOf(wanted.get(j));
            if (from[j] < 0) {
                missing.add(wanted.get(j));
            }
        }
        List<String> extra = have.stream().filter(n -> !wanted.contains(n)).toList();
        return new Match(from, List.copyOf(missing), extra);
    }

    /**
     * The samples' features in the wanted order.
     *
     * @param d samples whose features are the columns {@code have}, in that order
     * @param have the names of d's features
     * @param wanted the names expected, in the expected order
     * @param source the data's source, naming it in errors
     * @param owner whose features are wanted, for messages ("the ensemble", "the training data")
     * @return d itself when the order is already the same, else its features reordered
     * @throws SaepException when a wanted feature is missing or a column is not one of them, naming both
     */
    public static Dataset align(Dataset d, List<String> have, List<String> wanted, String source, String owner) {
        if (have.equals(wanted)) {
            return d;
        }
        Match m = match(wanted, have);
        if (!m.missing().isEmpty() || !m.extra().isEmpty() || have.size() != wanted.size()) {
            String missing = m.missing().isEmpty() ? "" : "; missing: " + String.join(", ", m.missing());
            String extra = m.extra().isEmpty()
                    ? ""
                    : "; not features of " + owner + ": " + String.join(", ", m.extra())
                            + " (name the label with --label-column, leave others out with --ignore-columns)";
            throw new DataException(source + ": its feature columns do not match " + owner + "'s" + missing + extra);
        }
        int features = wanted.size();
        float[] x = new float[d.size() * features];
        float[] in = d.features();
        for (int j = 0; j < features; j++) {
            int col = m.from()[j];
            for (int i = 0; i < d.size(); i++) {
                x[i * features + j] = in[i * features + col];
            }
        }
        return new Dataset(d.name(), x, d.targets(), d.shape());
    }
}
