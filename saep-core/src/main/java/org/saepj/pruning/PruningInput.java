package org.saepj.pruning;

/**
 * What a pruning decision looks at: each member's predicted labels on the decision data, the true labels,
 * and the members' mixture weights.
 *
 * @param predictions {@code predictions[j][s]}: member j's predicted class of sample s
 * @param labels the true class of each sample
 * @param weights each member's mixture weight (uniform: 1/N)
 * @param classes the number of classes
 */
public record PruningInput(int[][] predictions, int[] labels, double[] weights, int classes) {
    /**
     * Checks that the shapes agree.
     *
     * @param predictions {@code predictions[j][s]}: member j's predicted class of sample s
     * @param labels the true class of each sample
     * @param weights each member's mixture weight (uniform: 1/N)
     * @param classes the number of classes
     */
    public PruningInput {
        if (predictions.length != weights.length) {
            throw new IllegalArgumentException(predictions.length + " members but " + weights.length + " weights");
        }
        for (int[] p : predictions) {
            if (p.length != labels.length) {
                throw new IllegalArgumentException("a member predicts " + p.length + " samples, labels cover " + labels.length);
            }
        }
    }

    /**
     * @param predictions one predicted-label vector per member
     * @param labels the true labels
     * @return an input with uniform weights and the class count taken as the largest label seen plus one
     */
    public static PruningInput uniform(int[][] predictions, int[] labels) {
        int classes = org.saepj.information.InformationTheory.alphabetSize(predictions, labels);
        double[] w = new double[predictions.length];
        java.util.Arrays.fill(w, 1.0 / Math.max(1, predictions.length));
        return new PruningInput(predictions, labels, w, classes);
    }

    /** @return the number of members */
    public int members() {
        return predictions.length;
    }

    /**
     * The ensemble's prediction: the weighted vote of the members' labels, ties to the lowest class.
     *
     * @param leaveOut a member to leave out, or -1
     * @return the ensemble's error rate on the decision data
     */
    public double ensembleError(int leaveOut) {
        return voteError(j -> j != leaveOut);
    }

    /**
     * The weighted plurality vote of some members, each sample's votes added in member order, ties to the lowest
     * class: the one vote every criterion decides by.
     *
     * @param member which members take part
     * @return each sample's voted class
     */
    public int[] vote(java.util.function.IntPredicate member) {
        double[] w = new double[weights.length];
        for (int j = 0; j < w.length; j++) {
            w[j] = member.test(j) ? weights[j] : 0; // adding a zero vote changes no sum: the same as leaving the member out
        }
        return vote(w);
    }

    /**
     * The plurality vote with weights of one's own (Caruana's counts), each sample's votes added in member order,
     * ties to the lowest class.
     *
     * @param memberWeights a weight per member; 0 leaves the member out
     * @return each sample's voted class
     */
    public int[] vote(double[] memberWeights) {
        if (memberWeights.length != predictions.length) {
            throw new IllegalArgumentException(predictions.length + " members but " + memberWeights.length + " vote weights");
        }
        int[] out = new int[labels.length];
        double[] votes = new double[classes];
        for (int s = 0; s < labels.length; s++) {
            java.util.Arrays.fill(votes, 0);
            for (int j = 0; j < predictions.length; j++) {
                if (memberWeights[j] != 0) {
                    votes[predictions[j][s]] += memberWeights[j];
                }
            }
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (votes[k] > votes[best]) {
                    best = k;
                }
            }
            out[s] = best;
        }
        return out;
    }

    /**
     * @param vote a voted class per sample
     * @return the fraction of samples it gets wrong
     */
    public double error(int[] vote) {
        int wrong = 0;
        for (int s = 0; s < labels.length; s++) {
            if (vote[s] != labels[s]) {
                wrong++;
            }
        }
        return (double) wrong / labels.length;
    }

    /**
     * @param member which members take part
     * @return the error rate of their {@link #vote}
     */
    public double voteError(java.util.function.IntPredicate member) {
        return error(vote(member));
    }
}
