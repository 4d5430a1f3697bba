package org.saepj.pruning;

/**
 * What a pruning decision looks at: each member's predicted labels on the decision data, the true labels,
 * and the members' mixture weights.
 *
 * @param predictions {@code predictions[j][s]}: member j's predicted class of sample s
 * @param labels the true class of each sample
 * @param weights each member's mixture weight (uniform: 1/N)
 * @param classes the number of classes
 * @param values a regression search's member outputs, {@code values[j][s]} (standardised), or null for classification,
 *     whose predictions and labels then have no samples
 * @param targets the true values of a regression search (standardised), or null
 */
public record PruningInput(
        int[][] predictions, int[] labels, double[] weights, int classes, double[][] values, double[] targets) {
    /**
     * Checks that the shapes agree.
     *
     * @param predictions {@code predictions[j][s]}: member j's predicted class of sample s
     * @param labels the true class of each sample
     * @param weights each member's mixture weight (uniform: 1/N)
     * @param classes the number of classes
     * @param values a regression search's member outputs, or null
     * @param targets the true values of a regression search, or null
     */
    public PruningInput {
        if ((values == null) != (targets == null)) {
            throw new IllegalArgumentException("member values and true values come together");
        }
        if (values != null && values.length != weights.length) {
            throw new IllegalArgumentException(values.length + " members' values but " + weights.length + " weights");
        }
        if (predictions.length != weights.length) {
            throw new IllegalArgumentException(predictions.length + " members but " + weights.length + " weights");
        }
        for (int[] p : predictions) {
            if (p.length != labels.length) {
                throw new IllegalArgumentException(
                        "a member predicts " + p.length + " samples, labels cover " + labels.length);
            }
        }
    }

    /**
     * A classification input: each member's predicted classes.
     *
     * @param predictions {@code predictions[j][s]}: member j's predicted class of sample s
     * @param labels the true class of each sample
     * @param weights each member's mixture weight (uniform: 1/N)
     * @param classes the number of classes
     */
    public PruningInput(int[][] predictions, int[] labels, double[] weights, int classes) {
        this(predictions, labels, weights, classes, null, null);
    }

    /**
     * A regression input: each member's values; no classes.
     *
     * @param values {@code values[j][s]}: member j's output for sample s
     * @param targets the true value of each sample
     * @param weights each member's mixture weight (uniform: 1/N)
     * @return the input
     */
    public static PruningInput ofValues(double[][] values, double[] targets, double[] weights) {
        return new PruningInput(new int[values.length][0], new int[0], weights, 1, values, targets);
    }

    /** @return whether the members predict values (regression) rather than classes */
    public boolean hasValues() {
        return values != null;
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
     * The ensemble's error: of the weighted vote of the members' labels, ties to the lowest class; for values, the
     * mean squared error of their weighted average.
     *
     * @param leaveOut a member to leave out, or -1
     * @return the ensemble's error rate (squared error for values) on the decision data
     */
    public double ensembleError(int leaveOut) {
        return subsetError(j -> j != leaveOut);
    }

    /**
     * The error of some members together: the error rate of their weighted vote ({@link #voteError}); for values,
     * the mean squared error of their weighted average {@code Σ w_j h_j / Σ w_j} over the members taking part (the
     * search's combination under the uniform mixture, whose weights are reset to 1/N after pruning).
     *
     * @param member which members take part
     * @return the error on the decision data
     */
    public double subsetError(java.util.function.IntPredicate member) {
        if (values == null) {
            return voteError(member);
        }
        double[] w = new double[weights.length];
        for (int j = 0; j < w.length; j++) {
            w[j] = member.test(j) ? weights[j] : 0;
        }
        return squaredError(average(w));
    }

    /**
     * The error of the members combined with weights of one's own (Caruana's counts): the error rate of that vote;
     * for values, the mean squared error of the average weighted by them.
     *
     * @param memberWeights a weight per member; 0 leaves the member out
     * @return the error on the decision data
     */
    public double errorWith(double[] memberWeights) {
        return values == null ? error(vote(memberWeights)) : squaredError(average(memberWeights));
    }

    /**
     * One member's own error: the error rate of its predicted labels; for values, the mean squared error of its
     * outputs.
     *
     * @param member the member
     * @return its error on the decision data
     */
    public double memberError(int member) {
        return values == null ? error(predictions[member]) : squaredError(values[member]);
    }

    /**
     * The members' outputs averaged with weights, {@code Σ w_j h_j / Σ w_j} (members of weight 0 left out; all-zero
     * weights give 0): the ensemble's output on each sample of a regression input.
     *
     * @param memberWeights a weight per member
     * @return each sample's weighted average
     */
    public double[] average(double[] memberWeights) {
        if (values == null) {
            throw new IllegalStateException("a classification input has no values to average");
        }
        if (memberWeights.length != values.length) {
            throw new IllegalArgumentException(values.length + " members but " + memberWeights.length + " weights");
        }
        double total = 0;
        for (double w : memberWeights) {
            total += w;
        }
        double[] out = new double[targets.length];
        for (int s = 0; s < targets.length; s++) {
            double f = 0;
            for (int j = 0; j < values.length; j++) {
                f += memberWeights[j] == 0 ? 0 : memberWeights[j] * values[j][s];
            }
            out[s] = total != 0 ? f / total : f;
        }
        return out;
    }

    /**
     * @param outputs an output per sample
     * @return their mean squared error against the true values
     */
    private double squaredError(double[] outputs) {
        double sum = 0;
        for (int s = 0; s < targets.length; s++) {
            double e = outputs[s] - targets[s];
            sum += e * e;
        }
        return sum / targets.length;
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
            w[j] = member.test(j)
                    ? weights[j]
                    : 0; // adding a zero vote changes no sum: the same as leaving the member out
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
            throw new IllegalArgumentException(
                    predictions.length + " members but " + memberWeights.length + " vote weights");
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
