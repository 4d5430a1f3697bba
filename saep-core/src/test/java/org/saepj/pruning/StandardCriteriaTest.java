package org.saepj.pruning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The standard ensemble-pruning criteria against the worked check of the reference (done by hand: labels
 * [0,0,1,1,2,2], four members), and cases of our own where the tie rules decide.
 */
class StandardCriteriaTest {
    static final int[] Y = {0, 0, 1, 1, 2, 2};
    static final int[][] P = {{0, 0, 1, 1, 2, 0}, {0, 1, 1, 1, 2, 2}, {1, 0, 1, 0, 2, 2}, {0, 0, 0, 1, 2, 2}};

    static int[] kept(String id, int[][] p, int[] y, double keep) {
        PruningCriterion c = Criteria.discover().create(CriterionSpec.of(id, Map.of("keep", keep)));
        PruneDecision d = c.decide(PruningInput.uniform(p, y), new SplittableRandom(1));
        return (int[]) d.details().values().get("keptOrder");
    }

    @Test
    void theWorkedCheckByHand() {
        assertThat(kept("topk", P, Y, 2)).containsExactly(0, 1); // e = [1/6, 1/6, 2/6, 1/6]: lowest indices first
        assertThat(kept("re", P, Y, 2)).containsExactly(0, 1); // err{0,1} = 1/6 (x1, x5 ties go to the lower class)
        assertThat(kept("cm", P, Y, 2)).containsExactly(0, 1); // P1, P2, P3 all right on x5 → lowest index
        assertThat(kept("kappa", P, Y, 2)).containsExactly(0, 2);
        assertThat(kept("mdm", P, Y, 2)).containsExactly(0, 2);
        assertThat(kept("oo", P, Y, 2)).containsExactly(0, 1);
    }

    @Test
    void kappaByHand() {
        // P0 = [0,0,1,1,2,0], P2 = [1,0,1,0,2,2]: agree on x1, x2, x4 → θ1 = 1/2; p0 = (3,2,1)/6, p2 = (2,2,2)/6 →
        // θ2 = (6 + 4 + 2)/36 = 1/3; κ = (1/2 − 1/3)/(2/3) = 1/4.
        OrderingCriterion.Votes v = new OrderingCriterion.Votes(PruningInput.uniform(P, Y));
        assertThat(KappaPruning.kappa(v, 0, 2)).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-12));
        // Identical constant predictions: θ2 = 1, κ defined as 1.
        int[][] same = {{1, 1, 1}, {1, 1, 1}, {0, 1, 2}};
        assertThat(KappaPruning.kappa(new OrderingCriterion.Votes(PruningInput.uniform(same, new int[] {0, 1, 2})), 0, 1)).isEqualTo(1);
    }

    @Test
    void theDefaultKeepsOneFewerAndTiesGoToTheLowestIndex() {
        // Three identical members: every score ties, so the lowest indices stay and the last leaves.
        int[][] same = {{0, 1, 1, 0}, {0, 1, 1, 0}, {0, 1, 1, 0}};
        int[] y = {0, 1, 0, 0};
        for (String id : List.of("topk", "re", "cm", "kappa", "mdm", "oo")) {
            PruningCriterion c = Criteria.discover().create(CriterionSpec.of(id, Map.of("keep", 2.0)));
            PruneDecision d = c.decide(PruningInput.uniform(same, y), new SplittableRandom(1));
            assertThat(d.removed()).as(id).containsExactly(2);
        }
        PruneDecision byDefault = Criteria.discover().create(CriterionSpec.of("re")).decide(PruningInput.uniform(P, Y),
                new SplittableRandom(1));
        assertThat(byDefault.removed()).hasSize(1);
        // Two members are not pruned (spec §6).
        assertThat(Criteria.discover().create(CriterionSpec.of("topk")).decide(PruningInput.uniform(new int[][] {{0}, {1}},
                new int[] {0}), new SplittableRandom(1)).removed()).isEmpty();
    }

    @Test
    void orientationOrderingDecidesItsOwnSize() {
        double[] theta = OrientationOrdering.angles(new OrderingCriterion.Votes(PruningInput.uniform(P, Y)));
        long below = java.util.Arrays.stream(theta).filter(t -> t < Math.PI / 2).count();
        PruneDecision d = Criteria.discover().create(CriterionSpec.of("oo")).decide(PruningInput.uniform(P, Y), new SplittableRandom(1));
        assertThat(d.removed()).hasSize((int) (P.length - Math.max(1, below)));
        // Every member right everywhere: the reference vanishes, every angle counts as π/2, one member stays.
        int[][] perfect = {{0, 1}, {0, 1}, {0, 1}};
        PruneDecision one = Criteria.discover().create(CriterionSpec.of("oo")).decide(PruningInput.uniform(perfect, new int[] {0, 1}),
                new SplittableRandom(1));
        assertThat(one.removed()).containsExactly(1, 2);
    }
}
