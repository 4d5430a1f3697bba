package org.saepj.ensemble;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.saepj.SaepException;

class FiniteOutputsTest {
    @Test
    void namesTheFirstRowsAndCountsTheRest() {
        float[] logits = new float[2 * 10];
        for (int row : new int[] {1, 3, 4, 5, 6, 8, 9}) {
            logits[2 * row + 1] = row % 2 == 0 ? Float.NaN : Float.NEGATIVE_INFINITY;
        }
        assertThatThrownBy(() -> FiniteOutputs.require(logits, 2, "the ensemble's"))
                .isInstanceOf(SaepException.class)
                .hasMessageStartingWith("the ensemble's output is NaN or infinite for 7 of 10 rows (rows 2, 4, 5, 6, 7,"
                        + " …, counted from 1 in input order)");
    }

    @Test
    void largeButFiniteOutputsPass() {
        float[] large = {Float.MAX_VALUE, -Float.MAX_VALUE, 0, 1};
        assertThatCode(() -> FiniteOutputs.require(large, 2, "member 0's")).doesNotThrowAnyException();
        assertThatThrownBy(() -> FiniteOutputs.require(new float[] {0, 1, Float.POSITIVE_INFINITY, 0}, 2, "member 0's"))
                .hasMessageStartingWith("member 0's output is NaN or infinite for 1 of 2 rows (row 2, counted from 1");
    }
}
