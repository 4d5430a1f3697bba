package org.saepj;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionTest {
    private static final List<String> METHODS = List.of(
            "adanet", "prs", "pap", "pie", "cm", "drep", "epic", "es", "kappa", "mdm", "oo", "re", "rnd", "topk");

    @Test
    void suggestsTheOneCloseName() {
        assertThat(Suggestion.closest("fashion-mnst", List.of("fashion-mnist", "mnist", "cifar10")))
                .contains("fashion-mnist");
        assertThat(Suggestion.closest("cvs", List.of("idx", "cifar10", "csv"))).contains("csv");
        assertThat(Suggestion.closest("specie", List.of("sepal_length", "species")))
                .contains("species");
        assertThat(Suggestion.closest("Kappa", METHODS)).contains("kappa");
        assertThat(Suggestion.hint("adanett", METHODS)).isEqualTo(" (did you mean adanet?)");
    }

    @Test
    void saysNothingWhenNoNameIsCloseOrTwoAreEquallyClose() {
        assertThat(Suggestion.closest("magic", METHODS)).isEmpty();
        assertThat(Suggestion.closest("pip", METHODS))
                .as("pie and pap are both one edit away")
                .isEmpty();
        assertThat(Suggestion.closest("pie", METHODS)).as("the name itself").isEmpty();
        assertThat(Suggestion.hint("", METHODS)).isEmpty();
        assertThat(Suggestion.closest("x", List.of("abc"))).isEmpty();
    }
}
