package org.saepj.data.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.saepj.data.BatchStream;

class SplitPropertiesTest {
    @Provide
    Arbitrary<int[]> labels() {
        return Arbitraries.integers().between(0, 5).array(int[].class).ofMinSize(10).ofMaxSize(300);
    }

    @Property(tries = 200)
    void foldsAreDisjointCoveringAndBalancedPerClass(@ForAll("labels") int[] labels, @ForAll @IntRange(min = 2, max = 10) int k,
                                                     @ForAll long seed) {
        int[][] folds = StratifiedKFold.folds(labels, k, seed);
        assertThat(folds.length).isEqualTo(k);
        int[] all = Arrays.stream(folds).flatMapToInt(Arrays::stream).sorted().toArray();
        assertThat(all).isEqualTo(java.util.stream.IntStream.range(0, labels.length).toArray());
        for (int c = 0; c <= 5; c++) {
            int cls = c;
            int[] perFold = Arrays.stream(folds).mapToInt(f -> (int) Arrays.stream(f).filter(i -> labels[i] == cls).count()).toArray();
            assertThat(Arrays.stream(perFold).max().getAsInt() - Arrays.stream(perFold).min().getAsInt()).isLessThanOrEqualTo(1);
        }
        int[] train = StratifiedKFold.trainIndices(folds, 0);
        assertThat(train.length + folds[0].length).isEqualTo(labels.length);
        assertThat(StratifiedKFold.folds(labels, k, seed)).isDeepEqualTo(folds);
    }

    @Property(tries = 200)
    void holdoutIsDisjointCoveringAndStratified(@ForAll("labels") int[] labels, @ForAll @IntRange(min = 5, max = 50) int percent,
                                                @ForAll long seed) {
        double fraction = percent / 100.0;
        StratifiedHoldout.Parts parts = StratifiedHoldout.split(labels, fraction, seed);
        Set<Integer> seen = new HashSet<>();
        Arrays.stream(parts.kept()).forEach(seen::add);
        Arrays.stream(parts.heldOut()).forEach(i -> assertThat(seen.add(i)).isTrue());
        assertThat(seen).hasSize(labels.length);
        for (int c = 0; c <= 5; c++) {
            int cls = c;
            long n = Arrays.stream(labels).filter(y -> y == cls).count();
            long held = Arrays.stream(parts.heldOut()).filter(i -> labels[i] == cls).count();
            if (n >= 2) {
                assertThat(held).isBetween(1L, n - 1);
                assertThat(Math.abs(held - n * fraction)).isLessThanOrEqualTo(1.0);
            }
        }
    }

    @Property(tries = 100)
    void everyEpochOfBatchesIsAPermutation(@ForAll @IntRange(min = 1, max = 200) int size,
                                           @ForAll @IntRange(min = 1, max = 64) int batch, @ForAll long seed) {
        BatchStream stream = new BatchStream(size, batch, seed);
        int[] buffer = new int[batch];
        int total = size * 3;
        int[] drawn = new int[((total + batch - 1) / batch) * batch];
        for (int pos = 0; pos < drawn.length; pos += batch) {
            stream.next(buffer);
            System.arraycopy(buffer, 0, drawn, pos, batch);
        }
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] part = Arrays.copyOfRange(drawn, epoch * size, (epoch + 1) * size);
            Arrays.sort(part);
            assertThat(part).isEqualTo(java.util.stream.IntStream.range(0, size).toArray());
        }
        BatchStream again = new BatchStream(size, batch, seed);
        again.next(buffer);
        assertThat(buffer).isEqualTo(Arrays.copyOf(drawn, batch));
    }
}
