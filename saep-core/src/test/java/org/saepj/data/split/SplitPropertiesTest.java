package org.saepj.data.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.saepj.data.BatchStream;

/** Properties of the splits and batch order, each checked on seeded random cases (the seed names a failing case). */
class SplitPropertiesTest {
    static LongStream seeds200() {
        return new SplittableRandom(20261201L).longs(200);
    }

    static LongStream seeds100() {
        return new SplittableRandom(20261202L).longs(100);
    }

    /** 10 to 300 labels in 0..5. */
    static int[] labels(SplittableRandom rng) {
        int[] labels = new int[10 + rng.nextInt(291)];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rng.nextInt(6);
        }
        return labels;
    }

    @ParameterizedTest
    @MethodSource("seeds200")
    void foldsAreDisjointCoveringAndBalancedPerClass(long caseSeed) {
        SplittableRandom rng = new SplittableRandom(caseSeed);
        int[] labels = labels(rng);
        int k = 2 + rng.nextInt(9);
        long seed = rng.nextLong();
        int[][] folds = StratifiedKFold.folds(labels, k, seed);
        assertThat(folds.length).isEqualTo(k);
        int[] all = Arrays.stream(folds).flatMapToInt(Arrays::stream).sorted().toArray();
        assertThat(all)
                .isEqualTo(java.util.stream.IntStream.range(0, labels.length).toArray());
        for (int c = 0; c <= 5; c++) {
            int cls = c;
            int[] perFold = Arrays.stream(folds)
                    .mapToInt(f ->
                            (int) Arrays.stream(f).filter(i -> labels[i] == cls).count())
                    .toArray();
            assertThat(Arrays.stream(perFold).max().getAsInt()
                            - Arrays.stream(perFold).min().getAsInt())
                    .isLessThanOrEqualTo(1);
        }
        int[] train = StratifiedKFold.trainIndices(folds, 0);
        assertThat(train.length + folds[0].length).isEqualTo(labels.length);
        assertThat(StratifiedKFold.folds(labels, k, seed)).isDeepEqualTo(folds);
    }

    @ParameterizedTest
    @MethodSource("seeds200")
    void holdoutIsDisjointCoveringAndStratified(long caseSeed) {
        SplittableRandom rng = new SplittableRandom(caseSeed);
        int[] labels = labels(rng);
        int percent = 5 + rng.nextInt(46);
        long seed = rng.nextLong();
        double fraction = percent / 100.0;
        StratifiedHoldout.Parts parts = StratifiedHoldout.split(labels, fraction, seed);
        Set<Integer> seen = new HashSet<>();
        Arrays.stream(parts.kept()).forEach(seen::add);
        Arrays.stream(parts.heldOut()).forEach(i -> assertThat(seen.add(i)).isTrue());
        assertThat(seen).hasSize(labels.length);
        for (int c = 0; c <= 5; c++) {
            int cls = c;
            long n = Arrays.stream(labels).filter(y -> y == cls).count();
            long held =
                    Arrays.stream(parts.heldOut()).filter(i -> labels[i] == cls).count();
            if (n >= 2) {
                assertThat(held).isBetween(1L, n - 1);
                assertThat(Math.abs(held - n * fraction)).isLessThanOrEqualTo(1.0);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds100")
    void everyEpochOfBatchesIsAPermutation(long caseSeed) {
        SplittableRandom rng = new SplittableRandom(caseSeed);
        int size = 1 + rng.nextInt(200);
        int batch = 1 + rng.nextInt(64);
        long seed = rng.nextLong();
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
