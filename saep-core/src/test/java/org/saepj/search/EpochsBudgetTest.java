package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.data.SourceData;
import org.saepj.testing.TestFiles;

/** A candidate's budget in epochs: steps = ⌈epochs × training rows / batch⌉, within the budget's bounds. */
class EpochsBudgetTest {
    @TempDir
    Path dir;

    @Test
    void stepsFollowTheDataSizeWithinTheBounds() {
        assertThat(Epochs.exactly(2).steps(1000, 64)).isEqualTo(32); // ⌈31.25⌉
        assertThat(Epochs.exactly(0.5).steps(100, 64)).isEqualTo(1);
        // the data-scaled default: the paper's 454 steps for small tables, 50 epochs in between, 5000 at most
        assertThat(Epochs.DATA_SCALED.steps(410, 64)).isEqualTo(454);
        assertThat(Epochs.DATA_SCALED.steps(1293, 64)).isEqualTo(1011);
        assertThat(Epochs.DATA_SCALED.steps(14_400, 64)).isEqualTo(5000);
        assertThat(Epochs.DATA_SCALED.times(11).steps(1293, 64)).isEqualTo(11_112);
        assertThatThrownBy(() -> new Epochs(0, 1, 2))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("epochs must be a number above 0");
        assertThatThrownBy(() -> new Epochs(1, 5, 2)).hasMessageContaining("fewest steps ≤ most steps");
        Budget fixed = new Budget(11, 5000, 64, StoppingRule.NONE);
        assertThat(fixed.stepsPerIteration(1_000_000)).isEqualTo(454);
        assertThat(new Budget(11, 5000, 64, StoppingRule.NONE, Epochs.exactly(3)).stepsPerIteration(640))
                .isEqualTo(30);
    }

    @Test
    void everyCandidateTrainsItsEpochsOfTheTrainingPartition() {
        SourceData fixture = TestFiles.fashionMnist(dir.resolve("f"));
        SearchConfig config = SearchConfig.builder()
                .iterations(2)
                .seed(2)
                .threads(2)
                .batchSize(32)
                .epochs(Epochs.exactly(3))
                .build();
        Partitions p = Partitions.prepare(config, fixture).get(0);
        int expected = (int) Math.ceil(3.0 * p.train().size() / 32);
        SearchResult r = Experiment.run(config, fixture, SearchListener.NONE).get(0);
        for (IterationRecord it : r.iterations()) {
            for (CandidateRecord c : it.candidates()) {
                assertThat(c.stepsRun()).isEqualTo(expected);
            }
        }
        assertThat(expected).isNotEqualTo(config.stepsPerIteration());
    }
}
