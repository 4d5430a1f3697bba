package org.saepj.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.data.SourceData;
import org.saepj.ensemble.Member;
import org.saepj.pruning.Criteria;
import org.saepj.search.CandidateRecord;
import org.saepj.search.Epochs;
import org.saepj.search.Experiment;
import org.saepj.search.Growth;
import org.saepj.search.IterationRecord;
import org.saepj.search.Mixture;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchListener;
import org.saepj.search.SearchResult;
import org.saepj.testing.TestFiles;

/** The deep-ensemble baseline: K independent members of one architecture sharing the search's budget. */
class DeepEnsembleTest {
    @TempDir
    static Path dir;

    static SourceData fixture;

    @BeforeAll
    static void load() {
        fixture = TestFiles.fashionMnist(dir.resolve("f"));
    }

    private static SearchConfig base(int threads) {
        // 4 iterations of 150 steps: a budget of 600 steps a candidate line, which 3 members share as 200 each
        return SearchConfig.builder()
                .iterations(4)
                .totalSteps(600)
                .seed(3)
                .threads(threads)
                .learningRate(0.01)
                .build();
    }

    private static SearchConfig deepEnsemble(SearchConfig base, int members) {
        return ComparedMethod.deepEnsemble(members)
                .configure(base, Mixture.LEARNED, 3, 0, Map.of(), Criteria.discover());
    }

    @Test
    void itsIdsNameTheMembersAndRoundTrip() {
        assertThat(ComparedMethod.parse("deep-ensemble")).isEqualTo(ComparedMethod.DEEP_ENSEMBLE);
        assertThat(ComparedMethod.DEEP_ENSEMBLE.baselineMembers()).isEqualTo(ComparedMethod.DEFAULT_MEMBERS);
        assertThat(ComparedMethod.parse("Deep-Ensemble-3").id()).isEqualTo("deep-ensemble-3");
        assertThat(ComparedMethod.parse("deep-ensemble-5")).isEqualTo(ComparedMethod.DEEP_ENSEMBLE);
        assertThat(ComparedMethod.parse("deep-ensemble-3").isBaseline()).isTrue();
        assertThat(ComparedMethod.parse("deep-ensemble-3").mixtures(List.of(Mixture.LEARNED)))
                .containsExactly(Mixture.UNIFORM);
        assertThat(ComparedMethod.parse("deep-ensemble-3").mixtureLabel(Mixture.UNIFORM))
                .isEqualTo("uniform");
        assertThat(ComparedMethod.SINGLE.mixtureLabel(Mixture.UNIFORM)).isEqualTo("-");
        assertThatThrownBy(() -> ComparedMethod.parse("deep-ensemble-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 members");
    }

    @Test
    void itSharesTheSearchsBudgetAmongKMembersWithUniformWeights() {
        SearchConfig c = deepEnsemble(base(1), 3);
        assertThat(c.iterations()).isEqualTo(3);
        assertThat(c.stepsPerIteration() * c.iterations()).isEqualTo(600);
        assertThat(c.growth()).isEqualTo(Growth.INDEPENDENT);
        assertThat(c.mixture()).isEqualTo(Mixture.UNIFORM);
        assertThat(c.criterion().id()).isEqualTo("adanet");
        // a budget in epochs: the search's T members' epochs shared by K
        SearchConfig epochs =
                deepEnsemble(base(1).toBuilder().epochs(new Epochs(6, 30, 3000)).build(), 3);
        assertThat(epochs.epochs()).isEqualTo(new Epochs(8, 40, 4000));
    }

    @Test
    void itsMembersShareOneArchitectureDifferAndUseTheWholeBudgetTheSameWithOneOrTwoThreads() {
        SearchResult one = Experiment.run(deepEnsemble(base(1), 3), fixture, SearchListener.NONE)
                .get(0);
        SearchResult two = Experiment.run(deepEnsemble(base(2), 3), fixture, SearchListener.NONE)
                .get(0);
        List<Member> members = one.ensemble().members();
        assertThat(members).hasSize(3);
        assertThat(members.stream().map(m -> m.candidate().architecture()).distinct())
                .hasSize(1);
        assertThat(members.stream().map(m -> m.candidate().seed()).distinct()).hasSize(3);
        assertThat(members.get(0).network().parameters())
                .isNotEqualTo(members.get(1).network().parameters());
        assertThat(members.get(1).network().parameters())
                .isNotEqualTo(members.get(2).network().parameters());
        assertThat(one.ensemble().weights()).containsOnly(1.0 / 3);
        // every later iteration trains one member; the kept members' steps are the whole budget
        int memberSteps = 0;
        for (IterationRecord it : one.iterations()) {
            CandidateRecord chosen = it.candidates().stream()
                    .filter(CandidateRecord::selected)
                    .findFirst()
                    .orElseThrow();
            memberSteps += chosen.stepsRun();
            if (it.iteration() > 0) {
                assertThat(it.candidates()).hasSize(1);
            }
        }
        assertThat(memberSteps).isEqualTo(600);
        assertThat(two.metrics().testAccuracy()).isEqualTo(one.metrics().testAccuracy());
        for (int k = 0; k < 3; k++) {
            assertThat(two.ensemble().members().get(k).network().parameters())
                    .isEqualTo(members.get(k).network().parameters());
        }
    }

    @Test
    void aResumedDeepEnsembleEndsAsAnUninterruptedOne() {
        SearchConfig c = deepEnsemble(base(2), 4);
        org.saepj.search.Partitions p =
                org.saepj.search.Partitions.prepare(c, fixture).get(0);
        List<org.saepj.search.SearchState> states = new java.util.ArrayList<>();
        try (org.saepj.execution.LocalExecutor executor =
                new org.saepj.execution.LocalExecutor(2, org.saepj.engine.Backends.best())) {
            SearchResult full = new org.saepj.search.AdaNetSearch(c, executor, org.saepj.engine.Backends.best())
                    .run(p, Experiment.info(c, fixture, p), SearchListener.NONE, null, states::add);
            // after iteration 1 the later members had been trained ahead: a resumed search trains them again
            SearchResult resumed = new org.saepj.search.AdaNetSearch(c, executor, org.saepj.engine.Backends.best())
                    .run(
                            p,
                            Experiment.info(c, fixture, p),
                            SearchListener.NONE,
                            states.get(1),
                            org.saepj.search.CheckpointSink.NONE);
            assertThat(resumed.ensemble().size()).isEqualTo(4);
            for (int k = 0; k < 4; k++) {
                assertThat(resumed.ensemble().members().get(k).network().parameters())
                        .isEqualTo(full.ensemble().members().get(k).network().parameters());
            }
            assertThat(resumed.metrics().testAccuracy())
                    .isEqualTo(full.metrics().testAccuracy());
        }
    }

    @Test
    void itsGrowthIsStoredAndReadBackWhileThePapersConfigurationStoresNoneOfTheNewSettings() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = org.saepj.persistence.JsonFormat.mapper();
        SearchConfig deep = deepEnsemble(base(1), 3);
        com.fasterxml.jackson.databind.JsonNode stored = json.valueToTree(deep);
        assertThat(stored.at("/objective/growth").asText()).isEqualTo("independent");
        assertThat(json.treeToValue(stored, SearchConfig.class)).isEqualTo(deep);
        com.fasterxml.jackson.databind.JsonNode paper = json.valueToTree(base(1));
        assertThat(paper.at("/objective").has("growth")).isFalse();
        assertThat(paper.at("/validation").has("temperature")).isFalse();
        assertThat(json.treeToValue(paper, SearchConfig.class)).isEqualTo(base(1));
    }
}
