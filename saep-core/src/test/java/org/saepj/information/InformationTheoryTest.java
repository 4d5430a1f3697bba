package org.saepj.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The public test vectors of spec §7 and cases worked out by hand. */
class InformationTheoryTest {
    static final int[] X = {0, 0, 1, 1, 2, 2, 0, 1};
    static final int[] Y = {0, 0, 1, 1, 2, 2, 1, 0};
    static final int[] L = X;
    static final int[] Z = {0, 0, 0, 0, 0, 0, 0, 0};
    static final int[] W = {0, 1, 1, 1, 2, 2, 0, 1};

    @Test
    void specVectors() {
        assertThat(InformationTheory.entropy(X)).isCloseTo(1.0821955, within(1e-7));
        assertThat(InformationTheory.jointEntropy(X, Y)).isCloseTo(1.5595812, within(1e-7));
        assertThat(InformationTheory.mutualInformation(X, Y)).isCloseTo(0.6048099, within(1e-7));
        assertThat(InformationTheory.normalizedMutualInformation(X, Y)).isCloseTo(0.5588730, within(1e-7));
        assertThat(InformationTheory.variationOfInformation(X, Y)).isCloseTo(0.6121972, within(1e-7));
        assertThat(InformationTheory.normalizedMutualInformation(X, L)).isCloseTo(1, within(1e-12));
        assertThat(InformationTheory.variationOfInformation(X, L)).isCloseTo(0, within(1e-12));
        assertThat(InformationTheory.normalizedMutualInformation(Z, L)).isEqualTo(0);
        assertThat(InformationTheory.variationOfInformation(X, Z)).isCloseTo(1, within(1e-12));
        assertThat(InformationTheory.tdac(X, Y, L, 0.5)).isCloseTo(0.6958169, within(1e-7));
        assertThat(InformationTheory.tdac(X, X, L, 0.5)).isEqualTo(0);
        assertThat(InformationTheory.tdac(X, Z, L, 0.5)).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void handWorkedCases() {
        // Two fair independent bits: H = ln 2 each, I = 0, joint H = 2 ln 2, VI = 1.
        int[] a = {0, 0, 1, 1};
        int[] b = {0, 1, 0, 1};
        assertThat(InformationTheory.entropy(a)).isCloseTo(Math.log(2), within(1e-12));
        assertThat(InformationTheory.mutualInformation(a, b)).isCloseTo(0, within(1e-12));
        assertThat(InformationTheory.jointEntropy(a, b)).isCloseTo(2 * Math.log(2), within(1e-12));
        assertThat(InformationTheory.variationOfInformation(a, b)).isCloseTo(1, within(1e-12));
        // A relabelling carries all information: MI = 1, VI = 0.
        int[] swapped = {1, 1, 0, 0};
        assertThat(InformationTheory.normalizedMutualInformation(a, swapped)).isCloseTo(1, within(1e-12));
        assertThat(InformationTheory.variationOfInformation(a, swapped)).isCloseTo(0, within(1e-12));
        // Both constant: H(X,Y) = 0 gives VI = 1 by definition.
        assertThat(InformationTheory.variationOfInformation(new int[] {2, 2}, new int[] {1, 1}))
                .isEqualTo(1);
    }
}
