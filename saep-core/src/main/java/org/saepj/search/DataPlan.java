package org.saepj.search;

import java.util.Arrays;
import java.util.Objects;
import org.saepj.data.Shape;
import org.saepj.data.preprocess.Scaling;

/**
 * Which data a search learns from and how it is split: the source, an optional binary pair, K-fold
 * cross-validation, the test holdout of sources without a test partition, and the data candidates are selected
 * and pruned on, and how a table's features are scaled.
 *
 * @param dataset the data source ("fashion-mnist", "idx:DIR", "csv:FILE", …)
 * @param pair a binary pair of class indices, or null for all classes
 * @param folds K for stratified K-fold cross-validation over train ∪ test, or 0 for the given split
 * @param testFraction for sources without a test partition: the stratified holdout used as test data
 * @param selection the data candidates are selected and pruned on
 * @param scaling how a table's features are scaled ({@link Scaling#STANDARD} when absent: stored before it existed)
 */
public record DataPlan(
        String dataset, int[] pair, int folds, double testFraction, SelectionSet selection, Scaling scaling) {
    /** The paper's: Fashion-MNIST, all classes, its own split, selection on the training data. */
    public static final DataPlan DEFAULT = new DataPlan("fashion-mnist", null, 0, 0.2, SelectionSet.TRAIN);

    /**
     * Validates every setting.
     *
     * @param dataset the data source ("fashion-mnist", "idx:DIR", "csv:FILE", …)
     * @param pair a binary pair of class indices, or null for all classes
     * @param folds K for stratified K-fold cross-validation over train ∪ test, or 0 for the given split
     * @param testFraction for sources without a test partition: the stratified holdout used as test data
     * @param selection the data candidates are selected and pruned on
     * @param scaling how a table's features are scaled; null for {@link Scaling#STANDARD}
     */
    public DataPlan {
        scaling = scaling == null ? Scaling.STANDARD : scaling;
        InvalidSettingException.require(dataset != null && !dataset.isBlank(), "dataset", "must be given");
        if (pair != null) {
            InvalidSettingException.require(
                    pair.length == 2, "pair", "needs exactly two classes, got " + Arrays.toString(pair));
            InvalidSettingException.require(
                    pair[0] >= 0 && pair[1] >= 0,
                    "pair",
                    "classes must not be negative, got " + pair[0] + "," + pair[1]);
            InvalidSettingException.require(
                    pair[0] != pair[1], "pair", "classes must differ, got " + pair[0] + "," + pair[1]);
            pair = pair.clone();
        }
        InvalidSettingException.require(
                folds == 0 || folds >= 2, "folds", "must be 0 (no cross-validation) or at least 2, got " + folds);
        InvalidSettingException.require(
                testFraction > 0 && testFraction < 1, "testFraction", "must be in (0, 1), got " + testFraction);
        InvalidSettingException.require(selection != null, "selection", "must be set");
    }

    /**
     * A plan whose tables are standardised, as the paper's.
     *
     * @param dataset the data source
     * @param pair a binary pair of class indices, or null for all classes
     * @param folds K for K-fold cross-validation, or 0 for the given split
     * @param testFraction for sources without a test partition: the holdout used as test data
     * @param selection the data candidates are selected and pruned on
     */
    public DataPlan(String dataset, int[] pair, int folds, double testFraction, SelectionSet selection) {
        this(dataset, pair, folds, testFraction, selection, Scaling.STANDARD);
    }

    /**
     * Refuses, before any training, a scaling the data cannot take: robust scaling and the piecewise-linear encoding
     * are for a table's columns, and images keep their pixel scaling.
     *
     * @param input the samples' shape
     * @throws InvalidSettingException naming the setting
     */
    public void checkFits(Shape input) {
        InvalidSettingException.require(
                scaling == Scaling.STANDARD || !input.isImage(),
                "scaling",
                scaling.id() + " scales a table's columns, and this data holds images: leave it at standard");
    }

    /** @return the binary pair of class indices (a copy), or null */
    @Override
    public int[] pair() {
        return pair == null ? null : pair.clone();
    }

    /** Equal when every setting is: the pair by its classes, not by the array that holds them. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DataPlan d
                && dataset.equals(d.dataset)
                && Arrays.equals(pair, d.pair)
                && folds == d.folds
                && Double.compare(testFraction, d.testFraction) == 0
                && selection.equals(d.selection)
                && scaling == d.scaling;
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataset, Arrays.hashCode(pair), folds, testFraction, selection, scaling);
    }

    /** @return the settings as text, for logs */
    @Override
    public String toString() {
        return "dataset=" + dataset + ", pair=" + Arrays.toString(pair) + ", folds=" + folds + ", testFraction="
                + testFraction + ", selection=" + selection
                + (scaling == Scaling.STANDARD ? "" : ", scaling=" + scaling.id());
    }
}
