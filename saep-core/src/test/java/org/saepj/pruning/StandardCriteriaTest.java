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
        // EPIC: IC = [3, 3, 1, 3] (worked below) → 0, 1, 3, 2.
        assertThat(kept("epic", P, Y, 2)).containsExactly(0, 1);
        assertThat(kept("epic", P, Y, 3)).containsExactly(0, 1, 3);
        // ES, R = 3: member 0 every round (each round a tie that goes to the lowest index).
        PruneDecision es = decide("es", Map.of("rounds", 3.0), P, Y);
        assertThat((double[]) es.details().values().get("selectionWeights")).containsExactly(1, 0, 0, 0);
        assertThat(es.removed()).containsExactly(1, 2, 3);
    }

    static PruneDecision decide(String id, Map<String, Double> parameters, int[][] p, int[] y) {
        return Criteria.discover()
                .create(CriterionSpec.of(id, parameters))
                .decide(PruningInput.uniform(p, y), new SplittableRandom(1));
    }

    @Test
    void individualContributionsByHand() {
        // Counts per sample of the worked check: x0 (3 zeros, 1 one; f = y = 0): right members get v_sec = 1, member 2
        // (wrong, its class has 1 vote) gets v_y − v_own − v_max = 3 − 1 − 3 = −1; x1 and x3 alike with members 1
        // and 2 wrong, x2 with member 3 wrong; x4 unanimous (v_sec = 0); x5: member 0 wrong (−1), the others +1.
        OrderingCriterion.Votes v = new OrderingCriterion.Votes(PruningInput.uniform(P, Y));
        assertThat(IndividualContribution.contributions(v)).containsExactly(3, 3, 1, 3);
        // One sample the vote gets wrong (y = 0, votes 0, 1, 1): the right member earns 2·v_max − v_own = 4 − 1 = 3,
        // each
        // wrong one v_y − v_own − v_max = 1 − 2 − 2 = −3.
        int[][] minority = {{0}, {1}, {1}};
        assertThat(IndividualContribution.contributions(
                        new OrderingCriterion.Votes(PruningInput.uniform(minority, new int[] {0}))))
                .containsExactly(3, -3, -3);
        assertThat(decide("epic", Map.of("keep", 1.0), minority, new int[] {0}).removed())
                .containsExactly(1, 2);
    }

    @Test
    void diversityRegularizedByHand() {
        // S = [0]; the vote of S is P0; diff with it: P1 1/3 (agrees on 4 of 6), P2 0 (3 of 6), P3 1/3. ρ = 0.5 → Γ =
        // the ⌈1.5⌉ = 2 most diverse, {2, 1}; err{0,1} = 1/6 < err{0,2} = 2/6 → 1 joins. ρ = 0.3 → Γ = {2} alone.
        assertThat((int[]) decide("drep", Map.of("keep", 2.0, "rho", 0.5), P, Y)
                        .details()
                        .values()
                        .get("keptOrder"))
                .containsExactly(0, 1);
        assertThat((int[]) decide("drep", Map.of("keep", 2.0, "rho", 0.3), P, Y)
                        .details()
                        .values()
                        .get("keptOrder"))
                .containsExactly(0, 2);
        // Then S = [0, 1], whose vote is [0,0,1,1,2,0]: P2 (diff 0) is more diverse than P3 (1/3), so at ρ = 0.5 Γ =
        // {2}.
        assertThat((int[]) decide("drep", Map.of("keep", 3.0, "rho", 0.5), P, Y)
                        .details()
                        .values()
                        .get("keptOrder"))
                .containsExactly(0, 1, 2);
        int[][] same = {{0, 1, 1, 0}, {0, 1, 1, 0}, {0, 1, 1, 0}};
        assertThat(decide("drep", Map.of("keep", 2.0), same, new int[] {0, 1, 0, 0})
                        .removed())
                .containsExactly(2);
    }

    @Test
    void ensembleSelectionPicksWithReplacementByHand() {
        // y = [0,0,1]; e = [1/3, 1/3, 1]. Round 1: member 0 (tie with 1). Round 2: weights [1,1,0] tie 1–1 on x0 and
        // x1,
        // both going to class 0 (right): error 0, against 1/3 for [2,0,0] and 2/3 for [1,0,1] → member 1. Round 3:
        // [1,1,1]
        // is a three-way tie on x0 and x1 (class 0, right) and 2–1 for class 1 on x2: error 0 → member 2.
        int[][] p = {{1, 0, 1}, {0, 2, 1}, {2, 1, 0}};
        int[] y = {0, 0, 1};
        PruneDecision two = decide("es", Map.of("rounds", 2.0), p, y);
        assertThat(two.removed()).containsExactly(2);
        assertThat((int[]) two.details().values().get("picks")).containsExactly(0, 1);
        assertThat((double[]) two.details().values().get("voteErrors")).containsExactly(1.0 / 3, 0);
        assertThat((double[]) two.details().values().get("selectionWeights")).containsExactly(0.5, 0.5, 0);
        PruneDecision three = decide("es", Map.of("rounds", 3.0), p, y);
        assertThat(three.removed()).isEmpty();
        assertThat((int[]) three.details().values().get("picks")).containsExactly(0, 1, 2);
        // rounds 0: one round per member, the same three here.
        assertThat(decide("es", Map.of(), p, y).details().values().get("rounds"))
                .isEqualTo(3);
        assertThat(decide("es", Map.of(), new int[][] {{0}, {1}}, new int[] {0}).removed())
                .isEmpty(); // two members: never pruned
    }

    @Test
    void aRandomSubsetKeepsKDrawnUniformlyAndReproducibly() {
        int[][] five = {{0}, {0}, {0}, {0}, {0}};
        int[] counts = new int[5];
        for (long seed = 0; seed < 2000; seed++) {
            PruneDecision d =
                    new RandomSubset(2).decide(PruningInput.uniform(five, new int[] {0}), new SplittableRandom(seed));
            assertThat(d.removed()).hasSize(3);
            for (int k : (int[]) d.details().values().get("keptOrder")) {
                counts[k]++;
            }
            assertThat(new RandomSubset(2)
                            .decide(PruningInput.uniform(five, new int[] {0}), new SplittableRandom(seed))
                            .removed())
                    .isEqualTo(d.removed());
        }
        for (int c : counts) {
            assertThat(c).as("each member kept in about 2/5 of 2000 draws").isBetween(700, 900);
        }
        assertThat(new RandomSubset(0)
                        .decide(PruningInput.uniform(five, new int[] {0}), new SplittableRandom(1))
                        .removed())
                .hasSize(1);
    }

    @Test
    void pieAtATargetSizeIsThePrefixOfItsGreedyOrder() {
        int[][] members = {PrunerTest.X, PrunerTest.Y, PrunerTest.Z, PrunerTest.W};
        for (int start = 0; start < 4; start++) {
            PruningInput in = PruningInput.uniform(members, PrunerTest.L);
            PruneDecision saep = new InformationEntropy(0.5).decide(in, PrunerTest.startingAt(start, 4));
            PruneDecision three = new InformationEntropy(0.5, 3).decide(in, PrunerTest.startingAt(start, 4));
            PruneDecision two = new InformationEntropy(0.5, 2).decide(in, PrunerTest.startingAt(start, 4));
            assertThat(three.removed()).isEqualTo(saep.removed());
            int[] order = (int[]) saep.details().values().get("keptOrder");
            assertThat((int[]) two.details().values().get("keptOrder")).containsExactly(order[0], order[1]);
            assertThat(two.removed()).hasSize(2).doesNotContain(order[0], order[1]);
            assertThat(two.details().values().get("keep")).isEqualTo(2);
            assertThat(saep.details().values()).doesNotContainKey("keep"); // SAEP's PIE records what it always did
        }
        // K at or above n removes nothing.
        assertThat(new InformationEntropy(0.5, 9)
                        .decide(PruningInput.uniform(members, PrunerTest.L), new SplittableRandom(1))
                        .removed())
                .isEmpty();
    }

    @Test
    void kappaByHand() {
        // P0 = [0,0,1,1,2,0], P2 = [1,0,1,0,2,2]: agree on x1, x2, x4 → θ1 = 1/2; p0 = (3,2,1)/6, p2 = (2,2,2)/6 →
        // θ2 = (6 + 4 + 2)/36 = 1/3; κ = (1/2 − 1/3)/(2/3) = 1/4.
        OrderingCriterion.Votes v = new OrderingCriterion.Votes(PruningInput.uniform(P, Y));
        assertThat(KappaPruning.kappa(v, 0, 2)).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-12));
        // Identical constant predictions: θ2 = 1, κ defined as 1.
        int[][] same = {{1, 1, 1}, {1, 1, 1}, {0, 1, 2}};
        assertThat(KappaPruning.kappa(
                        new OrderingCriterion.Votes(PruningInput.uniform(same, new int[] {0, 1, 2})), 0, 1))
                .isEqualTo(1);
    }

    @Test
    void theDefaultKeepsOneFewerAndTiesGoToTheLowestIndex() {
        // Three identical members: every score ties, so the lowest indices stay and the last leaves.
        int[][] same = {{0, 1, 1, 0}, {0, 1, 1, 0}, {0, 1, 1, 0}};
        int[] y = {0, 1, 0, 0};
        for (String id :
                List.of("topk", "re", "cm", "kappa", "mdm", "oo", "epic", "drep")) { // not pie: its start is drawn
            PruningCriterion c = Criteria.discover().create(CriterionSpec.of(id, Map.of("keep", 2.0)));
            PruneDecision d = c.decide(PruningInput.uniform(same, y), new SplittableRandom(1));
            assertThat(d.removed()).as(id).containsExactly(2);
        }
        PruneDecision byDefault = Criteria.discover()
                .create(CriterionSpec.of("re"))
                .decide(PruningInput.uniform(P, Y), new SplittableRandom(1));
        assertThat(byDefault.removed()).hasSize(1);
        // Two members are not pruned (spec §6).
        assertThat(Criteria.discover()
                        .create(CriterionSpec.of("topk"))
                        .decide(PruningInput.uniform(new int[][] {{0}, {1}}, new int[] {0}), new SplittableRandom(1))
                        .removed())
                .isEmpty();
    }

    @Test
    void orientationOrderingDecidesItsOwnSize() {
        double[] theta = OrientationOrdering.angles(new OrderingCriterion.Votes(PruningInput.uniform(P, Y)));
        long below = java.util.Arrays.stream(theta).filter(t -> t < Math.PI / 2).count();
        PruneDecision d = Criteria.discover()
                .create(CriterionSpec.of("oo"))
                .decide(PruningInput.uniform(P, Y), new SplittableRandom(1));
        assertThat(d.removed()).hasSize((int) (P.length - Math.max(1, below)));
        // Every member right everywhere: the reference vanishes, every angle counts as π/2, one member stays.
        int[][] perfect = {{0, 1}, {0, 1}, {0, 1}};
        PruneDecision one = Criteria.discover()
                .create(CriterionSpec.of("oo"))
                .decide(PruningInput.uniform(perfect, new int[] {0, 1}), new SplittableRandom(1));
        assertThat(one.removed()).containsExactly(1, 2);
    }
}
