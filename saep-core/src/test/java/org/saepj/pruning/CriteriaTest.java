package org.saepj.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry of criteria: the paper's found on the class path, plug-ins added, specs checked and completed. */
class CriteriaTest {
    @Test
    void thePapersCriteriaAreFoundFirstAndInOrder() {
        Criteria c = Criteria.discover();
        assertThat(c.providers().stream().map(CriterionProvider::id).toList())
                .startsWith("adanet", "prs", "pap", "pie");
        assertThat(c.resolve(CriterionSpec.of("PIE ")))
                .isEqualTo(CriterionSpec.of("pie", Map.of("alpha", 0.5, "keep", 0.0)));
        assertThat(c.create(CriterionSpec.of("pie", Map.of("alpha", 0.25))).parameters())
                .containsEntry("alpha", 0.25);
        assertThat(c.create(CriterionSpec.of("adanet")).prunes()).isFalse();
    }

    @Test
    void specsAreCheckedWithClearMessages() {
        Criteria c = Criteria.discover();
        assertThatThrownBy(() -> c.resolve(CriterionSpec.of("pie", Map.of("alpha", 2.0))))
                .hasMessage("alpha must be in [0, 1], got 2");
        assertThatThrownBy(() -> c.resolve(CriterionSpec.of("prs", Map.of("alpha", 0.1))))
                .hasMessage("criterion prs has no parameter 'alpha' (it takes none)");
        assertThatThrownBy(() -> c.resolve(CriterionSpec.of("pie", Map.of("beta", 0.1))))
                .hasMessage("criterion pie has no parameter 'beta': it takes alpha, keep");
        assertThatThrownBy(() -> c.provider("nope"))
                .hasMessageStartingWith("unknown method 'nope': expected adanet, prs, pap, pie");
    }

    @Test
    void aPluginIsRegisteredThroughThePublicApiAndDecides() {
        Criteria c = Criteria.discover().with(new DropWorst.Provider());
        assertThat(c.ids()).endsWith(", drop-worst");
        assertThatThrownBy(() -> c.with(new CriterionProvider() {
                    @Override
                    public String id() {
                        return "drop-worst";
                    }

                    @Override
                    public String summary() {
                        return "";
                    }

                    @Override
                    public PruningCriterion create(Map<String, Double> values) {
                        return null;
                    }
                }))
                .hasMessageContaining("two criteria are named 'drop-worst'");
        PruningCriterion worst = c.create(CriterionSpec.of("drop-worst"));
        int[] labels = {0, 0, 1, 1};
        // Votes per sample: 0, 0, 1 and (1, 0, 0 → 0) on the last: the ensemble errs on one sample of four.
        PruneDecision d = worst.decide(
                PruningInput.uniform(new int[][] {{0, 0, 1, 1}, {1, 1, 0, 0}, {0, 0, 1, 0}}, labels), null);
        assertThat(d.removed()).containsExactly(1);
        assertThat((double[]) d.details().values().get("memberErrors")).containsExactly(0.0, 1.0, 0.25);
        assertThat(d.details().toString())
                .isEqualTo("memberErrors [0.0, 1.0, 0.25], ensembleError 0.25, worstPosition 1");
    }

    @Test
    void detailsRoundTripThroughTheirStoredFormAndReadTheEarlierTypedForm() throws Exception {
        var json = org.saepj.persistence.JsonFormat.mapper();
        DecisionDetails pie = DecisionDetails.builder()
                .put("alpha", 0.5)
                .put("startPosition", 2)
                .put("keptOrder", new int[] {2, 0})
                .put("greedyScores", new double[] {Double.NaN, 0.25})
                .build();
        assertThat(json.readValue(json.writeValueAsBytes(pie), DecisionDetails.class))
                .isEqualTo(pie);
        DecisionDetails legacy = json.readValue(
                "{\"type\":\"entropy\",\"start\":2,\"alpha\":0.5,\"keptOrder\":[2,0]," + "\"scores\":[\"NaN\",0.25]}",
                DecisionDetails.class);
        assertThat(legacy).isEqualTo(pie);
        assertThat(json.readValue("{\"type\":\"random\",\"draw\":0.75,\"picked\":-1}", DecisionDetails.class)
                        .values())
                .containsEntry("draw", 0.75)
                .containsEntry("removedPosition", -1);
        assertThat(json.readValue("{\"type\":\"none\"}", DecisionDetails.class)).isEqualTo(DecisionDetails.none());
        assertThat(List.copyOf(DecisionDetails.none().values().keySet())).containsExactly("considered");
    }
}
