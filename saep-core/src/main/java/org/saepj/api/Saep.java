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
 * <pre>{@code
 * SaepRegressor model = Saep.regressor().iterations(4).steps(800).fit(features, targets);
 * double rmse = model.evaluate(testFeatures, testTargets).rmse();
 * }</pre>
 *
 * <p>Each kind of task has its builder, sharing the search settings of {@link SearchBuilder}: {@link #classifier()}
 * and {@link #regressor()}.
 */
public final class Saep {
    private Saep() {}

    /** @return a new classifier builder with the defaults of {@code saep search} */
    public static ClassifierBuilder classifier() {
        return new ClassifierBuilder();
    }

    /** @return a new regressor builder with the defaults of {@code saep search} */
    public static RegressorBuilder regressor() {
        return new RegressorBuilder();
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

    /**
     * @param dir a saved regression ensemble's folder ({@link SaepRegressor#save}, {@code OUT/ensemble}) or a run
     *     folder holding one
     * @return the regressor
     * @throws org.saepj.SaepException when the folder is not a usable saved regression ensemble
     */
    public static SaepRegressor loadRegressor(Path dir) {
        return SaepRegressor.load(dir);
    }
}
