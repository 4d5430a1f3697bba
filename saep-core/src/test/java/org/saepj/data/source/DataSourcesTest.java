package org.saepj.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.data.BinaryPair;
import org.saepj.data.Dataset;
import org.saepj.data.SourceData;
import org.saepj.data.io.CsvReader;
import org.saepj.testing.TestFiles;

class DataSourcesTest {
    @TempDir
    Path root;

    @Test
    void knownNamesAreSearchedInOrder() {
        Path first = root.resolve("first");
        Path second = root.resolve("second");
        TestFiles.fashionMnistFixture(second.resolve("fashion-mnist"));
        DatasetLocator locator = new DatasetLocator(List.of(first, second));
        assertThat(locator.locate(KnownDataset.FASHION_MNIST)).contains(second.resolve("fashion-mnist"));
        assertThat(locator.locate(KnownDataset.MNIST)).isEmpty();
        SourceData data = new DataSources(locator, CsvReader.Options.defaults()).load("fashion-mnist");
        assertThat(data.train().classNames()).contains("Ankle boot");
        assertThat(data.verified()).isFalse(); // the fixture is a cut, not the pinned files
    }

    @Test
    void missingKnownDatasetSaysHowToGetIt() {
        DataSources sources = new DataSources(new DatasetLocator(List.of(root)), CsvReader.Options.defaults());
        assertThatThrownBy(() -> sources.load("mnist"))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("saep datasets fetch mnist");
        assertThatThrownBy(() -> sources.load("nonsense")).hasMessageContaining("not understood");
        assertThatThrownBy(() -> sources.load("zip:foo")).hasMessageContaining("kind 'zip' unknown");
    }

    @Test
    void explicitSources() {
        TestFiles.writeIdxDir(root.resolve("idx"), 8, 4, 2, 2, 2);
        TestFiles.write(root.resolve("d.csv"), "x,y\n1,a\n2,b\n".getBytes());
        DataSources sources = new DataSources(new DatasetLocator(List.of()), CsvReader.Options.defaults());
        assertThat(sources.load("idx:" + root.resolve("idx")).train().size()).isEqualTo(8);
        SourceData csv = sources.load("csv:" + root.resolve("d.csv"));
        assertThat(csv.test()).isEmpty();
        assertThat(csv.source()).isEqualTo("csv:" + root.resolve("d.csv"));
    }

    @Test
    void uriSourcesAreReadFromTheLocalCopyAndRecordedAsGiven() throws Exception {
        TestFiles.write(root.resolve("copy/d.csv"), "x,y\n1,a\n2,b\n".getBytes());
        List<java.net.URI> asked = new java.util.ArrayList<>();
        RemoteFiles remote = uri -> {
            asked.add(uri);
            return root.resolve("copy/d.csv");
        };
        DataSources sources = new DataSources(
                new DatasetLocator(List.of()), CsvReader.Options.defaults(), java.util.Optional.empty(), remote);
        SourceData csv = sources.load("csv:hdfs://namenode:8020/data/d.csv");
        assertThat(asked).containsExactly(java.net.URI.create("hdfs://namenode:8020/data/d.csv"));
        assertThat(csv.source()).isEqualTo("csv:hdfs://namenode:8020/data/d.csv");
        assertThat(csv.train().size()).isEqualTo(2);
        assertThat(sources.load("csv:file://" + root.resolve("copy/d.csv")).source())
                .as("file: URIs are local paths")
                .isEqualTo("csv:" + root.resolve("copy/d.csv"));
        assertThat(asked).hasSize(1);
        assertThat(DataSources.absolute("csv:s3a://bucket/d.csv")).isEqualTo("csv:s3a://bucket/d.csv");
        assertThatThrownBy(() -> sources.load("s3a://bucket/d.csv"))
                .hasMessageContaining("a URI takes its kind in front: csv:s3a://bucket/d.csv");
        DataSources local = new DataSources(new DatasetLocator(List.of()), CsvReader.Options.defaults());
        assertThatThrownBy(() -> local.load("idx:hdfs://namenode/fashion"))
                .isInstanceOf(SaepException.class)
                .hasMessageStartingWith("hdfs://namenode/fashion: data on another file system (hdfs:)")
                .hasMessageContaining("--spark MASTER");
    }

    @Test
    void binaryPairRelabelsAndKeepsNames() {
        Path fixture = TestFiles.fashionMnistFixture(root.resolve("fashion-mnist"));
        Dataset train = new DataSources(new DatasetLocator(List.of(root)), CsvReader.Options.defaults())
                .load("fashion-mnist")
                .train();
        Dataset pair = new BinaryPair(4, 9).apply(train);
        assertThat(pair.classNames()).containsExactly("Coat", "Ankle boot");
        int[] counts = train.classCounts();
        assertThat(pair.classCounts()).containsExactly(counts[4], counts[9]);
        assertThat(fixture).exists();
    }
}
