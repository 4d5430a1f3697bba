package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.data.Dataset;
import org.saepj.data.SourceData;
import org.saepj.data.io.CsvReader;
import org.saepj.data.source.DataSources;
import org.saepj.data.source.DatasetLocator;
import org.saepj.data.source.SourceRecipe;
import org.saepj.data.source.TestSets;

/**
 * What another JVM gets from a recipe after Java serialisation — the very partitions this JVM prepared, a separate test
 * set included — and a clear refusal when its files are other data.
 */
class PartitionsRecipeTest {
    @TempDir
    Path dir;

    private Path csv(String name, int rows, int shift) throws Exception {
        StringBuilder sb = new StringBuilder("x,y,label\n");
        for (int i = 0; i < rows; i++) {
            sb.append(i % 7 + shift)
                    .append(',')
                    .append((i * 3) % 5)
                    .append(',')
                    .append(i % 3 == 0 ? "cat" : i % 3 == 1 ? "dog" : "owl")
                    .append('\n');
        }
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    @SuppressWarnings("unchecked")
    private static <T> T overTheWire(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    private static void assertSame(Dataset a, Dataset b) {
        assertThat(b.name()).isEqualTo(a.name());
        assertThat(b.features()).isEqualTo(a.features());
        assertThat(b.labels()).isEqualTo(a.labels());
        assertThat(b.classNames()).isEqualTo(a.classNames());
    }

    @Test
    void anotherJvmPreparesTheSamePartitionsOfEveryFoldWithTheSeparateTestSet() throws Exception {
        Path train = csv("train.csv", 90, 0);
        Path test = csv("test.csv", 30, 1);
        DataSources sources = new DataSources(DatasetLocator.standard(null), CsvReader.Options.defaults());
        SourceData here = TestSets.attach(sources, "csv:" + train, "csv:" + test);
        SearchConfig config =
                SearchConfig.builder().dataset("csv:" + train).folds(3).seed(4).build();
        SourceRecipe source = new SourceRecipe(null, CsvReader.Options.defaults(), here.sha256(), "csv:" + test);
        for (int k = 0; k < 3; k++) {
            Partitions mine = Partitions.prepare(config, here).get(k);
            PartitionsRecipe recipe = overTheWire(new PartitionsRecipe(source, config, k));
            Partitions theirs = recipe.prepare(recipe.load());
            assertThat(recipe.foldIndex()).isEqualTo(k);
            assertThat(recipe.config()).isEqualTo(config);
            assertSame(mine.train(), theirs.train());
            assertSame(mine.test(), theirs.test());
            assertThat(theirs.description()).isEqualTo(mine.description());
        }
    }

    @Test
    void otherDataOnTheOtherSideIsRefusedNamingBothFingerprints() throws Exception {
        Path train = csv("train.csv", 90, 0);
        SearchConfig config = SearchConfig.builder().dataset("csv:" + train).build();
        PartitionsRecipe recipe = overTheWire(
                new PartitionsRecipe(new SourceRecipe(null, CsvReader.Options.defaults(), "0".repeat(64)), config, -1));
        assertThatThrownBy(recipe::load)
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("the driver's " + "0".repeat(64))
                .hasMessageContaining("every executor must read the same data");
    }
}
