package org.saepj.search;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.saepj.DataException;
import org.saepj.data.BinaryPair;
import org.saepj.data.Dataset;
import org.saepj.data.SourceData;
import org.saepj.data.preprocess.Columns;
import org.saepj.data.preprocess.Pipeline;
import org.saepj.data.preprocess.PreprocessingStep;
import org.saepj.data.split.StratifiedKFold;
import org.saepj.data.table.TableSummary;
import org.saepj.subnetwork.Seeds;
import org.saepj.task.ClassLabels;
import org.saepj.task.Holdout;
import org.saepj.task.Targets;

/**
 * The partitions one search runs on: training, selection and test data, prepared from a source as the
 * configuration says (pair, holdout test for sources without one, K folds, selection holdout — none for a bagged
 * search, whose bags hold out their own — and the preprocessing pipeline fitted on the training part: images scaled,
 * tabular features standardised or, with {@link SearchConfig#scaling()} robust or ple, robust-scaled or
 * piecewise-linear encoded; a table with text columns or gaps first has its gaps filled and its categories one-hot
 * encoded).
 *
 * @param train the training partition
 * @param selection the selection data (the same object as train when selecting on train)
 * @param test the test partition
 * @param description e.g. "train/test" or "fold 2 of 5"
 * @param preprocessing the preprocessing fitted on the training part and applied to all three
 */
public record Partitions(Dataset train, Dataset selection, Dataset test, String description, Pipeline preprocessing) {
    /**
     * Prepares every run's partitions: one for a plain split, K for K-fold cross-validation.
     *
     * @param config the configuration
     * @param data the loaded source
     * @return the partitions, fold by fold
     */
    public static List<Partitions> prepare(SearchConfig config, SourceData data) {
        return prepare(config, data, true);
    }

    /**
     * The same split as {@link #prepare} (pair, test holdout, folds), its rows as read: no selection holdout, no
     * preprocessing fitted and the targets as read. A saved ensemble scores its own split with the preprocessing it
     * stored, which a refit on a differently held-out training part would not reproduce.
     *
     * @param config the configuration's data settings
     * @param data the loaded source
     * @return the partitions, fold by fold, unprepared (selection is the training part)
     */
    public static List<Partitions> split(SearchConfig config, SourceData data) {
        return prepare(config, data, false);
    }

    private static List<Partitions> prepare(SearchConfig config, SourceData data, boolean fit) {
        Dataset train = data.train();
        Dataset test = data.test().orElse(null);
        if (config.pair() != null && !(train.targets() instanceof ClassLabels)) {
            throw new DataException("--pair picks two classes, but " + data.name() + " has a "
                    + train.targets().task().id() + " target without classes");
        }
        if (config.pair() != null) {
            int classes = train.classCount();
            for (int c : config.pair()) {
                if (c >= classes) {
                    throw new IllegalArgumentException(
                            "pair class " + c + " does not exist: " + data.name() + " has classes 0.." + (classes - 1));
                }
            }
            BinaryPair pair = new BinaryPair(config.pair()[0], config.pair()[1]);
            train = pair.apply(train);
            test = test == null ? null : pair.apply(test);
        }
        train.targets().task().checkTrainable(train.targets(), data.source());
        // A table with text columns or gaps is read through its columns step; a plain one is standardised as ever.
        Optional<Columns> columns = data.table().filter(t -> !t.plain()).map(TableSummary::columns);
        if (config.folds() >= 2) {
            Dataset all = test == null ? train : train.concat(test, data.name() + "/all");
            if (config.folds() > all.size()) {
                throw new DataException(
                        "--folds " + config.folds() + " is more than the " + all.size() + " samples of " + data.name());
            }
            int[][] folds = all.targets()
                    .task()
                    .folds(all.targets(), config.folds(), Seeds.derive(config.seed(), Seeds.SPLITS, 0));
            return new Folds(config, all, folds, data.name(), columns, fit);
        }
        if (test == null) {
            Holdout parts = train.targets()
                    .task()
                    .holdout(train.targets(), config.testFraction(), Seeds.derive(config.seed(), Seeds.SPLITS, 1));
            Dataset kept = train.subset(parts.kept(), data.name() + "/train");
            Dataset heldOut = train.subset(parts.heldOut(), data.name() + "/test");
            // classification's holdout is stratified by class; a task without classes splits at random
            String split = train.targets().task().holdoutKind();
            TrainableData.checkTest(
                    heldOut,
                    data.source(),
                    "the " + split + " " + Math.round(config.testFraction() * 100)
                            + "% test holdout (--test-fraction)");
            return List.of(finish(
                    config,
                    columns,
                    fit,
                    kept,
                    heldOut,
                    split + " holdout: " + Math.round(config.testFraction() * 100) + "% test"));
        }
        TrainableData.checkTest(test, data.source(), "the test data");
        return List.of(finish(config, columns, fit, train, test, "train/test"));
    }

    /**
     * The K folds of a cross-validation, each built when asked for (the last one is kept), so K folds of a
     * large dataset never sit in memory together.
     */
    private static final class Folds extends AbstractList<Partitions> {
        private final SearchConfig config;
        private final Dataset all;
        private final int[][] folds;
        private final String name;
        private final Optional<Columns> columns;
        private final boolean fit;
        private int cachedIndex = -1;
        private Partitions cached;

        Folds(SearchConfig config, Dataset all, int[][] folds, String name, Optional<Columns> columns, boolean fit) {
            this.config = config;
            this.fit = fit;
            this.columns = columns;
            this.all = all;
            this.folds = folds;
            this.name = name;
        }

        @Override
        public synchronized Partitions get(int k) {
            Objects.checkIndex(k, folds.length);
            if (k != cachedIndex) {
                cached = finish(
                        config,
                        columns,
                        fit,
                        all.subset(StratifiedKFold.trainIndices(folds, k), name + "/fold" + (k + 1) + "-train"),
                        all.subset(folds[k], name + "/fold" + (k + 1) + "-test"),
                        "fold " + (k + 1) + " of " + folds.length);
                cachedIndex = k;
            }
            return cached;
        }

        @Override
        public int size() {
            return folds.length;
        }
    }

    private static Partitions finish(
            SearchConfig config,
            Optional<Columns> columns,
            boolean fit,
            Dataset train,
            Dataset test,
            String description) {
        if (!fit) {
            return new Partitions(train, train, test, description, new Pipeline(List.of()));
        }
        Dataset selection = null;
        // a bagged search holds its validation parts out per bag (BaggedSearch): the partitions keep every training row
        if (!config.selection().isTrain() && !config.validation().bagged()) {
            Holdout parts = train.targets()
                    .task()
                    .holdout(
                            train.targets(),
                            config.selection().holdoutFraction(),
                            Seeds.derive(config.seed(), Seeds.SPLITS, 2));
            selection = train.subset(parts.heldOut(), train.name() + "/selection");
            train = train.subset(parts.kept(), train.name());
            TrainableData.checkTest(selection, train.name(), "the selection holdout (--selection)");
        }
        // fitted on the training part only: no statistic of the selection or test data reaches it
        List<String> plan = Pipeline.plan(train.shape(), columns.isPresent(), config.scaling());
        List<PreprocessingStep> given = columns.isPresent() ? List.of(columns.get()) : List.of();
        Pipeline preprocessing = Pipeline.fit(given, plan, train);
        train = preprocessing.apply(train);
        test = preprocessing.apply(test);
        selection = selection == null ? null : preprocessing.apply(selection);
        // the targets too are prepared from the training part only (regression standardises them)
        Targets training = train.targets();
        org.saepj.task.RegressionLoss loss = config.regressionLoss();
        train = withPreparedTargets(train, training, loss);
        test = withPreparedTargets(test, training, loss);
        selection = selection == null ? null : withPreparedTargets(selection, training, loss);
        return new Partitions(train, selection == null ? train : selection, test, description, preprocessing);
    }

    /**
     * These partitions with one more preprocessing step after the fitted ones, applied to all three: the search's
     * second encoding of the same rows ({@link EncodingSearch}). The step must have been fitted on the training part.
     *
     * @param step a step fitted on {@link #train()}
     * @return the partitions as the step leaves them, the step last in their pipeline
     */
    Partitions withStep(PreprocessingStep step) {
        Dataset stepTrain = step.apply(train);
        Dataset stepSelection = selection == train ? stepTrain : step.apply(selection);
        java.util.List<PreprocessingStep> steps = new java.util.ArrayList<>(preprocessing.steps());
        steps.add(step);
        return new Partitions(stepTrain, stepSelection, step.apply(test), description, new Pipeline(steps));
    }

    private static Dataset withPreparedTargets(Dataset part, Targets training, org.saepj.task.RegressionLoss loss) {
        Targets prepared = training.task().withLoss(training.task().prepared(part.targets(), training), loss);
        return prepared == part.targets() ? part : new Dataset(part.name(), part.features(), prepared, part.shape());
    }

    /**
     * @param config the search's configuration
     * @return the rows each candidate trains on: the training partition, or, for a bagged search (whose partitions
     *     hold no validation part out: each bag holds out its own, {@link BaggedSearch}), what a bag keeps of it
     */
    public int candidateRows(SearchConfig config) {
        if (!config.validation().bagged() || !selectsOnTrain()) {
            return train.size();
        }
        // every bag's stratified holdout has the same size: it depends on the class counts and the fraction only
        return train.targets()
                .task()
                .holdout(train.targets(), config.selection().holdoutFraction(), 0)
                .kept()
                .length;
    }

    /** @return the rows the search trains and makes its choices on: the training partition and its validation part */
    public int trainingRows() {
        return train.size() + (selectsOnTrain() ? 0 : selection.size());
    }

    /**
     * @return true when the selection data is the training partition itself: the paper's search, or a bagged one before
     *     {@link BaggedSearch} holds out each bag's validation part
     */
    public boolean selectsOnTrain() {
        return selection == train;
    }
}
