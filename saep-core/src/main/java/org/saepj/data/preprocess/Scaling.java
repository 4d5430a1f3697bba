package org.saepj.data.preprocess;

import org.saepj.EnumNames;

/**
 * How a search scales a table's features before the members see them ({@code --scaling}): the paper's standardising
 * with the training mean and deviation ({@link Standardize}), or the robust scaling of {@link RobustScale} (training
 * median and interquartile range, then a soft clip to about ±3) or the piecewise-linear encoding of
 * {@link PiecewiseLinear} (quantile bins of the training part) in its place, or, {@link #AUTO}, whichever of the
 * standardised features and their piecewise-linear encoding does better on the validation data, the search trying
 * both. Images keep their own scaling either way.
 */
public enum Scaling {
    /** Training mean and standard deviation: the paper's, and the default. */
    STANDARD(Standardize.TYPE),
    /** Training median and interquartile range, softly clipped. */
    ROBUST(RobustScale.TYPE),
    /** Piecewise-linear encoding with quantile bins: T values a feature, each in [0, 1] on the training part. */
    PLE(PiecewiseLinear.TYPE),
    /**
     * Standardised features, or their piecewise-linear encoding where that does better: the search runs with each and
     * keeps the one whose final ensemble has the lower objective on the validation data ({@code
     * org.saepj.search.EncodingSearch}). Prepared as {@link #STANDARD}; the encoding is added by the search.
     */
    AUTO(Standardize.TYPE);

    private final String stepType;

    Scaling(String stepType) {
        this.stepType = stepType;
    }

    /** @return the type of the preprocessing step that scales a table's features this way */
    public String stepType() {
        return stepType;
    }

    /** @return the lower-case name, as stored and typed */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return EnumNames.id(this);
    }

    /**
     * @param id a user-typed or stored name, in any case
     * @return the scaling
     * @throws IllegalArgumentException naming the accepted names
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Scaling parse(String id) {
        return EnumNames.parse(Scaling.class, id, "unknown scaling '%s'");
    }
}
