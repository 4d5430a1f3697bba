package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.saepj.SaepException;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.data.SourceData;

/** Folds are built one at a time, and data a search cannot learn from is refused before any training. */
class PartitionsTest {
    static SourceData source(int[] labels, int classes) {
        List<String> names = java.util.stream.IntStream.range(0, classes)
                .mapToObj(Integer::toString)
                .toList();
        float[] x = new float[labels.length * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 7;
        }
        return new SourceData(
                "t",
                "csv:t.csv",
                new Dataset("t", x, labels, Shape.vector(2), names),
                Optional.empty(),
                "0".repeat(64),
                false);
    }

    static int[] cycle(int n, int classes) {
        return java.util.stream.IntStream.range(0, n).map(i -> i % classes).toArray();
    }

    @Test
    void foldsAreBuiltWhenAskedForNotAllUpFront() {
        List<Partitions> folds =
                Partitions.prepare(SearchConfig.builder().folds(30).build(), source(cycle(300, 3), 3));
        assertThat(folds).hasSize(30);
        Partitions first = folds.get(0);
        assertThat(folds.get(0)).as("the fold in hand is kept").isSameAs(first);
        Partitions second = folds.get(1);
        assertThat(second.description()).isEqualTo("fold 2 of 30");
        assertThat(folds.get(0))
                .as("only one fold is held: the first is built again")
                .isNotSameAs(first);
        assertThat(folds.get(0).test().size()).isEqualTo(first.test().size());
        assertThat(folds.get(0).test().labels()).isEqualTo(first.test().labels());
    }

    @Test
    void untrainableDataIsRefused() {
        SearchConfig c = SearchConfig.builder().build();
        assertThatThrownBy(() -> Partitions.prepare(c, source(new int[40], 1)))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("the training labels hold 1 class");
        assertThatThrownBy(() -> Partitions.prepare(c, source(cycle(40, 2), 4)))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("2 of 4 classes have no training samples ('2', '3')");
        assertThatThrownBy(() -> Partitions.prepare(c, source(cycle(60, 60), 60)))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("60 of 60 classes hold a single sample");
        assertThatThrownBy(() ->
                        Partitions.prepare(SearchConfig.builder().folds(41).build(), source(cycle(40, 2), 2)))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("--folds 41 is more than the 40 samples");
        assertThat(Partitions.prepare(c, source(cycle(40, 2), 2)).get(0).test().size())
                .isEqualTo(8);
    }
}
