package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.saepj.data.SourceData;
import org.saepj.data.io.CsvReader;
import org.saepj.data.source.DataSources;
import org.saepj.data.source.DatasetLocator;

/**
 * The search against the accuracy the reference implementation published for the same setting: AdaNet's own
 * tutorial ("customizing_adanet", tensorflow/adanet) runs simple_dnn on the full Fashion-MNIST with two
 * iterations of 2,500 steps, batch 64, RMSProp at 0.003 and width 32, and printed a test accuracy of 0.8566.
 * The same setting here must do at least as well; a slip in the engine, the generator or the selection would
 * show up as a lower number. Runs where Debian's dataset-fashion-mnist is installed (.ci/run installs it).
 */
class ReferenceAccuracyTest {
    /** The test accuracy printed by the tutorial's simple_dnn AdaNet cell. */
    static final double TUTORIAL_ACCURACY = 0.8566;

    @Test
    void adanetTutorialSettingReachesTheTutorialsAccuracy() {
        Assumptions.assumeTrue(Files.isRegularFile(DatasetLocator.DEBIAN_ROOT.resolve("fashion-mnist/train-images-idx3-ubyte.gz")),
                "the Debian package dataset-fashion-mnist is not installed");
        SourceData data = new DataSources(new DatasetLocator(List.of(DatasetLocator.DEBIAN_ROOT)), CsvReader.Options.defaults())
                .load("fashion-mnist");
        SearchConfig config = SearchConfig.builder().iterations(2).totalSteps(5000).batchSize(64).learningRate(0.003).width(32)
                .seed(1).threads(2).build();

        SearchResult r = Experiment.run(config, data, SearchListener.NONE).get(0);

        assertThat(r.iterations()).hasSize(2);
        assertThat(r.metrics().testAccuracy()).isGreaterThanOrEqualTo(TUTORIAL_ACCURACY);
    }
}
