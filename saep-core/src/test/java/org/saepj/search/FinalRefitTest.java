package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.data.SourceData;
import org.saepj.ensemble.Member;
import org.saepj.persistence.JsonFormat;
import org.saepj.testing.TestFiles;

/**
 * {@code --refit}: once every choice is made on the validation part, the final members are retrained on the training
 * rows and the validation part together, for the passes over the data their early stopping kept; nothing chosen
 * changes, and the result is the same whatever the thread count.
 */
class FinalRefitTest {
    @TempDir
    static Path dir;

    static SourceData fixture;

    @BeforeAll
    static void load() {
        fixture = TestFiles.fashionMnist(dir.resolve("f"));
    }

    private static SearchConfig config(boolean refit, int threads) {
        return SearchConfig.builder()
                .iterations(3)
                .totalSteps(600)
                .seed(7)
                .threads(threads)
                .learningRate(0.01)
                .selection(new SelectionSet(0.2))
                .validation(ValidationPlan.VALIDATED)
                .refit(refit)
                .build();
    }

    @Test
    void theChosenMembersAreRetrainedOnEveryRowForTheirKeptPassesAndNothingChosenChanges() {
        SearchResult plain =
                Experiment.run(config(false, 2), fixture, SearchListener.NONE).get(0);
        SearchResult refit =
                Experiment.run(config(true, 2), fixture, SearchListener.NONE).get(0);
        Partitions p = Partitions.prepare(config(true, 2), fixture).get(0);
        int train = p.train().size();
        int all = train + p.selection().size();

        // Every choice is the search's: the same iterations, the same members with the same weights.
        assertThat(refit.finalIteration()).isEqualTo(plain.finalIteration());
        assertThat(refit.iterations().stream()
                        .map(IterationRecord::selectionObjective)
                        .toList())
                .isEqualTo(plain.iterations().stream()
                        .map(IterationRecord::selectionObjective)
                        .toList());
        assertThat(ids(refit)).isEqualTo(ids(plain));
        assertThat(refit.ensemble().weights()).isEqualTo(plain.ensemble().weights());
        assertThat(plain.refit()).isNull();

        // Each member retrained for the step its early stopping kept, scaled to the added rows.
        assertThat(refit.refit().rows()).isEqualTo(all);
        assertThat(refit.refit().diverged()).isEmpty();
        List<Integer> expected = refit.ensemble().members().stream()
                .map(m -> FinalRefit.steps(kept(refit, m), train, all))
                .toList();
        assertThat(refit.refit().steps()).isEqualTo(expected);
        assertThat(expected).allSatisfy(s -> assertThat(s).isGreaterThan(0));

        // New parameters, and the test figures are those of the new members.
        for (int j = 0; j < refit.ensemble().size(); j++) {
            Member before = plain.ensemble().members().get(j);
            Member after = refit.ensemble().members().get(j);
            assertThat(after.network().parameters())
                    .isNotEqualTo(before.network().parameters());
            assertThat(after.testLogits()).isEqualTo(after.network().logits(p.test()));
        }
        // The temperature was fitted on the validation part with the members as chosen: the same as without refit.
        assertThat(refit.metrics().calibration().temperature())
                .isEqualTo(plain.metrics().calibration().temperature());
        assertThat(org.saepj.run.RunReport.of(refit).dataUse().finalTraining())
                .contains(all + " rows")
                .contains(refit.refit().steps().toString());
        assertThat(org.saepj.run.RunReport.of(plain).dataUse().finalTraining()).isNull();
    }

    @Test
    void theRetrainedMembersAreTheSameWhateverTheThreadCount() {
        SearchResult one =
                Experiment.run(config(true, 1), fixture, SearchListener.NONE).get(0);
        SearchResult two =
                Experiment.run(config(true, 2), fixture, SearchListener.NONE).get(0);
        assertThat(one.refit()).isEqualTo(two.refit());
        for (int j = 0; j < one.ensemble().size(); j++) {
            assertThat(one.ensemble().members().get(j).network().parameters())
                    .isEqualTo(two.ensemble().members().get(j).network().parameters());
        }
        assertThat(one.metrics().testAccuracy()).isEqualTo(two.metrics().testAccuracy());
    }

    @Test
    void aSearchResumedAfterItsLastIterationRetrainsTheSameMembersAsTheUninterruptedOne() {
        SearchConfig config = config(true, 2);
        Partitions p = Partitions.prepare(config, fixture).get(0);
        try (org.saepj.execution.LocalExecutor executor =
                new org.saepj.execution.LocalExecutor(2, org.saepj.engine.Backends.best())) {
            AdaNetSearch search = new AdaNetSearch(config, executor, org.saepj.engine.Backends.best());
            int[] k = {0};
            SearchResult full = search.run(
                    p,
                    Experiment.info(config, fixture, p),
                    SearchListener.NONE,
                    null,
                    state -> new org.saepj.persistence.SearchCheckpoint(
                                    dir.resolve("after-" + (++k[0])), fixture.sha256())
                            .save(state));
            // the state after the last iteration: the members as chosen, their records, no retraining yet
            SearchState last = org.saepj.persistence.SearchCheckpoint.load(
                    dir.resolve("after-" + k[0]), org.saepj.engine.Backends.best(), fixture.sha256());
            SearchResult resumed =
                    search.run(p, Experiment.info(config, fixture, p), SearchListener.NONE, last, s -> {});
            assertThat(resumed.refit()).isEqualTo(full.refit());
            assertThat(resumed.metrics().testLoss()).isEqualTo(full.metrics().testLoss());
            for (int j = 0; j < full.ensemble().size(); j++) {
                assertThat(resumed.ensemble().members().get(j).network().parameters())
                        .isEqualTo(full.ensemble().members().get(j).network().parameters());
            }
        }
    }

    @Test
    void aSearchWithoutAValidationPartRefusesToRefitBeforeAnyWork() {
        assertThatThrownBy(() -> SearchConfig.builder().refit(true).build())
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("refit")
                .hasMessageContaining("holds no validation part out");
    }

    @Test
    void theChoiceIsStoredOnlyWhenMadeAndEarlierPlansReadWithout() throws Exception {
        String on = JsonFormat.mapper().writeValueAsString(ValidationPlan.VALIDATED.withRefit(true));
        String off = JsonFormat.mapper().writeValueAsString(ValidationPlan.VALIDATED);
        assertThat(JsonFormat.mapper().readTree(on).get("refit").asBoolean()).isTrue();
        assertThat(off).doesNotContain("refit");
        assertThat(JsonFormat.mapper().readValue(on, ValidationPlan.class).refits())
                .isTrue();
        assertThat(JsonFormat.mapper().readValue(off, ValidationPlan.class)).isEqualTo(ValidationPlan.VALIDATED);
        assertThat(config(true, 1).validation().refits()).isTrue();
        assertThat(config(true, 1).toBuilder().build().validation().refits()).isTrue();
    }

    @Test
    void theStepsKeepThePassesOverTheData() {
        assertThat(FinalRefit.steps(90, 900, 1000)).isEqualTo(100);
        assertThat(FinalRefit.steps(91, 900, 1000)).isEqualTo(102); // 101.1 rounded up
        assertThat(FinalRefit.steps(0, 900, 1000)).isEqualTo(1);
    }

    private static List<Integer> ids(SearchResult r) {
        return r.ensemble().members().stream().map(Member::id).toList();
    }

    private static int kept(SearchResult r, Member m) {
        return r.iterations().get(m.iteration()).candidates().stream()
                .filter(CandidateRecord::selected)
                .mapToInt(CandidateRecord::keptStep)
                .findFirst()
                .orElseThrow();
    }
}
