package org.saepj.data.preprocess;

import org.saepj.data.Dataset;

/**
 * A kind of preprocessing step, found through {@link java.util.ServiceLoader} ({@code
 * META-INF/services/org.saepj.data.preprocess.StepKind}): its stable type name, the record of a fitted step, and how
 * it is fitted. A step's stored form is {@code {"type": <type name>, <the record's components>}}; no Java class name
 * reaches a file. A new step is its record with this kind nested in it (one file) and one line in the services file.
 *
 * <p>Implementations are stateless and need a public no-argument constructor.
 *
 * @param <S> the fitted step's record
 */
public interface StepKind<S extends PreprocessingStep> {
    /** @return the name in stored files, e.g. "standardize"; lower case, never changed once released */
    String type();

    /** @return the fitted step's class: a public record */
    Class<S> stepClass();

    /**
     * @param train the training part only, as the steps before this one left it: nothing of the test data may
     *     reach a fitted step
     * @return the fitted step
     */
    S fit(Dataset train);

    /**
     * Fits with the steps before it in view, for a step that needs what they know (the table steps read the column
     * types of a {@link Columns} step); by default {@link #fit(Dataset)}.
     *
     * @param train the training part only, as the steps before this one left it
     * @param before the fitted steps before it, in order
     * @return the fitted step
     */
    default S fit(Dataset train, java.util.List<PreprocessingStep> before) {
        return fit(train);
    }
}
