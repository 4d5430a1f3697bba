package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saepj.data.SourceData;
import org.saepj.data.io.IdxDatasetReader;
import org.saepj.data.source.KnownDataset;
import org.saepj.ensemble.Member;
import org.saepj.subnetwork.ModelKind;
import org.saepj.testing.TestFiles;

/** End-to-end searches on the Fashion-MNIST fixture (1,000 train, 500 test) at small budgets. */
class AdaNetSearchTest {
    @TempDir
    static Path dir;

    static SourceData fixture;

    @BeforeAll
    static void load() {
        Path d = TestFiles.fashionMnistFixture(dir.resolve("fashion-mnist"));
        fixture = IdxDatasetReader.read("fashion-mnist", d, KnownDataset.FASHION_MNIST.classNames(), Map.of());
    }

    static SearchConfig.Builder small() {
        return SearchConfig.builder().iterations(6).totalSteps(360).seed(7).threads(2);
    }

    static SearchResult run(SearchConfig config) {
        return Experiment.run(config, fixture, SearchListener.NONE).get(0);
    }

    @ParameterizedTest
    @CsvSource({
        "adanet,uniform",
        "prs,uniform",
        "pap,uniform",
        "pie,uniform",
        "adanet,learned",
        "pie,learned",
        "pap,learned"
    })
    void everyMethodAndMixtureRunsEndToEnd(String method, String mixture) {
        SearchConfig config =
                small().method(method).mixture(Mixture.parse(mixture)).build();
        SearchResult r = run(config);
        assertThat(r.iterations()).hasSize(6);
        assertThat(r.metrics().testAccuracy()).isGreaterThan(0.6);
        assertThat(r.metrics().ensembleSize())
                .isBetween(1, 6)
                .isEqualTo(r.ensemble().size());
        assertThat(r.metrics().parameters())
                .isEqualTo(r.ensemble().parameters())
                .isPositive();
        assertThat(r.dataset().sha256()).isEqualTo(fixture.sha256());
        assertThat(r.provenance().threads()).isEqualTo(2);
        if (config.mixture() == Mixture.UNIFORM) {
            for (double w : r.ensemble().weights()) {
                assertThat(w).isEqualTo(1.0 / r.ensemble().size());
            }
        }
        if (config.criterion().id().equals("adanet")) {
            assertThat(r.iterations()).allSatisfy(it -> assertThat(it.pruned()).isEmpty());
        }
        // The recorded final accuracy is the last iteration's.
        assertThat(r.iterations().get(5).testAccuracy()).isEqualTo(r.metrics().testAccuracy());
    }

    @Test
    void prunedMembersNeverReappear() {
        for (String method : List.of("pie", "pap", "prs")) {
            SearchResult r =
                    run(small().iterations(9).totalSteps(360).method(method).build());
            Set<Integer> pruned = new HashSet<>();
            for (IterationRecord it : r.iterations()) {
                pruned.addAll(it.pruned());
                for (int id : pruned) {
                    assertThat(it.memberIds()).doesNotContain(id);
                }
            }
            for (int id : pruned) {
                assertThat(r.ensemble().members().stream().map(Member::id).toList())
                        .doesNotContain(id);
            }
            if (method.equals("pie")) {
                assertThat(pruned).isNotEmpty(); // PIE always prunes one member of three or more
                assertThat(r.iterations())
                        .allSatisfy(it -> assertThat(it.ensembleSize()).isLessThanOrEqualTo(3));
            }
        }
    }

    @Test
    void sameSeedSameResultWhateverTheThreadCount() {
        // With two threads the CNN and linear searches train each iteration's candidate an iteration early, next
        // to the current one; with one thread they do not.
        List<SearchConfig> configs = new ArrayList<>();
        for (Mixture mixture : Mixture.values()) {
            configs.add(small().method("pie").mixture(mixture).threads(1).build());
        }
        configs.add(small().model(ModelKind.LINEAR).method("pap").threads(1).build());
        configs.add(small().model(ModelKind.CNN)
                .iterations(5)
                .totalSteps(100)
                .method("pie")
                .threads(1)
                .build());
        for (SearchConfig one : configs) {
            SearchResult a = run(one);
            SearchResult b = run(one.toBuilder().threads(2).build());
            assertThat(b.metrics().testAccuracy()).isEqualTo(a.metrics().testAccuracy());
            assertThat(b.metrics().testLoss()).isEqualTo(a.metrics().testLoss());
            assertThat(b.ensemble().weights()).isEqualTo(a.ensemble().weights());
            for (int j = 0; j < a.ensemble().size(); j++) {
                assertThat(b.ensemble().members().get(j).network().parameters())
                        .isEqualTo(a.ensemble().members().get(j).network().parameters());
            }
            for (int t = 0; t < a.iterations().size(); t++) {
                assertThat(b.iterations().get(t).selectionObjective())
                        .isEqualTo(a.iterations().get(t).selectionObjective());
                assertThat(b.iterations().get(t).memberIds())
                        .isEqualTo(a.iterations().get(t).memberIds());
            }
        }
        SearchResult other = run(small().method("pie").seed(8).build());
        assertThat(other.ensemble().members().get(0).network().parameters())
                .isNotEqualTo(run(small().method("pie").build())
                        .ensemble()
                        .members()
                        .get(0)
                        .network()
                        .parameters());
    }

    @Test
    void generatorGrowsDepthFromTheLastAddedMember() {
        SearchResult r = run(small().build());
        IterationRecord first = r.iterations().get(0);
        assertThat(first.candidates()).extracting(CandidateRecord::name).containsExactly("linear", "dnn-depth-1");
        for (int t = 1; t < r.iterations().size(); t++) {
            List<Integer> depths = r.iterations().get(t - 1).memberDepths();
            int k = depths.get(depths.size() - 1);
            assertThat(r.iterations().get(t).candidates())
                    .extracting(CandidateRecord::depth)
                    .containsExactly(k, k + 1);
        }
        assertThat(first.candidates()).filteredOn(CandidateRecord::selected).hasSize(1);
    }

    @Test
    void ensembleOfOne() {
        // One iteration: the first option set has no "keep"; the result is an ensemble of one.
        SearchResult one = run(small().iterations(1).totalSteps(60).build());
        assertThat(one.ensemble().size()).isEqualTo(1);
        assertThat(one.metrics().diversity().pairs()).isZero();
        assertThat(one.metrics().viMatrix()).hasDimensions(1, 1);
    }

    @Test
    void complexityPenaltySteersTowardsShallowerMembers() {
        // With a large λ the objective is dominated by the members' mean complexity √depth, so the linear
        // candidate (r = 0) wins the first iteration and deeper candidates never pay for themselves.
        SearchResult r = run(small().lambda(100).build());
        assertThat(r.iterations().get(0).selected()).isEqualTo("linear");
        assertThat(r.ensemble().members()).allSatisfy(m -> assertThat(m.depth()).isZero());
    }

    @Test
    void holdoutSelectionAndCnnAndLinear() {
        SearchResult holdout = run(small().iterations(3)
                .totalSteps(90)
                .selection(SelectionSet.parse("holdout:0.2"))
                .build());
        assertThat(holdout.dataset().selectionSize()).isBetween(195, 205);
        assertThat(holdout.dataset().trainSize() + holdout.dataset().selectionSize())
                .isEqualTo(1000);
        SearchResult cnn =
                run(small().model(ModelKind.CNN).iterations(2).totalSteps(40).build());
        assertThat(cnn.iterations().get(0).candidates())
                .extracting(CandidateRecord::name)
                .containsExactly("cnn");
        SearchResult linear =
                run(small().model(ModelKind.LINEAR).iterations(2).totalSteps(60).build());
        assertThat(linear.ensemble().members())
                .allSatisfy(m -> assertThat(m.depth()).isZero());
    }

    @Test
    void pairsAndFolds() {
        List<SearchResult> folds = Experiment.run(
                small().iterations(2).totalSteps(60).pair(0, 6).folds(3).build(), fixture, SearchListener.NONE);
        assertThat(folds).hasSize(3);
        int total = 0;
        for (SearchResult r : folds) {
            assertThat(r.dataset().classes()).containsExactly("T-shirt/top", "Shirt");
            total += r.dataset().testSize();
        }
        int[] train = fixture.train().classCounts();
        int[] test = fixture.test().orElseThrow().classCounts();
        assertThat(total).isEqualTo(train[0] + train[6] + test[0] + test[6]);
    }

    @Test
    void divergingLearningRateDropsCandidatesWithAWarning() {
        List<String> warnings = new ArrayList<>();
        SearchListener listener = new SearchListener() {
            @Override
            public void warning(int iteration, String message) {
                warnings.add(message);
            }
        };
        SearchConfig config =
                small().iterations(2).totalSteps(100).learningRate(1e38).build();
        assertThatThrownBy(() -> Experiment.run(config, fixture, listener))
                .hasMessageContaining("every candidate diverged");
        assertThat(warnings).anyMatch(w -> w.contains("dropped: loss became"));
    }

    @Test
    void badSettingsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> small().criterion(
                                org.saepj.pruning.CriterionSpec.of("pie", java.util.Map.of("alpha", 1.5)))
                        .build())
                .hasMessage("alpha must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> small().method("pia").build())
                .hasMessage("unknown method 'pia': expected adanet, prs, pap, pie, cm, drep, epic, es, kappa,"
                        + " mdm, oo, re, rnd, topk (did you mean pie?)");
        assertThatThrownBy(() -> small().pair(3, 3).build()).hasMessageContaining("pair classes must differ");
        assertThatThrownBy(() -> small().iterations(0).build()).hasMessageContaining("iterations must be at least 1");
        assertThatThrownBy(() -> Experiment.run(small().pair(0, 12).build(), fixture, SearchListener.NONE))
                .hasMessageContaining("pair class 12 does not exist");
    }
}
