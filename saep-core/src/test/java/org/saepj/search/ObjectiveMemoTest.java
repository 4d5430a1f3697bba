package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.saepj.ensemble.Member;

class ObjectiveMemoTest {
    private static Member member(int id) {
        return new Member(id, 0, null, null, new float[0], new float[0], new float[0], new int[0], new int[0]);
    }

    private static final List<Member> TWO = List.of(member(3), member(5));

    @Test
    void answersNothingBeforeAChoice() {
        assertThat(new ObjectiveMemo().lookup(TWO, new double[] {0.5, 0.5})).isEmpty();
    }

    @Test
    void answersTheRememberedObjectiveForTheSameMembersAndWeights() {
        ObjectiveMemo memo = new ObjectiveMemo();
        memo.remember(TWO, new double[] {0.5, 0.5}, 1.25);
        // other Member objects with the same ids: a resumed run's restored members are new objects
        assertThat(memo.lookup(List.of(member(3), member(5)), new double[] {0.5, 0.5}))
                .isEqualTo(OptionalDouble.of(1.25));
    }

    @Test
    void otherWeightsOrMembersOrOrderAreNotAnswered() {
        ObjectiveMemo memo = new ObjectiveMemo();
        memo.remember(TWO, new double[] {0.5, 0.5}, 1.25);
        assertThat(memo.lookup(TWO, new double[] {0.4, 0.6})).isEmpty();
        assertThat(memo.lookup(List.of(member(5), member(3)), new double[] {0.5, 0.5}))
                .isEmpty();
        assertThat(memo.lookup(List.of(member(3)), new double[] {1.0})).isEmpty();
        assertThat(memo.lookup(List.of(member(3), member(5), member(6)), new double[] {0.5, 0.5, 0.5}))
                .isEmpty();
    }

    @Test
    void keepsOnlyTheLatestChoiceAndACopyOfItsWeights() {
        ObjectiveMemo memo = new ObjectiveMemo();
        double[] weights = {0.5, 0.5};
        memo.remember(TWO, weights, 1.25);
        weights[0] = 0.9;
        assertThat(memo.lookup(TWO, new double[] {0.5, 0.5})).isEqualTo(OptionalDouble.of(1.25));
        memo.remember(List.of(member(3)), new double[] {1.0}, 2.0);
        assertThat(memo.lookup(TWO, new double[] {0.5, 0.5})).isEmpty();
        assertThat(memo.lookup(List.of(member(3)), new double[] {1.0})).isEqualTo(OptionalDouble.of(2.0));
    }
}
