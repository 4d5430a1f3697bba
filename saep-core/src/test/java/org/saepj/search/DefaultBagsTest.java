package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.saepj.data.Shape;

/** The bags of a search that names none: five on a small table under validated choices, one otherwise. */
class DefaultBagsTest {
    private static final SearchConfig VALIDATED = Preset.VALIDATED
            .applyTo(SearchConfig.builder().dataset("csv:x.csv"))
            .build();
    private static final org.saepj.task.Task CLASSES = org.saepj.task.Tasks.of("classification");

    @Test
    void aSmallTableIsBaggedAndSaysWhy() {
        DefaultBags bags = DefaultBags.forData(VALIDATED, Shape.vector(9), CLASSES, () -> 171)
                .orElseThrow();
        assertThat(bags.bags()).isEqualTo(5);
        assertThat(bags.describe())
                .isEqualTo("bags: 5 bags, the default for a classification table of at most 1000 training rows (171):"
                        + " five searches, each with a validation part of its own, averaged (--bags 1 runs one)");
        SearchConfig bagged = bags.applyTo(VALIDATED);
        assertThat(bagged.validation().bagCount()).isEqualTo(5);
        // the bags are scaled to the data like the budget: the choices are still the validated preset's
        assertThat(Preset.describe(bagged)).isEqualTo("validated");
    }

    @Test
    void imagesLargerTablesRegressionAndThePapersChoicesKeepOneSearch() {
        assertThat(DefaultBags.forData(VALIDATED, Shape.vector(9), CLASSES, () -> 1000))
                .isPresent();
        assertThat(DefaultBags.forData(VALIDATED, Shape.vector(9), CLASSES, () -> 1001))
                .isEmpty();
        assertThat(DefaultBags.forData(VALIDATED, new Shape(28, 28, 1), CLASSES, () -> 500))
                .isEmpty();
        SearchConfig paper = SearchConfig.builder().dataset("csv:x.csv").build();
        assertThat(DefaultBags.forData(paper, Shape.vector(9), CLASSES, () -> 171))
                .isEmpty();
        SearchConfig refit = VALIDATED.toBuilder().refit(true).build();
        assertThat(DefaultBags.forData(refit, Shape.vector(9), CLASSES, () -> 171))
                .isEmpty();
        assertThat(DefaultBags.forData(VALIDATED, Shape.vector(9), org.saepj.task.Tasks.of("regression"), () -> 171))
                .isEmpty();
        SearchConfig given = VALIDATED.toBuilder().bags(3).build();
        assertThat(DefaultBags.forData(given, Shape.vector(9), CLASSES, () -> 171))
                .isEmpty();
    }
}
