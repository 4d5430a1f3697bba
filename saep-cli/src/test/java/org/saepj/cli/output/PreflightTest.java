package org.saepj.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.cli.UsageError;
import org.saepj.data.SourceData;
import org.saepj.data.io.IdxDatasetReader;
import org.saepj.data.source.KnownDataset;
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
        assertThatThrownBy(() -> Preflight.check(c, p, dir, need - 1, Long.MAX_VALUE)).isInstanceOf(SaepException.class)
                .hasMessageContaining("SAEP_JAVA_OPTS=-Xmx").hasMessageContaining("MB of heap");
        Preflight.check(c, p, dir, need, Long.MAX_VALUE);
    }

    @Test
    void tooLittleDiskNamesTheOutputDirectory() {
        SearchConfig c = SearchConfig.builder().model(ModelKind.CNN).build();
        Partitions p = partitions(c);
        long need = Preflight.diskBytes(c, p);
        assertThatThrownBy(() -> Preflight.check(c, p, dir, Long.MAX_VALUE, need - 1)).isInstanceOf(SaepException.class)
                .hasMessageContaining("--out " + dir).hasMessageContaining("MB free");
    }

    @Test
    void estimatesGrowWithTheSearch() {
        SearchConfig small = SearchConfig.builder().iterations(2).totalSteps(10).build();
        SearchConfig large = SearchConfig.builder().iterations(40).totalSteps(400).build();
        Partitions p = partitions(small);
        assertThat(Preflight.heapBytes(large, p)).isGreaterThan(Preflight.heapBytes(small, p));
        assertThat(Preflight.diskBytes(large, p)).isGreaterThan(Preflight.diskBytes(small, p));
    }

    @Test
    void aBatchLargerThanTheTrainingDataIsAUsageError() {
        SearchConfig c = SearchConfig.builder().batchSize(100_000).build();
        Partitions p = partitions(c);
        assertThatThrownBy(() -> Preflight.check(c, p, dir, Long.MAX_VALUE, Long.MAX_VALUE)).isInstanceOf(UsageError.class)
                .hasMessage("--batch 100000 is larger than the 1000 training samples: choose at most 1000");
    }
}
