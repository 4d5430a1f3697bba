package org.saepj.cli.data;

import java.util.List;
import org.saepj.DataException;
import org.saepj.cli.UsageError;
import org.saepj.data.BinaryPair;
import org.saepj.data.ClassOrder;
import org.saepj.data.Dataset;
import org.saepj.data.FeatureColumns;
import org.saepj.data.SourceData;
import org.saepj.data.TargetAnalysis;
import org.saepj.data.preprocess.Columns;
import org.saepj.data.preprocess.Impute;
import org.saepj.data.source.DataSources;
import org.saepj.data.source.TestSets;
import org.saepj.data.table.ColumnType;
import org.saepj.persistence.EnsembleManifest;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.search.TrainableData;
import org.saepj.task.RealValues;

/**
 * Prepares data for a saved ensemble exactly as its search did, recognising the search's own data by its
 * content fingerprint (not by how the source is written): on the search's own source the same partitions
 * are rebuilt from the recorded seed, pair and fold, so evaluation reproduces the report; on its separate
 * test source every row is test data; on another source the recorded pair, class order and
 * preprocessing are applied. Each result says which rows it holds and whether the ensemble trained on them.
 */
public final class ModelData {
    private ModelData() {}

    /**
     * The rows to score and what they are.
     *
     * @param data the samples, preprocessed, with the ensemble's classes
     * @param rows what the rows are, for people ("the search's own test split (120 of 600 rows, not used in training)")
     * @param trainedOn "no", "yes", "partly" or "unknown": whether the ensemble was trained on these rows
     * @param warnings what reading the rows found to say: levels the ensemble never saw (read as other), rows
     *     without a label skipped
     */
    public record Scored(Dataset data, String rows, String trainedOn, List<String> warnings) {
        /**
         * @param data the samples, preprocessed
         * @param rows what the rows are
         * @param trainedOn whether the ensemble was trained on them
         */
        public Scored(Dataset data, String rows, String trainedOn) {
            this(data, rows, trainedOn, List.of());
        }
    }

    /**
     * @param model the saved ensemble
     * @param sources where sources are loaded from
     * @param source the source string
     * @param partition "test", "train" or "all"
     * @return the samples and what they are
     */
    public static Scored prepare(SavedEnsemble model, DataSources sources, String source, String partition) {
        if (!List.of("test", "train", "all").contains(partition)) {
            throw new UsageError("--partition must be test, train or all, got '" + partition + "'");
        }
        SourceData data = inModelOrder(model, reading(model, sources).load(source), source);
        Scored scored = scored(model, data, source, partition);
        List<String> warnings =
                new java.util.ArrayList<>(data.table().map(t -> t.warnings()).orElse(List.of()));
        // labels that invent classes (IDX labels all 200) are scored as they are, with a word on what looks wrong
        TrainableData.emptyClasses(data).ifPresent(warnings::add);
        return new Scored(inModelUnits(model, scored.data()), scored.rows(), scored.trainedOn(), warnings);
    }

    private static Scored scored(SavedEnsemble model, SourceData data, String source, String partition) {
        EnsembleManifest.DataEntry recorded = model.manifest().data();
        if (recorded != null && isSearchSource(recorded, data)) {
            if (recorded.test() == null) {
                return ownSplit(model, recorded, data, source, partition);
            }
            // The search trained on every row of this source; its test data came from another one.
            if (partition.equals("test")) {
                throw new UsageError("--data " + source + " is the search's training data (its test data was "
                        + recorded.test() + "): evaluate on --data " + recorded.test()
                        + ", or pass --partition train to score the training rows");
            }
            Dataset d = other(model, data, source, "train");
            return new Scored(d, "all " + d.size() + " rows of the search's training data", "yes");
        }
        if (recorded != null && data.sha256().equals(recorded.testSha256())) {
            Dataset d = other(model, data, source, "all");
            return new Scored(d, "the search's test data (" + d.size() + " rows, not used in training)", "no");
        }
        Dataset d = other(model, data, source, partition);
        String which = data.test().isPresent()
                ? "the " + (partition.equals("all") ? "train and test" : partition) + " partition of "
                : "";
        return new Scored(
                d, d.size() + " rows of " + which + source + " (not the search's data by its fingerprint)", "unknown");
    }

    /**
     * A regression ensemble's outputs are values standardised by its training part's mean and deviation: the targets
     * scored against them are put in the same units (every rebuilt or other part otherwise has its own).
     */
    private static Dataset inModelUnits(SavedEnsemble model, Dataset d) {
        EnsembleManifest.Target target = model.manifest().target();
        if (target == null || !(d.targets() instanceof RealValues values)) {
            return d;
        }
        return new Dataset(
                d.name(), d.features(), new RealValues(values.values(), target.mean(), target.scale()), d.shape());
    }

    /**
     * A table is read as the ensemble reads it: through its columns step (types, levels, gap markers, the training
     * label's name), or, for an ensemble of numeric features with names, as numeric columns of those names, so the
     * label column is found by name as {@code predict} finds it; its label column is read for the ensemble's task.
     */
    private static DataSources reading(SavedEnsemble model, DataSources given) {
        DataSources sources = TargetAnalysis.Task.of(model.task().id())
                .map(task -> given.withCsv(given.csvOptions().withTask(task)))
                .orElse(given);
        java.util.Optional<Columns> columns =
                model.manifest().preprocessing().find(Columns.TYPE).map(Columns.class::cast);
        List<String> names = model.manifest().featureNames();
        if (columns.isEmpty() && names != null) {
            columns = java.util.Optional.of(new Columns(
                    names,
                    true,
                    java.util.Collections.nCopies(names.size(), ColumnType.NUMERIC),
                    java.util.Collections.nCopies(names.size(), List.of()),
                    null,
                    sources.csvOptions().table().missingValues()));
        }
        return columns.map(c -> sources.withCsv(sources.csvOptions().withSchema(c)))
                .orElse(sources);
    }

    /**
     * The data's feature columns put in the ensemble's order by name before anything else (its own split rebuilt
     * included), so a column that is not the ensemble's is named here, not met as an extra value later.
     */
    private static SourceData inModelOrder(SavedEnsemble model, SourceData data, String source) {
        List<String> names = model.manifest().featureNames();
        if (names == null
                || data.featureNames().isEmpty()
                || data.featureNames().equals(names)) {
            return data;
        }
        Dataset train = FeatureColumns.align(data.train(), data.featureNames(), names, source, "the ensemble");
        java.util.Optional<Dataset> test =
                data.test().map(t -> FeatureColumns.align(t, data.featureNames(), names, source, "the ensemble"));
        return new SourceData(
                data.name(),
                data.source(),
                train,
                test,
                data.sha256(),
                data.verified(),
                data.separateTest(),
                names,
                data.table());
    }

    /** An ensemble that fills no gaps gets none: a gap is named, not scored as NaN. */
    private static void refuseGaps(SavedEnsemble model, Dataset d, String source) {
        if (model.manifest().preprocessing().find(Impute.TYPE).isPresent()) {
            return;
        }
        float[] x = d.features();
        int width = d.featureSize();
        for (int i = 0; i < x.length; i++) {
            if (Float.isNaN(x[i])) {
                List<String> names = model.manifest().featureNames();
                String feature = names == null ? Integer.toString(i % width + 1) : "'" + names.get(i % width) + "'";
                throw new DataException(source + ": row " + (i / width + 1) + ", feature " + feature + " is empty or"
                        + " missing, and the ensemble was trained without gaps: expected a number in every cell");
            }
        }
    }

    /** True when the loaded data is the source the search trained on, by content. */
    private static boolean isSearchSource(EnsembleManifest.DataEntry recorded, SourceData data) {
        String sha = recorded.sourceSha256() != null ? recorded.sourceSha256() : recorded.sha256();
        return data.sha256().equals(sha);
    }

    private static Scored ownSplit(
            SavedEnsemble model,
            EnsembleManifest.DataEntry recorded,
            SourceData data,
            String source,
            String partition) {
        SearchConfig.Builder b = SearchConfig.builder()
                .dataset(recorded.source())
                .folds(recorded.folds())
                .testFraction(recorded.testFraction())
                .seed(recorded.seed());
        if (recorded.pair() != null) {
            b.pair(recorded.pair()[0], recorded.pair()[1]);
        }
        List<Partitions> all;
        try {
            // the rows of the search's split as read; the ensemble's own fitted preprocessing is applied below (a refit
            // would differ where the search held a validation part out of the training part)
            all = Partitions.split(b.build(), data);
        } catch (IllegalArgumentException e) {
            throw new DataException("the manifest's data settings do not fit " + source + ": " + e.getMessage());
        }
        Partitions split = all.get(Math.max(0, recorded.fold()));
        Dataset train = model.preprocess(split.train());
        Partitions p = new Partitions(
                train, train, model.preprocess(split.test()), split.description(), split.preprocessing());
        int total = p.train().size() + p.test().size();
        return switch (partition) {
            case "train" ->
                new Scored(
                        p.train(),
                        "the search's own training split (" + p.train().size() + " of " + total
                                + " rows, used in training)",
                        "yes");
            case "all" ->
                new Scored(
                        p.train().concat(p.test(), source + "/all"),
                        "all " + total + " rows of the search's data ("
                                + p.train().size() + " used in training, "
                                + p.test().size() + " its test split)",
                        "partly");
            default ->
                new Scored(
                        p.test(),
                        "the search's own test split (" + p.test().size() + " of " + total
                                + " rows, not used in training)",
                        "no");
        };
    }

    private static Dataset other(SavedEnsemble model, SourceData data, String source, String partition) {
        Dataset d = switch (partition) {
            case "train" -> data.train();
            case "all" ->
                data.test().map(t -> data.train().concat(t, source + "/all")).orElse(data.train());
            default -> data.test().orElse(data.train());
        };
        EnsembleManifest.DataEntry recorded = model.manifest().data();
        int[] pair = recorded == null ? null : recorded.pair();
        if (!model.task().predictsClasses()) {
            d = alignColumns(model, data.featureNames(), d, source);
            refuseGaps(model, d, source);
            return model.preprocess(d);
        }
        if (pair != null && d.classCount() > model.manifest().classNames().size()) {
            d = new BinaryPair(pair[0], pair[1]).apply(d);
        }
        d = TestSets.relabel(d, asClasses(model, d), source);
        d = alignColumns(model, data.featureNames(), d, source);
        refuseGaps(model, d, source);
        return model.preprocess(d);
    }

    /**
     * The data's feature columns in the ensemble's order: by name when both know their names (reordered columns are put
     * back in order; a missing or unknown one is an error naming it), by count otherwise.
     */
    static Dataset alignColumns(SavedEnsemble model, List<String> dataNames, Dataset d, String source) {
        List<String> names = model.manifest().featureNames();
        int[] s = model.manifest().inputShape();
        int features = s[0] * s[1] * s[2];
        if (names != null && dataNames != null && !dataNames.isEmpty()) {
            return FeatureColumns.align(d, dataNames, names, source, "the ensemble");
        }
        if (d.featureSize() != features) {
            throw new DataException(
                    source + ": " + d.featureSize() + " feature values per sample, but the ensemble takes " + features
                            + (names == null ? "" : " (" + String.join(", ", names) + ")"));
        }
        return d;
    }

    /** A zero-sample dataset carrying the ensemble's class names, for relabelling by name. */
    private static Dataset asClasses(SavedEnsemble model, Dataset like) {
        List<String> names = model.manifest().classNames();
        for (String n : like.classNames()) {
            if (ClassOrder.indexOf(names, n) < 0) {
                throw new DataException("class '" + n + "' of the data is not a class of the ensemble " + names);
            }
        }
        return new Dataset("ensemble", new float[0], new int[0], like.shape(), names);
    }
}
