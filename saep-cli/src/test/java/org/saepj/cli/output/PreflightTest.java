package org.saepj.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.cli.UsageError;
import org.saepj.data.Shape;
import org.saepj.data.SourceData;
import org.saepj.data.io.IdxDatasetReader;
import org.saepj.data.source.KnownDataset;
import org.saepj.engine.Architecture;
import org.saepj.engine.GraphArchitecture;
import org.saepj.engine.layer.Conv2DKind;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.FlattenKind;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.LayerSpec;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.subnetwork.ModelKind;
import org.saepj.testing.TestFiles;

class PreflightTest {
    @TempDir
    Path dir;

    private Partitions partitions(SearchConfig c) {
        Path d = TestFiles.fashionMnistFixture(dir.resolve("fashion-mnist"));
        SourceData s = IdxDatasetReader.read("fashion-mnist", d, KnownDataset.FASHION_MNIST.classNames(), Map.of());
        return Partitions.prepare(c, s).get(0);
    }

    @Test
    void tooLittleHeapNamesSaepJavaOpts() {
        SearchConfig c = SearchConfig.builder().build();
        Partitions p = partitions(c);
        long need = Preflight.heapBytes(c, p);
        assertThat(need).isGreaterThan(64L << 20);
        assertThatThrownBy(() -> Preflight.check(c, p, dir, need - 1, Long.MAX_VALUE))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("SAEP_JAVA_OPTS=-Xmx")
                .hasMessageContaining("MB of heap");
        Preflight.check(c, p, dir, need, Long.MAX_VALUE);
    }

    @Test
    void tooLittleDiskNamesTheOutputDirectory() {
        SearchConfig c = SearchConfig.builder().model(ModelKind.CNN).build();
        Partitions p = partitions(c);
        long need = Preflight.diskBytes(c, p);
        assertThatThrownBy(() -> Preflight.check(c, p, dir, Long.MAX_VALUE, need - 1))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("--out " + dir)
                .hasMessageContaining("MB free");
    }

    @Test
    void estimatesGrowWithTheSearch() {
        SearchConfig small = SearchConfig.builder().iterations(2).totalSteps(10).build();
        SearchConfig large =
                SearchConfig.builder().iterations(40).totalSteps(400).build();
        Partitions p = partitions(small);
        assertThat(Preflight.heapBytes(large, p)).isGreaterThan(Preflight.heapBytes(small, p));
        assertThat(Preflight.diskBytes(large, p)).isGreaterThan(Preflight.diskBytes(small, p));
    }

    /**
     * Each layer states its own scratch: a convolution its im2col patches and their gradients (K²·cin floats, twice,
     * per output position, so a stride of 2 needs a quarter and valid padding fewer), a 1×1 stride-1 one none.
     */
    @Test
    void theMemoryEstimateCountsEachConvolutionsPatchesAtItsStrideAndPadding() {
        Shape in = new Shape(28, 28, 1);
        List<LayerSpec> specs = List.of(
                new Conv2DKind.Spec(8, 3),
                new Conv2DKind.Spec(4, 5, 2, Conv2DKind.SAME),
                new Conv2DKind.Spec(6, 3, 1, Conv2DKind.VALID),
                new Conv2DKind.Spec(2, 1),
                new FlattenKind.Spec(),
                new DenseKind.Spec(10));
        Architecture a = GraphArchitecture.of(LayerGraph.chain(in, specs));
        long outputs = 28 * 28 * 8 + 14 * 14 * 4 + 12 * 12 * 6 + 12 * 12 * 2 + 12 * 12 * 2 + 10;
        long patches = 2L * 9 * 1 * 28 * 28 + 2L * 25 * 8 * 14 * 14 + 2L * 9 * 4 * 12 * 12;
        assertThat(Preflight.activationsPerSample(a)).isEqualTo(28 * 28 + 2 * outputs + patches);
    }

    @Test
    void aBatchLargerThanTheTrainingDataIsAUsageError() {
        SearchConfig c = SearchConfig.builder().batchSize(100_000).build();
        Partitions p = partitions(c);
        assertThatThrownBy(() -> Preflight.check(c, p, dir, Long.MAX_VALUE, Long.MAX_VALUE))
                .isInstanceOf(UsageError.class)
                .hasMessage("--batch 100000 is larger than the 1000 training samples: choose at most 1000");
    }
}
