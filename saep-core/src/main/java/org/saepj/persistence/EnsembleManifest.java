package org.saepj.persistence;

import java.util.List;
import java.util.Map;

/**
 * The content of {@code manifest.json}: everything needed to rebuild a saved ensemble and to feed it data
 * exactly as during the search. Serialised with Jackson; see docs/FORMATS.md.
 *
 * @param formatVersion the manifest format version ({@link SavedEnsemble#FORMAT_VERSION})
 * @param inputShape [height, width, channels]
 * @param classNames the class names, indexed by output
 * @param preprocessing how raw features are turned into inputs
 * @param members each member's architecture, weight and parameter file
 * @param data where the ensemble was trained: source, pair, partition and the settings that rebuild the split
 * @param provenance version, commit, Java, engine, start time, dataset fingerprint
 * @param config the search's whole configuration (format 2; null in format 1 and for ensembles not made by a search)
 * @param featureNames the input features' names, in input order (format 2; tabular data with a header), else null
 */
public record EnsembleManifest(int formatVersion, int[] inputShape, List<String> classNames, Preprocessing preprocessing,
                               List<MemberEntry> members, DataEntry data, Map<String, String> provenance,
                               org.saepj.search.SearchConfig config, List<String> featureNames) {
    /**
     * @param type "scale" (images divided by 255 when read) or "standardize" (tabular features)
     * @param mean per-feature training means (standardize only)
     * @param deviation per-feature training deviations (standardize only)
     */
    public record Preprocessing(String type, float[] mean, float[] deviation) {
    }

    /**
     * @param id the member's id in the search
     * @param iteration the iteration that added it
     * @param kind "linear", "dnn" or "cnn"
     * @param depth hidden layers (DNN) or 1 (CNN)
     * @param hidden the hidden widths (DNN)
     * @param filters convolution filters (CNN)
     * @param dense dense units (CNN)
     * @param weight the mixture weight
     * @param parameters the number of parameters
     * @param file the parameter file, relative to the manifest
     * @param sha256 the parameter file's SHA-256
     * @param blocks the convolution blocks (CNN; format 2, where null means one 3×3 block of {@code filters})
     */
    public record MemberEntry(int id, int iteration, String kind, int depth, int[] hidden, int filters, int dense, double weight,
                              int parameters, String file, String sha256, List<org.saepj.engine.Architecture.ConvBlock> blocks) {
    }

    /**
     * @param source the data source of the search
     * @param pair the class pair, or null
     * @param partition e.g. "train/test", "fold 2 of 5"
     * @param fold the fold index from 0, or -1
     * @param folds K, or 0
     * @param testFraction the test holdout of sources without a test partition
     * @param seed the run seed (rebuilds the splits)
     * @param sha256 the fingerprint of all the data the search saw (of both sources when the test data was separate)
     * @param sourceSha256 the fingerprint of {@code source} alone (format 2; null in format 1)
     * @param test the separate test source ({@code --test}), or null (format 2)
     * @param testSha256 its fingerprint, or null (format 2)
     */
    public record DataEntry(String source, int[] pair, String partition, int fold, int folds, double testFraction, long seed,
                            String sha256, String sourceSha256, String test, String testSha256) {
    }
}
