package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.data.SourceData;
import org.saepj.ensemble.Logits;
import org.saepj.ensemble.Member;
import org.saepj.persistence.JsonFormat;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.persistence.SearchExport;
import org.saepj.testing.TestFiles;

/**
 * {@code --bags K}: K searches, each holding out a validation part of its own, whose final ensembles are averaged; the
 * union is one ensemble that saves and predicts as any other, its temperature fitted on the out-of-bag outputs, and the
 * result is the same whatever the thread count.
 */
class BaggedSearchTest {
    @TempDir
    static Path dir;

    static SourceData fixture;

    @BeforeAll
    static void load() {
        fixture = TestFiles.fashionMnist(dir.resolve("f"));
    }

    private static SearchConfig config(int bags, int threads) {
        return SearchConfig.builder()
                .iterations(2)
                .totalSteps(300)
                .seed(7)
                .threads(threads)
                .learningRate(0.01)
                .selection(new SelectionSet(0.2))
                .validation(ValidationPlan.VALIDATED)
                .bags(bags)
                .build();
    }

    @Test
    void theUnionHoldsEveryBagsFinalMembersAtAKthOfTheirWeightsAndEachBagHoldsOutItsOwnPart() {
        SearchConfig config = config(3, 2);
        Partitions p = Partitions.prepare(config, fixture).get(0);
        // no validation part is held out before the bags: each bag holds out its own
        assertThat(p.selectsOnTrain()).isTrue();
        SearchResult r;
        try (org.saepj.execution.LocalExecutor executor =
                new org.saepj.execution.LocalExecutor(2, org.saepj.engine.Backends.best())) {
            r = new AdaNetSearch(config, executor, org.saepj.engine.Backends.best())
                    .run(p, Experiment.info(config, fixture, p), SearchListener.NONE);
        }

        assertThat(r.bags()).hasSize(3);
        assertThat(r.finalIteration()).isEqualTo(-1);
        // each bag holds out a fifth of the training rows (--validation 0.2), and not the same fifth
        assertThat(r.bags()).allSatisfy(b -> {
            assertThat(b.trainRows() + b.validationRows()).isEqualTo(p.train().size());
            assertThat(b.validationRows()).isCloseTo(p.train().size() / 5, org.assertj.core.data.Offset.offset(10));
        });
        assertThat(r.bags().stream().map(BagRecord::validationHeadline).distinct())
                .hasSizeGreaterThan(1);
        // each bag's records are tagged with it, and each bag ran its own iterations from 0
        for (int b = 1; b <= 3; b++) {
            int bag = b;
            List<IterationRecord> its =
                    r.iterations().stream().filter(it -> it.bag() == bag).toList();
            assertThat(its).extracting(IterationRecord::iteration).containsExactly(0, 1);
        }
        // the members are the bags' members, numbered apart, their weights a third of the bags' (uniform: summing to 1)
        List<Integer> ids = r.ensemble().members().stream().map(Member::id).toList();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(ids)
                .containsExactlyElementsOf(
                        r.bags().stream().flatMap(b -> b.memberIds().stream()).toList());
        assertThat(Arrays.stream(r.ensemble().weights()).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        // the test figures are the union's: the mean of the bags' ensembles
        float[] combined =
                Logits.combine(r.ensemble().testLogits(), r.ensemble().weights());
        assertThat(r.metrics().testAccuracy())
                .isEqualTo(p.test().targets().task().headline(combined, p.test().targets()));
        // the temperature was fitted on the out-of-bag outputs, and the report says what made which choice
        DataUse use = org.saepj.run.RunReport.of(r).dataUse();
        assertThat(use.finalEnsemble()).contains("union of the 3 bags' ensembles");
        assertThat(use.temperature()).contains("out-of-bag");
        assertThat(r.metrics().calibration().note()).contains("out-of-bag");

        // A comparison reads a finished run's figures back from its report: the same as from memory, the union's
        // depths.
        org.saepj.run.RunReport.of(r).write(dir.resolve("bagged-report.json"));
        org.saepj.run.RunSummary fromFile = org.saepj.run.RunSummary.read(dir.resolve("bagged-report.json"));
        assertThat(fromFile.finalDepths())
                .isEqualTo(org.saepj.run.RunSummary.of(r).finalDepths());
        assertThat(fromFile.finalDepths())
                .isEqualTo(
                        r.ensemble().members().stream().mapToInt(Member::depth).toArray());

        // The saved union predicts what the search measured.
        SearchExport.of(r, p).save(dir.resolve("bagged"));
        SavedEnsemble saved = SavedEnsemble.load(dir.resolve("bagged"));
        assertThat(saved.manifest().members()).hasSize(r.ensemble().size());
        float[] logits = saved.logits(p.test());
        int[] labels = p.test().labels();
        int right = 0;
        int classes = p.train().classCount();
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logits[i * classes + c] > logits[i * classes + best]) {
                    best = c;
                }
            }
            right += best == labels[i] ? 1 : 0;
        }
        assertThat((double) right / labels.length).isEqualTo(r.metrics().testAccuracy());
    }

    @Test
    void theBagsAreTheSameWhateverTheThreadCount() {
        SearchResult one =
                Experiment.run(config(2, 1), fixture, SearchListener.NONE).get(0);
        SearchResult two =
                Experiment.run(config(2, 2), fixture, SearchListener.NONE).get(0);
        assertThat(two.bags())
                .usingRecursiveComparison()
                .ignoringFields("seconds")
                .isEqualTo(one.bags());
        for (int j = 0; j < one.ensemble().size(); j++) {
            assertThat(one.ensemble().members().get(j).network().parameters())
                    .isEqualTo(two.ensemble().members().get(j).network().parameters());
        }
        assertThat(one.metrics().testLoss()).isEqualTo(two.metrics().testLoss());
    }

    @Test
    void settingsThatCannotBeBaggedAreRefusedBeforeAnyWork() {
        assertThatThrownBy(() -> SearchConfig.builder().bags(3).build())
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("bags")
                .hasMessageContaining("holds none out");
        assertThatThrownBy(() -> SearchConfig.builder()
                        .selection(new SelectionSet(0.1))
                        .validation(ValidationPlan.VALIDATED)
                        .bags(3)
                        .refit(true)
                        .build())
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("refit exclude each other");
        assertThatThrownBy(() -> ValidationPlan.VALIDATED.withBags(0))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("at least 2");
    }

    @Test
    void theBagsAreStoredOnlyWhenThereAreSeveralAndEarlierPlansReadAsOneSearch() throws Exception {
        String bagged = JsonFormat.mapper().writeValueAsString(ValidationPlan.VALIDATED.withBags(5));
        String one = JsonFormat.mapper().writeValueAsString(ValidationPlan.VALIDATED.withBags(1));
        assertThat(JsonFormat.mapper().readTree(bagged).get("bags").asInt()).isEqualTo(5);
        assertThat(one).doesNotContain("bags");
        assertThat(JsonFormat.mapper().readValue(bagged, ValidationPlan.class).bagCount())
                .isEqualTo(5);
        assertThat(JsonFormat.mapper().readValue(one, ValidationPlan.class).bagCount())
                .isEqualTo(1);
        assertThat(ValidationPlan.VALIDATED.bagged()).isFalse();
    }
}
