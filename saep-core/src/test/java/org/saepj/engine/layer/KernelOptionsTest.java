package org.saepj.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saepj.engine.kernel.KernelOptions;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.KernelsProvider;

/**
 * The option that turns the planes form off ({@link KernelOptions#WITHOUT_PLANES}): a layer on kernels built with it
 * never calls {@link Kernels#convolvePlanes} and has no workspace for the kernel gradient, one on the default kernels
 * convolves planes, and both give the same bits forward and backward.
 */
class KernelOptionsTest {
    /**
     * h, w, cin, cout, k: the residual CNN's block, the two-block CNN's second layer, one 5×5 of 32 filters, and 24
     * filters (a whole vector and eight past it at 512 bits) after 16 and after 24 channels.
     */
    @ParameterizedTest
    @CsvSource({"14,14,16,16,3", "14,14,32,64,3", "9,7,16,32,5", "14,14,16,24,3", "7,7,24,24,3"})
    void withoutPlanesTakesTheOtherPathWithTheSameBits(int h, int w, int cin, int cout, int k) {
        assumeTrue(KernelsProvider.vectorAvailable(), "the vector kernels");
        Kernels with = KernelsProvider.vector(KernelOptions.WITHOUT_WINOGRAD); // the planes, not Winograd's form
        Kernels without = KernelsProvider.vector(KernelOptions.WITHOUT_PLANES);
        assumeTrue(with.convolvesPlanes(cout), "filters in blocks of four");
        assertThat(without.convolvesPlanes(cout)).isFalse();
        assertThat(without.weightGradientWorkspace(k * k * cin, cout)).isZero();
        assertThat(without.name()).isEqualTo(KernelsProvider.vector().name() + "-without-planes");
        assertThat(with.name()).isEqualTo(KernelsProvider.vector().name() + "-without-winograd");

        Map<String, Integer> withCalls = new TreeMap<>();
        Map<String, Integer> withoutCalls = new TreeMap<>();
        float[][] a = ConvPasses.run(RecordingKernels.of(with, withCalls), h, w, cin, cout, k, 3);
        float[][] b = ConvPasses.run(RecordingKernels.of(without, withoutCalls), h, w, cin, cout, k, 3);

        assertThat(withCalls).containsKey("convolvePlanes").containsKey("toPlanes");
        assertThat(withoutCalls).doesNotContainKey("convolvePlanes").doesNotContainKey("toPlanes");
        assertThat(a[0]).as("outputs").isEqualTo(b[0]);
        assertThat(a[1]).as("parameter gradients").isEqualTo(b[1]);
        assertThat(a[2]).as("input gradients").isEqualTo(b[2]);
    }
}
