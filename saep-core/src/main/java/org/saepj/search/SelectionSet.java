package org.saepj.search;

/**
 * The data on which candidate ensembles are compared and pruning decides: the training partition (the
 * default, as in the paper) or a stratified holdout split off the training partition.
 *
 * @param holdoutFraction 0 for the training partition, else the fraction held out, in (0, 1)
 */
public record SelectionSet(double holdoutFraction) {
    /** The training partition itself. */
    public static final SelectionSet TRAIN = new SelectionSet(0);

    /**
     * Checks the fraction.
     *
     * @param holdoutFraction 0 for the training partition, else the fraction held out, in (0, 1)
     */
    public SelectionSet {
        if (!(holdoutFraction == 0 || holdoutFraction > 0 && holdoutFraction < 1)) {
            throw new IllegalArgumentException("selection holdout fraction must be in (0, 1), got " + holdoutFraction);
        }
    }

    /**
     * @param spec "train" or "holdout:F"
     * @return the selection set
     */
    public static SelectionSet parse(String spec) {
        String s = spec.strip();
        if (s.equals("train")) {
            return TRAIN;
        }
        if (s.startsWith("holdout:")) {
            String f = s.substring("holdout:".length());
            double fraction;
            try {
                fraction = Double.parseDouble(f);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        s + ": holdout:F needs a number F above 0 and below 1, such as" + " holdout:0.1");
            }
            // 0 would quietly mean the training data (TRAIN is holdout fraction 0): a holdout is a part of it, never
            // none.
            if (!(fraction > 0 && fraction < 1)) {
                throw new IllegalArgumentException(s + ": the fraction must be above 0 and below 1, such as holdout:0.1"
                        + " (train selects on the training data itself)");
            }
            return new SelectionSet(fraction);
        }
        throw new IllegalArgumentException("'" + spec + "' is not understood: expected train or holdout:F");
    }

    /** @return true when selection uses the training partition */
    public boolean isTrain() {
        return holdoutFraction == 0;
    }

    @Override
    public String toString() {
        return isTrain() ? "train" : "holdout:" + holdoutFraction;
    }
}
