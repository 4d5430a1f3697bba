package org.saepj.persistence;

import java.util.ArrayList;
import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.Network;
import org.saepj.ensemble.Ensemble;
import org.saepj.ensemble.Member;
import org.saepj.search.EncodingChoice;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchResult;
import org.saepj.task.RealValues;
import org.saepj.task.Targets;

/** Turns a search's final ensemble into a {@link SavedEnsemble}. */
public final class SearchExport {
    private SearchExport() {}

    /** The fold index of a search without cross-validation, as manifests store it. */
    public static final int NO_FOLD = -1;
    /** The name of a regression ensemble's one output, in the manifest's {@code classNames} and the ONNX graph. */
    public static final String VALUE_OUTPUT = "value";

    /**
     * A search without cross-validation's ensemble.
     *
     * @param result the search result
     * @param partitions the partitions it ran on (for the input shape and the fitted preprocessing)
     * @return the ensemble with its manifest
     * @throws IllegalArgumentException when the search was one of K folds (its fold must be named)
     */
    public static SavedEnsemble of(SearchResult result, Partitions partitions) {
        return of(result, partitions, NO_FOLD);
    }

    /**
     * @param result the search result
     * @param partitions the partitions it ran on (for the input shape and the fitted preprocessing)
     * @param fold the fold index from 0, or {@link #NO_FOLD} without cross-validation
     * @return the ensemble with its manifest
     * @throws IllegalArgumentException when the fold does not fit the search's folds
     */
    public static SavedEnsemble of(SearchResult result, Partitions partitions, int fold) {
        SearchConfig c = result.config();
        checkFold(c, fold);
        Ensemble e = result.ensemble();
        // a search that kept an encoding of the features (--scaling auto) adds its step after the partitions' own
        EncodingChoice encoding = result.encoding();
        Shape shape = encoding == null
                ? partitions.train().shape()
                : encoding.shape(partitions.train().shape());
        List<MemberRecord> entries = new ArrayList<>();
        List<Network> networks = new ArrayList<>();
        for (int j = 0; j < e.size(); j++) {
            Member m = e.members().get(j);
            entries.add(MemberRecord.weighted(m, e.weights()[j])
                    .withFile("member-" + m.id() + ".params", SavedEnsemble.parameterChecksum(m.network())));
            networks.add(m.network());
        }
        var separate = result.dataset().separateTest();
        EnsembleManifest.DataEntry data = new EnsembleManifest.DataEntry(
                c.dataset(),
                c.pair(),
                result.dataset().partition(),
                fold,
                c.folds(),
                c.testFraction(),
                c.seed(),
                result.dataset().sha256(),
                separate == null ? result.dataset().sha256() : separate.trainSha256(),
                separate == null ? null : separate.testSource(),
                separate == null ? null : separate.testSha256());
        Targets y = partitions.train().targets();
        EnsembleManifest.Target target =
                y instanceof RealValues v ? new EnsembleManifest.Target(y.task().id(), v.mean(), v.scale()) : null;
        List<String> outputs = target == null ? partitions.train().classNames() : List.of(VALUE_OUTPUT);
        EnsembleManifest manifest = new EnsembleManifest(
                SavedEnsemble.FORMAT_VERSION,
                new int[] {shape.height(), shape.width(), shape.channels()},
                outputs,
                encoding == null ? partitions.preprocessing() : encoding.preprocessing(partitions.preprocessing()),
                entries,
                c.mixture(),
                data,
                result.provenance(),
                c,
                result.dataset().featureNames().isEmpty()
                        ? null
                        : result.dataset().featureNames(),
                target,
                result.metrics().calibration() == null
                        ? null
                        : result.metrics().calibration().temperature());
        return new SavedEnsemble(manifest, networks);
    }

    /**
     * Refuses a fold the loader would refuse ({@link SavedEnsemble#load}), before anything is written: a search
     * without folds is fold {@link #NO_FOLD}, one of K folds is 0..K-1.
     *
     * @param config the search's settings
     * @param fold the fold index to record
     * @throws IllegalArgumentException naming the fold and what fits
     */
    public static void checkFold(SearchConfig config, int fold) {
        int folds = config.folds();
        if (folds == 0 && fold != NO_FOLD) {
            throw new IllegalArgumentException("fold " + fold
                    + " does not fit a search without cross-validation: its fold is " + NO_FOLD
                    + " (SearchExport.NO_FOLD)");
        }
        if (folds != 0 && (fold < 0 || fold >= folds)) {
            throw new IllegalArgumentException(
                    "fold " + fold + " does not fit " + folds + " folds: expected 0.." + (folds - 1));
        }
    }
}
