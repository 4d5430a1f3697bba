package org.saepj.cli;

import java.util.List;
import org.saepj.SaepException;
import org.saepj.data.BinaryPair;
import org.saepj.data.Dataset;
import org.saepj.data.SourceData;
import org.saepj.data.Standardizer;
import org.saepj.data.source.DataSources;
import org.saepj.persistence.EnsembleManifest;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;

/**
 * Prepares data for a saved ensemble exactly as its search did: on the search's own source the same
 * partitions are rebuilt from the recorded seed, pair and fold (so evaluation reproduces the report); on
 * another source the recorded pair, class order and standardisation are applied.
 */
final class ModelData {
    private ModelData() {
    }

    /**
     * @param model the saved ensemble
     * @param sources where sources are loaded from
     * @param source the source string
     * @param partition "test", "train" or "all"
     * @return the samples, preprocessed, with the ensemble's classes
     */
    static Dataset prepare(SavedEnsemble model, DataSources sources, String source, String partition) {
        if (!List.of("test", "train", "all").contains(partition)) {
            throw new UsageError("--partition must be test, train or all, got '" + partition + "'");
        }
        SourceData data = sources.load(source);
        EnsembleManifest.DataEntry recorded = model.manifest().data();
        if (recorded != null && source.equals(recorded.source())) {
            SearchConfig.Builder b = SearchConfig.builder().dataset(recorded.source()).folds(recorded.folds())
                    .testFraction(recorded.testFraction()).seed(recorded.seed());
            if (recorded.pair() != null) {
                b.pair(recorded.pair()[0], recorded.pair()[1]);
            }
            List<Partitions> all = Partitions.prepare(b.build(), data);
            Partitions p = all.get(Math.max(0, recorded.fold()));
            return switch (partition) {
                case "train" -> p.train();
                case "all" -> p.train().concat(p.test(), source + "/all");
                default -> p.test();
            };
        }
        Dataset d = switch (partition) {
            case "train" -> data.train();
            case "all" -> data.test().map(t -> data.train().concat(t, source + "/all")).orElse(data.train());
            default -> data.test().orElse(data.train());
        };
        int[] pair = recorded == null ? null : recorded.pair();
        if (pair != null && d.classCount() > model.manifest().classNames().size()) {
            d = new BinaryPair(pair[0], pair[1]).apply(d);
        }
        d = TestData.relabel(d, asClasses(model, d), source);
        Standardizer st = model.standardizer();
        return st == null ? d : st.apply(d);
    }

    /** A zero-sample dataset carrying the ensemble's class names, for relabelling by name. */
    private static Dataset asClasses(SavedEnsemble model, Dataset like) {
        List<String> names = model.manifest().classNames();
        for (String n : like.classNames()) {
            if (!names.contains(n)) {
                throw new SaepException("class '" + n + "' of the data is not a class of the ensemble " + names);
            }
        }
        return new Dataset("ensemble", new float[0], new int[0], like.shape(), names);
    }
}
