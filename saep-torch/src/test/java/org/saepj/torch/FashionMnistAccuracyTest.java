package org.saepj.torch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.saepj.testing.TestFiles;

/**
 * The same search on the committed Fashion-MNIST fixture (1,000 training and 500 test images; one iteration of 400
 * steps at batch 64, the DNN space), once with the Vector API engine and once with PyTorch: from identical initial
 * parameters, batches and optimizer, the test accuracies agree within half a point.
 */
class FashionMnistAccuracyTest {
    @TempDir
    Path root;

    @Test
    void pyTorchMatchesTheEngineWithinHalfAPoint() {
        TestFiles.fashionMnistFixture(root.resolve("fashion-mnist"));
        SourceData data =
                new DataSources(new DatasetLocator(List.of(root)), CsvReader.Options.defaults()).load("fashion-mnist");
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
