package org.saepj.api;

import java.nio.file.Path;

/**
 * The one-call entry to SAEP-J: a search configured by a builder with the command line's defaults, fitted in one call.
 *
 * <pre>{@code
 * SaepClassifier model = Saep.classifier().method("pap").iterations(4).steps(800).fit(features, labels);
 * double accuracy = model.evaluate(testFeatures, testLabels).accuracy();
 * }</pre>
 *
 * <p>Each kind of task has its builder, sharing the search settings of {@link SearchBuilder}: today
 * {@link #classifier()}; a regressor's builder will stand beside it.
 */
public final class Saep {
    private Saep() {}

    /** @return a new classifier builder with the defaults of {@code saep search} */
    public static ClassifierBuilder classifier() {
        return new ClassifierBuilder();
    }

    /**
     * @param dir a saved ensemble's folder ({@link SaepClassifier#save}, {@code saep search}'s {@code OUT/ensemble}) or
     *     a run folder holding one
     * @return the classifier
     * @throws org.saepj.SaepException when the folder is not a usable saved ensemble
     */
    public static SaepClassifier loadClassifier(Path dir) {
        return SaepClassifier.load(dir);
    }
}
