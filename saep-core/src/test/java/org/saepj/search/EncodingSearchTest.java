package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.saepj.data.preprocess.Scaling;

/** Which run {@code --scaling auto} keeps: the lower validation loss, ties and runs without a loss as the rule says. */
class EncodingSearchTest {
    private static EncodingChoice.Tried run(Scaling scaling, double loss) {
        return new EncodingChoice.Tried(scaling, loss, 0.5, 1);
    }

    @Test
    void theLowerValidationLossIsKeptATieKeepsTheStandardisedFeaturesAndNoLossLoses() {
        assertThat(EncodingSearch.kept(List.of(run(Scaling.STANDARD, 0.40), run(Scaling.PLE, 0.35))))
                .isEqualTo(1);
        assertThat(EncodingSearch.kept(List.of(run(Scaling.STANDARD, 0.35), run(Scaling.PLE, 0.40))))
                .isEqualTo(0);
        assertThat(EncodingSearch.kept(List.of(run(Scaling.STANDARD, 0.35), run(Scaling.PLE, 0.35))))
                .as("a tie")
                .isEqualTo(0);
        assertThat(EncodingSearch.kept(List.of(run(Scaling.STANDARD, Double.NaN), run(Scaling.PLE, 0.9))))
                .as("the standardised run diverged")
                .isEqualTo(1);
        assertThat(EncodingSearch.kept(List.of(run(Scaling.STANDARD, 0.9), run(Scaling.PLE, Double.NaN))))
                .isEqualTo(0);
    }
}
