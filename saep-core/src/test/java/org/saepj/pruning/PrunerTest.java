package org.saepj.pruning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PrunerTest {
    static final int[] X = {0, 0, 1, 1, 2, 2, 0, 1};
    static final int[] Y = {0, 0, 1, 1, 2, 2, 1, 0};
    static final int[] Z = {0, 0, 0, 0, 0, 0, 0, 0};
    static final int[] W = {0, 1, 1, 1, 2, 2, 0, 1};
    static final int[] L = X;

    /** A random source whose first nextInt(n) returns the wanted start member. */
    static SplittableRandom startingAt(int start, int n) {
        for (long seed = 0; ; seed++) {
            if (new SplittableRandom(seed).nextInt(n) == start) {
                return new SplittableRandom(seed);
            }
        }
    }

    static Set<Integer> keptByPie(double alpha, int start) {
        PruneDecision d = new InformationEntropy(alpha)
                .decide(PruningInput.uniform(new int[][] {X, Y, Z, W}, L), startingAt(start, 4));
        DecisionDetails details = d.details();
        assertThat(details.values().get("startPosition")).isEqualTo(start);
        Set<Integer> kept = new TreeSet<>(List.of(0, 1, 2, 3));
        kept.removeAll(d.removed());
        assertThat(d.removed()).hasSize(1);
        Set<Integer> order = new TreeSet<>();
        for (int k : (int[]) details.values().get("keptOrder")) {
            order.add(k);
        }
        assertThat(order).isEqualTo(kept);
        return kept;
    }

    @Test
    void pieReproducesEveryGreedySetOfTheSpec() {
        for (int start : new int[] {0, 1, 2}) {
            assertThat(keptByPie(0.5, start)).containsExactly(0, 1, 2);
        }
        assertThat(keptByPie(0.5, 3)).containsExactly(0, 2, 3);
        for (int start : new int[] {0, 2}) {
            assertThat(keptByPie(1.0, start)).containsExactly(0, 1, 2);
        }
        for (int start : new int[] {1, 3}) {
            assertThat(keptByPie(1.0, start)).containsExactly(1, 2, 3);
        }
        for (int start : new int[] {0, 1, 3}) {
            assertThat(keptByPie(0.0, start)).containsExactly(0, 1, 3);
        }
        assertThat(keptByPie(0.0, 2)).containsExactly(0, 2, 3);
    }

    @Test
    void papRemovesExactlyTheHarmfulMostHarmfulFirst() {
        int[] labels = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        int[] good = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        int[] good2 = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        int[] bad = {1, 1, 1, 1, 1, 1, 0, 0, 0, 0}; // wrong on 6
        int[] worse = {1, 1, 1, 1, 1, 1, 1, 0, 0, 0}; // wrong on 7
        // Votes (uniform): samples 0-5: two for 0, two for 1 → tie to class 0 (right).
        // With a bad one removed: 0 wins 2-1 everywhere: no member is harmful → nothing removed.
        PruneDecision none = new AccuracyPerformance()
                .decide(PruningInput.uniform(new int[][] {good, bad, worse, good2}, labels), null);
        assertThat(none.removed()).isEmpty();
        // Three members where two wrong members outvote one right one on samples 0-5.
        int[][] three = {good, bad, worse};
        PruneDecision d = new AccuracyPerformance().decide(PruningInput.uniform(three, labels), null);
        assertThat(d.details().number("ensembleError")).isEqualTo(0.6);
        // Without 'worse' the vote is good vs bad: ties to class 0 → error 0. Without 'bad': error 0 too.
        assertThat((double[]) d.details().values().get("leaveOneOutErrors"))
                .containsExactly(0.6, 0.0, 0.0); // without good: sample 6 ties to 0
        // Both are harmful by the same amount: lowest index first; never below 2 members, so only one goes.
        assertThat(d.removed()).containsExactly(1);
    }

    @Test
    void papOrdersByHarmAndKeepsTwo() {
        int[] labels = new int[12];
        int[] right = new int[12];
        int[] wrongA = new int[12];
        int[] wrongB = new int[12];
        int[] wrongC = new int[12];
        for (int s = 0; s < 12; s++) {
            wrongA[s] = s < 8 ? 1 : 0;
            wrongB[s] = s < 9 ? 1 : 0;
            wrongC[s] = s < 10 ? 1 : 0;
        }
        double[] weights = {0.4, 0.2, 0.2, 0.2};
        PruningInput input = new PruningInput(new int[][] {right, wrongA, wrongB, wrongC}, labels, weights, 2);
        PruneDecision d = new AccuracyPerformance().decide(input, null);
        double error = d.details().number("ensembleError");
        double[] without = (double[]) d.details().values().get("leaveOneOutErrors");
        assertThat(error).isEqualTo(8.0 / 12);
        for (int j = 1; j <= 3; j++) {
            assertThat(without[j]).isLessThan(error);
        }
        assertThat(d.removed()).hasSize(2);
        assertThat(without[d.removed().get(0)])
                .isLessThanOrEqualTo(without[d.removed().get(1)]);
    }

    @Test
    void prsRemovesNoneOrOneByTheSeededDraw() {
        PruningInput input = PruningInput.uniform(new int[][] {X, Y, Z, W}, L);
        Set<Integer> sizes = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            PruneDecision d = new RandomSelection().decide(input, new SplittableRandom(seed));
            assertThat(d.removed().size()).isEqualTo(d.details().number("draw") < 0.5 ? 1 : 0);
            sizes.add(d.removed().size());
            assertThat(new RandomSelection().decide(input, new SplittableRandom(seed)))
                    .usingRecursiveComparison()
                    .isEqualTo(d);
        }
        assertThat(sizes).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void smallEnsemblesAreNeverPruned() {
        PruningInput two = PruningInput.uniform(new int[][] {X, Z}, L);
        for (PruningCriterion p :
                List.of(new RandomSelection(), new AccuracyPerformance(), new InformationEntropy(0.5), new KeepAll())) {
            for (long seed = 0; seed < 20; seed++) {
                assertThat(p.decide(two, new SplittableRandom(seed)).removed()).isEmpty();
            }
        }
    }
}
