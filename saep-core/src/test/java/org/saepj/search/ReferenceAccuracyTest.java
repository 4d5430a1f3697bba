package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saepj.data.SourceData;
import org.saepj.data.io.CsvReader;
import org.saepj.data.source.DataSources;
import org.saepj.data.source.DatasetLocator;
import org.saepj.subnetwork.ModelKind;

/**
 * The search against the accuracies the reference implementation published for the same settings: AdaNet's
 * own tutorial ("customizing_adanet", tensorflow/adanet) runs on the full Fashion-MNIST, with two iterations of
 * 2,500 steps at batch 64, (a) simple_dnn (RMSProp 0.003, width 32), printing a test accuracy of 0.8566, and
 * (b) a CNN of the paper's shape (He-normal, momentum 0.9 with cosine decay from 0.05), printing 0.9041. The
 * same settings here must do as well; a slip in the engine, the generators or the selection would show up as
 * a lower number. Runs where Debian's dataset-fashion-mnist is installed (.ci/run installs it).
 */
class ReferenceAccuracyTest {
    /** The test accuracy printed by the tutorial's simple_dnn AdaNet cell. */
    static final double TUTORIAL_DNN_ACCURACY = 0.8566;
    /** The test accuracy printed by the tutorial's SimpleCNN AdaNet cell. */
    static final double TUTORIAL_CNN_ACCURACY = 0.9041;

    static SourceData fashionMnist;

    @BeforeAll
    static void load() {
        Assumptions.assumeTrue(
                Files.isRegularFile(DatasetLocator.DEBIAN_ROOT.resolve("fashion-mnist/train-images-idx3-ubyte.gz")),
                "the Debian package dataset-fashion-mnist is not installed");
        fashionMnist = new DataSources(
                        new DatasetLocator(List.of(DatasetLocator.DEBIAN_ROOT)), CsvReader.Options.defaults())
                .load("fashion-mnist");
    }

    static SearchConfig.Builder tutorial() {
        return SearchConfig.builder()
                .iterations(2)
                .totalSteps(5000)
                .batchSize(64)
                .seed(1)
                .threads(2);
    }

    @Test
    void dnnAtTheTutorialsSettingReachesItsAccuracy() {
        SearchResult r = Experiment.run(
                        tutorial().learningRate(0.003).width(32).build(), fashionMnist, SearchListener.NONE)
                .get(0);

        assertThat(r.iterations()).hasSize(2);
        assertThat(r.metrics().testAccuracy()).isGreaterThanOrEqualTo(TUTORIAL_DNN_ACCURACY); // 0.8639 measured
    }

    @Test
    void cnnAtTheTutorialsSettingReachesItsAccuracy() {
        SearchResult r = Experiment.run(
                        tutorial().model(ModelKind.CNN).learningRate(0.05).build(), fashionMnist, SearchListener.NONE)
                .get(0);

        assertThat(r.metrics().ensembleSize()).isEqualTo(2);
        // Seeds 1–3 give 0.9047, 0.9029, 0.9033: within 0.3 points of one TensorFlow run is the same result.
        assertThat(r.metrics().testAccuracy()).isGreaterThanOrEqualTo(TUTORIAL_CNN_ACCURACY - 0.003);
    }
}
