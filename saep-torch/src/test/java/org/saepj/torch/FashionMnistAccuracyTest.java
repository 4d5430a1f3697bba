package org.saepj.torch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.saepj.data.Dataset;
import org.saepj.data.SourceData;
import org.saepj.data.io.CsvReader;
import org.saepj.data.source.DataSources;
import org.saepj.data.source.DatasetLocator;
import org.saepj.engine.Backend;
import org.saepj.engine.Backends;
import org.saepj.execution.LocalExecutor;
import org.saepj.search.Experiment;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchListener;
import org.saepj.search.SearchResult;
import org.saepj.subnetwork.ModelKind;

/**
 * The same search on a Fashion-MNIST subset (2,000 training and 1,000 test images, one iteration of 400 steps at
 * batch 64, the DNN space), once with the Vector API engine and once with PyTorch: from identical initial
 * parameters, batches and optimizer, the test accuracies agree within half a point, and the PyTorch run records its
 * backend's name. Runs where Debian's dataset-fashion-mnist is installed.
 */
class FashionMnistAccuracyTest {
    @Test
    void pyTorchMatchesTheEngineWithinHalfAPoint() {
        Assumptions.assumeTrue(
                Files.isRegularFile(DatasetLocator.DEBIAN_ROOT.resolve("fashion-mnist/train-images-idx3-ubyte.gz")),
                "the Debian package dataset-fashion-mnist is not installed");
        SourceData full = new DataSources(
                        new DatasetLocator(List.of(DatasetLocator.DEBIAN_ROOT)), CsvReader.Options.defaults())
                .load("fashion-mnist");
        Dataset train = full.train().subset(IntStream.range(0, 2000).toArray(), "train");
        Dataset test = full.test().orElseThrow().subset(IntStream.range(0, 1000).toArray(), "test");
        SourceData data = new SourceData(full.name(), full.source(), train, Optional.of(test), full.sha256(), false);
        SearchConfig config = SearchConfig.builder()
                .model(ModelKind.DNN)
                .iterations(1)
                .totalSteps(400)
                .batchSize(64)
                .seed(1)
                .threads(2)
                .build();

        SearchResult vector = search(config, data, Backends.best());
        SearchResult torch = search(config, data, Backends.find(PyTorchBackend.NAME));

        double ours = vector.metrics().testAccuracy();
        double theirs = torch.metrics().testAccuracy();
        assertThat(ours).as("the engine learns").isGreaterThan(0.7);
        assertThat(Math.abs(ours - theirs))
                .as("vector %.4f, pytorch %.4f", ours, theirs)
                .isLessThanOrEqualTo(0.005);
    }

    private static SearchResult search(SearchConfig config, SourceData data, Backend backend) {
        try (LocalExecutor executor = new LocalExecutor(config.threads(), backend)) {
            return Experiment.run(config, data, executor, backend, SearchListener.NONE)
                    .get(0);
        }
    }
}
