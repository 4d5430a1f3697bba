package org.saepj.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.saepj.pruning.Criteria;
import org.saepj.pruning.CriterionProvider;
import org.saepj.pruning.CriterionSpec;
import org.saepj.pruning.PruningInput;

/** Every word a shipped criterion writes into its decision details has its sentence. */
class DetailGlossaryTest {
    @Test
    void everyShippedCriterionsWordsAreExplained() {
        int[] labels = {0, 0, 1, 1, 2, 2, 0, 1};
        int[][] predictions = {
            {0, 0, 1, 1, 2, 2, 0, 1},
            {0, 1, 1, 1, 2, 0, 0, 1},
            {1, 0, 1, 2, 2, 2, 0, 0},
            {0, 0, 2, 1, 2, 2, 1, 1},
            {2, 0, 1, 1, 0, 2, 0, 1}
        };
        PruningInput input = PruningInput.uniform(predictions, labels);
        Criteria criteria = Criteria.discover();
        TreeSet<String> words = new TreeSet<>();
        for (CriterionProvider p : criteria.providers()) {
            if (!p.getClass().getName().startsWith("org.saepj.pruning.")) {
                continue; // a test's plug-in: its words are its own
            }
            for (int draw = 0; draw < 4; draw++) { // PRS removes on some draws only
                words.addAll(criteria.create(CriterionSpec.of(p.id(), Map.of()))
                        .decide(input, new SplittableRandom(draw))
                        .details()
                        .values()
                        .keySet());
            }
            boolean takesKeep = p.parameters().stream().anyMatch(q -> q.name().equals("keep"));
            if (takesKeep) {
                words.addAll(criteria.create(CriterionSpec.of(p.id(), Map.of("keep", 2.0)))
                        .decide(input, new SplittableRandom(1))
                        .details()
                        .values()
                        .keySet());
            }
        }
        words.addAll(org.saepj.pruning.DecisionDetails.none().values().keySet()); // a decision that considered nothing
        assertThat(words).contains("alpha", "startPosition", "greedyScores", "leaveOneOutErrors", "draw", "angles");
        assertThat(words)
                .allSatisfy(w -> assertThat(DetailGlossary.sentence(w)).as(w).isNotNull());
    }
}
