package org.saepj.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The error function against reference values (to 16 digits; agreement within 1e-14) on both sides of the
 * series/fraction switch.
 */
class ErfTest {
    @Test
    void matchesReferenceValues() {
        double[][] cases = {
            {0, 0},
            {0.1, 0.1124629160182849},
            {0.5, 0.5204998778130465},
            {1, 0.8427007929497149},
            {1.5, 0.9661051464753108},
            {2, 0.9953222650189527},
            {2.4999, 0.9995928300996666},
            {2.5, 0.9995930479825550},
            {3, 0.9999779095030014},
            {4, 0.9999999845827421},
            {5.9, 0.9999999999999999},
            {6, 1},
            {30, 1}
        };
        for (double[] c : cases) {
            assertThat(Erf.erf(c[0])).as("erf(" + c[0] + ")").isCloseTo(c[1], within(1e-14));
            assertThat(Erf.erf(-c[0])).as("erf(-" + c[0] + ")").isCloseTo(-c[1], within(1e-14));
        }
    }
}
