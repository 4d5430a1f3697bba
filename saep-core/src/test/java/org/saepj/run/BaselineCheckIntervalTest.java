package org.saepj.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.data.SourceData;
import org.saepj.execution.EarlyStopping;
import org.saepj.persistence.JsonFormat;
import org.saepj.pruning.Criteria;
import org.saepj.search.CandidateRecord;
import org.saepj.search.CheckBasis;
import org.saepj.search.DataUse;
import org.saepj.search.Epochs;
import org.saepj.search.Experiment;
import org.saepj.search.IterationRecord;
import org.saepj.search.Mixture;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchListener;
import org.saepj.search.SearchResult;
import org.saepj.search.SelectionSet;
import org.saepj.search.ValidationPlan;
import org.saepj.testing.TestFiles;

/**
 * The compare baselines measure early stopping at the interval of the search's candidates (a twentieth of the
 * candidates' planned steps), not a twentieth of their own T or T/K candidates' budget.
 */
class BaselineCheckIntervalTest {
    @TempDir
    static Path dir;

    static SourceData fixture;

    @BeforeAll
    static void load() {
        fixture = TestFiles.fashionMnist(dir.resolve("f"));
    }

    /** 4 iterations of 150 steps a candidate, every choice on a fifth of the training data. */
    private static SearchConfig validated() {
        return SearchConfig.builder()
                .iterations(4)
                .totalSteps(600)
                .seed(5)
                .threads(2)
                .learningRate(0.01)
                .selection(new SelectionSet(0.2))
                .validation(ValidationPlan.VALIDATED)
                .build();
    }

    private static SearchConfig configure(ComparedMethod method, SearchConfig base) {
        return method.configure(base, Mixture.UNIFORM, 5, 0, Map.of(), Criteria.discover());
    }

    @Test
    void theBaselinesTakeTheSearchsCandidatesAsTheirBasisAndTheSearchKeepsItsOwn() {
        Epochs epochs = new Epochs(2, 10, 400);
        SearchConfig base = validated().toBuilder().epochs(epochs).build();
        assertThat(configure(ComparedMethod.SINGLE, base).validation().checkBasis())
                .isEqualTo(new CheckBasis(150, epochs, 1, 4));
        assertThat(configure(ComparedMethod.deepEnsemble(3), base).validation().checkBasis())
                .isEqualTo(new CheckBasis(150, epochs, 3, 4));
        assertThat(configure(ComparedMethod.search("adanet"), base).validation().checkBasis())
                .isNull();
        // on the data: a twentieth of the steps the search plans for its candidates on the same rows
        SearchConfig single = configure(ComparedMethod.SINGLE, base);
        int candidate = base.stepsPerIteration(12340);
        assertThat(candidate).isEqualTo(386); // ⌈2 × 12340 / 64⌉
        SearchConfig resolved = single.checksAt(12340);
        assertThat(resolved.validation().earlyStopping()).isEqualTo(new EarlyStopping(19, 5));
        assertThat(resolved.validation().checkBasis().steps()).isEqualTo(candidate);
        assertThat(resolved.validation().checksUnresolved()).isFalse();
        assertThat(single.stepsPerIteration(12340)).isEqualTo(1543); // its own: 4 candidates' budget, a 20th 77
        assertThat(configure(ComparedMethod.SINGLE, validated())
                        .checksAt(1234)
                        .validation()
                        .earlyStopping())
                .isEqualTo(new EarlyStopping(7, 5)); // 150 / 20, not 600 / 20
    }

    @Test
    void anIntervalInStepsOrNoEarlyStoppingIsEveryMethodsAlikeAndThePapersBaselinesAreUnchanged() throws Exception {
        ValidationPlan everyFive = new ValidationPlan(
                new EarlyStopping(5, 3), ValidationPlan.ObjectiveData.VALIDATION, ValidationPlan.FinalEnsemble.BEST);
        SearchConfig given = validated().toBuilder().validation(everyFive).build();
        assertThat(configure(ComparedMethod.SINGLE, given).validation()).isEqualTo(everyFive);
        SearchConfig paper = validated().toBuilder()
                .validation(ValidationPlan.PAPER)
                .selection(SelectionSet.TRAIN)
                .build();
        SearchConfig single = configure(ComparedMethod.SINGLE, paper);
        assertThat(single.validation()).isEqualTo(ValidationPlan.PAPER);
        assertThat(single.checksAt(1234)).isEqualTo(single);
        ObjectMapper json = JsonFormat.mapper();
        assertThat(json.valueToTree(single).at("/validation").has("checkBasis")).isFalse();
        assertThat(json.valueToTree(configure(ComparedMethod.DEEP_ENSEMBLE, paper))
                        .at("/validation")
                        .has("checkBasis"))
                .isFalse();
    }

    @Test
    void aBasisIsStoredAndReadBack() throws Exception {
        ObjectMapper json = JsonFormat.mapper();
        SearchConfig single = configure(
                ComparedMethod.SINGLE,
                validated().toBuilder().epochs(new Epochs(2, 10, 400)).build());
        JsonNode stored = json.valueToTree(single);
        assertThat(stored.at("/validation/checkBasis/networks").asInt()).isEqualTo(1);
        assertThat(json.treeToValue(stored, SearchConfig.class)).isEqualTo(single);
        SearchConfig resolved = single.checksAt(12340);
        assertThat(json.treeToValue(json.valueToTree(resolved), SearchConfig.class))
                .isEqualTo(resolved);
    }

    @Test
    void aTimePlansBasisIsOneCandidatesShareOfTheNetworksPlannedSteps() {
        assertThat(new CheckBasis(150, null, 1, 4).candidateShare(600)).isEqualTo(150);
        assertThat(new CheckBasis(150, null, 3, 4).candidateShare(200)).isEqualTo(150);
        assertThat(new CheckBasis(150, null, 1, 11).candidateShare(5)).isEqualTo(1);
    }

    @Test
    void theSingleNetworkMeasuresAtTheCandidatesIntervalAndItsReportSaysSo() {
        SearchConfig base = validated();
        SearchResult search = Experiment.run(
                        configure(ComparedMethod.search("adanet"), base), fixture, SearchListener.NONE)
                .get(0);
        SearchResult single = Experiment.run(configure(ComparedMethod.SINGLE, base), fixture, SearchListener.NONE)
                .get(0);
        assertThat(single.dataset().trainSize()).isEqualTo(search.dataset().trainSize());
        assertThat(single.config().validation().earlyStopping().every()).isEqualTo(7);
        for (IterationRecord it : single.iterations()) {
            for (CandidateRecord c : it.candidates()) {
                // it measured every 7 steps (and after the last): it stops, and keeps, at such a step
                assertThat(c.stepsRun() == 600 || c.stepsRun() % 7 == 0).isTrue();
                assertThat(c.keptStep() == c.stepsRun() || c.keptStep() % 7 == 0)
                        .isTrue();
            }
        }
        int rows = single.dataset().trainSize();
        assertThat(DataUse.of(search.config(), search.finalIteration(), rows).earlyStopping())
                .isEqualTo("the loss on the validation part, measured every twentieth of a candidate's steps (every 7"
                        + " of its 150), patience 5; the parameters and layer state of the lowest measurement are"
                        + " kept");
        assertThat(DataUse.of(single.config(), single.finalIteration(), rows).earlyStopping())
                .isEqualTo("the loss on the validation part, measured every 7 steps, the search's candidates'"
                        + " interval (a twentieth of their 150 steps; this network trains the budget of 4"
                        + " candidates), patience 5; the parameters and layer state of the lowest measurement are"
                        + " kept");
        SearchResult deep = Experiment.run(
                        configure(ComparedMethod.deepEnsemble(3), base), fixture, SearchListener.NONE)
                .get(0);
        assertThat(deep.config().validation().earlyStopping().every()).isEqualTo(7);
        assertThat(DataUse.of(deep.config(), deep.finalIteration(), rows).earlyStopping())
                .contains("every 7 steps, the search's candidates' interval")
                .contains("the budget of 4/3 candidates");
    }
}
