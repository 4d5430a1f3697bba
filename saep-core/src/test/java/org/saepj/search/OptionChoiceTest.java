package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.saepj.ensemble.Member;

/** The selection rule of spec §5: the lowest objective wins; ties go to the option with fewer members. */
class OptionChoiceTest {
    private static AdaNetSearch.Option option(String name, int size, double objective) {
        List<Member> members = java.util.Collections.nCopies(size, null);
        return new AdaNetSearch.Option(name, members, new double[size], objective, -1);
    }

    @Test
    void lowestObjectiveWins() {
        assertThat(AdaNetSearch.best(List.of(option("keep", 2, 0.5), option("a", 3, 0.4), option("b", 3, 0.45)))
                        .name())
                .isEqualTo("a");
    }

    @Test
    void tiesGoToFewerMembersThenToTheFirst() {
        assertThat(AdaNetSearch.best(List.of(option("a", 3, 0.4), option("keep", 2, 0.4)))
                        .name())
                .isEqualTo("keep");
        assertThat(AdaNetSearch.best(List.of(option("a", 3, 0.4), option("b", 3, 0.4)))
                        .name())
                .isEqualTo("a");
        assertThat(AdaNetSearch.best(List.of())).isNull();
    }
}
