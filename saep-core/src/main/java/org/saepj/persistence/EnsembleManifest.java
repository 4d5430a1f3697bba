package org.saepj.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.saepj.data.preprocess.Pipeline;
import org.saepj.search.Mixture;
import org.saepj.search.Provenance;
import org.saepj.search.SearchConfig;

/**
 * The content of {@code manifest.json}: everything needed to rebuild a saved ensemble and to feed it data
 * exactly as during the search. Serialised with Jackson; see docs/FORMATS.md. Files of format 1 to 3 are
 * read through {@link ManifestUpgrade}.
 *
 * @param formatVersion the manifest format version ({@link SavedEnsemble#FORMAT_VERSION})
 * @param inputShape [height, width, channels]
 * @param classNames the class names, indexed by output
 * @param preprocessing how raw features are turned into inputs: typed steps fitted on the training part (format 4;
 *     formats 1–3 held one step as an object)
 * @param members each member as every file stores it ({@link MemberRecord}): architecture, weight, parameter file
 * @param mixture how the weights were made: uniform (1/N, reset when members are removed) or learned
 * @param data where the ensemble was trained: source, pair, partition and the settings that rebuild the split
 * @param provenance version, commit, Java, engine and start time of the search that made it
 * @param config the search's whole configuration (null in format 1 and for ensembles not made by a search)
 * @param featureNames the input features' names, in input order (tabular data with a header), else null
 * @param target what the outputs predict when it is not a class (format 5, regression): the task and how its value
 *     is recovered from the output; null (absent) for a classifier, as in every manifest of formats 1 to 4. A
 *     regression ensemble's {@code classNames} is its one output's name, {@code value}
 * @param temperature what the combined logits are divided by before the softmax (temperature scaling, fitted on the
 *     search's validation part; format 5); null (absent) for none, as in every manifest before it existed
 */
public record EnsembleManifest(
        int formatVersion,
        int[] inputShape,
        List<String> classNames,
        Pipeline preprocessing,
        List<MemberRecord> members,
        Mixture mixture,
        DataEntry data,
        Provenance provenance,
        SearchConfig config,
        List<String> featureNames,
        @JsonInclude(JsonInclude.Include.NON_NULL) Target target,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double temperature) {
    /**
     * A manifest without a temperature.
     *
     * @param formatVersion the manifest format version
     * @param inputShape [height, width, channels]
     * @param classNames the class names, indexed by output
     * @param preprocessing how raw features are turned into inputs
     * @param members each member
     * @param mixture how the weights were made
     * @param data where the ensemble was trained
     * @param provenance where the search came from
     * @param config the search's configuration, or null
     * @param featureNames the input features' names, or null
     * @param target a real-valued target, or null for a classifier
     */
    public EnsembleManifest(
            int formatVersion,
            int[] inputShape,
            List<String> classNames,
            Pipeline preprocessing,
            List<MemberRecord> members,
            Mixture mixture,
            DataEntry data,
            Provenance provenance,
            SearchConfig config,
            List<String> featureNames,
            Target target) {
        this(
                formatVersion,
                inputShape,
                classNames,
                preprocessing,
                members,
                mixture,
                data,
                provenance,
                config,
                featureNames,
                target,
                null);
    }

    /**
     * Checks the temperature.
     *
     * @param formatVersion the manifest format version
     * @param inputShape [height, width, channels]
     * @param classNames the class names, indexed by output
     * @param preprocessing how raw features are turned into inputs
     * @param members each member
     * @param mixture how the weights were made
     * @param data where the ensemble was trained
     * @param provenance where the search came from
     * @param config the search's configuration, or null
     * @param featureNames the input features' names, or null
     * @param target a real-valued target, or null for a classifier
     * @param temperature the temperature, or null
     */
    public EnsembleManifest {
        if (temperature != null && !(temperature > 0 && Double.isFinite(temperature))) {
            throw new IllegalArgumentException("temperature must be a finite number above 0, got " + temperature);
        }
    }

    /**
     * A real-valued target: the network's output {@code z} is the value {@code mean + scale · z}.
     *
     * @param task the task's id ({@code regression})
     * @param mean the training part's mean of the target
     * @param scale the training part's standard deviation of the target
     */
    public record Target(String task, double mean, double scale) {}

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
    public record DataEntry(
            String source,
            int[] pair,
            String partition,
            int fold,
            int folds,
            double testFraction,
            long seed,
            String sha256,
            String sourceSha256,
            String test,
            String testSha256) {}
}
