package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.data.SourceData;
import org.saepj.testing.TestFiles;

/** AdaNet's stopping rule and the time budget end a search early with a complete result. */
class StoppingTest {
    @TempDir
    static Path dir;

    static SourceData fixture;

    @BeforeAll
    static void load() {
        fixture = TestFiles.fashionMnist(dir.resolve("f"));
    }

    @Test
    void adanetsRuleStopsAtTheFirstIterationThatKeepsTheEnsembleAndChangesNothingBefore() {
        SearchConfig.Builder b =
                SearchConfig.builder().iterations(8).totalSteps(480).seed(7).threads(2);
        SearchResult full =
                Experiment.run(b.build(), fixture, SearchListener.NONE).get(0);
        int firstKeep = -1;
        for (IterationRecord it : full.iterations()) {
            if (it.selected().equals("keep")) {
                firstKeep = it.iteration();
                break;
            }
        }
        assertThat(firstKeep)
                .as("the fixture run keeps its ensemble at some iteration")
                .isBetween(1, 5);
        String[] said = new String[1];
        SearchResult stopped = Experiment.run(
                        b.stopping(new StoppingRule(true, 0)).build(), fixture, new SearchListener() {
                            @Override
                            public void stopped(int iterationsRun, String reason) {
                                said[0] = iterationsRun + ": " + reason;
                            }
                        })
                .get(0);
        assertThat(stopped.iterations()).hasSize(firstKeep + 1);
        assertThat(stopped.stoppedEarly()).isEqualTo("no candidate lowered the objective in iteration " + firstKeep);
        assertThat(said[0]).isEqualTo((firstKeep + 1) + ": " + stopped.stoppedEarly());
        for (int t = 0; t <= firstKeep; t++) {
            assertThat(stopped.iterations().get(t).memberIds())
                    .isEqualTo(full.iterations().get(t).memberIds());
            assertThat(stopped.iterations().get(t).selectionObjective())
                    .isEqualTo(full.iterations().get(t).selectionObjective());
        }
        assertThat(stopped.metrics().testAccuracy())
                .isEqualTo(full.iterations().get(firstKeep).testAccuracy());
        assertThat(full.stoppedEarly()).isNull();
    }

    @Test
    void theTimeBudgetEndsTheSearchAfterTheIterationInProgress() {
        SearchConfig c = SearchConfig.builder()
                .iterations(5)
                .totalSteps(100)
                .seed(3)
                .threads(2)
                .stopping(new StoppingRule(false, 1e-3))
                .build();
        SearchResult r = Experiment.run(c, fixture, SearchListener.NONE).get(0);
        assertThat(r.iterations()).hasSize(1);
        assertThat(r.stoppedEarly()).startsWith("the time budget of 0 s was spent");
        assertThat(r.metrics().ensembleSize()).isEqualTo(1);
    }

    @Test
    void theRuleJudgesWhatARunAlreadyDidSoAResumedRunStopsWhereItWould() {
        IterationRecord keep = new IterationRecord(
                2,
                List.of(),
                null,
                List.of(),
                "keep",
                2,
                List.of(0, 1),
                List.of(1, 1),
                new double[] {0.5, 0.5},
                0.3,
                0.8,
                null,
                0,
                0,
                Double.NaN,
                null,
                null);
        assertThat(new StoppingRule(true, 0).reason(List.of(keep), 1))
                .isEqualTo("no candidate lowered the objective in iteration 2");
        assertThat(new StoppingRule(false, 0).reason(List.of(keep), 1e9)).isNull();
        assertThat(new StoppingRule(false, 60).reason(List.of(keep), 61))
                .startsWith("the time budget of 60 s was spent");
        assertThat(new StoppingRule(true, 60).reason(List.of(), 100)).isNull();
        assertThatThrownBy(() -> new StoppingRule(false, -1)).hasMessageContaining("finite number of seconds");
    }

    /** Searches run in turn under one budget (bags, scaling auto) each get an equal share of what is left. */
    @Test
    void searchesRunInTurnShareTheTimeLeftEqually() {
        StoppingRule budget = new StoppingRule(true, 100);
        assertThat(budget.shareOfTimeLeft(40, 3)).isEqualTo(new StoppingRule(true, 20));
        assertThat(budget.shareOfTimeLeft(0, 1)).isEqualTo(new StoppingRule(true, 100));
        assertThat(budget.shareOfTimeLeft(99.9, 5).maxSeconds())
                .as("at least a second")
                .isEqualTo(1);
        assertThat(StoppingRule.NONE.shareOfTimeLeft(40, 3)).isSameAs(StoppingRule.NONE);
    }
}
