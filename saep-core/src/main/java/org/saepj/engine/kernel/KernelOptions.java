package org.saepj.engine.kernel;

/**
 * What the vector kernels may use, fixed when they are built ({@link KernelsProvider#vector(KernelOptions)}). The
 * default allows every form; a profile builds a second instance with a form turned off to time the layers as they ran
 * before it, side by side in one JVM, with every other kernel the same class's.
 *
 * @param planes whether a convolution may run over channel-major planes ({@link Kernels#convolvesPlanes}) and its
 *     kernel gradient with a workspace ({@link Kernels#weightGradientWorkspace}); without them a layer runs the
 *     im2col products and the direct 16-filter form
 */
public record KernelOptions(boolean planes) {
    /** Every form allowed: what {@link KernelsProvider#best()} and {@link KernelsProvider#vector()} use. */
    public static final KernelOptions ALL = new KernelOptions(true);

    /** The planes form turned off. */
    public static final KernelOptions WITHOUT_PLANES = new KernelOptions(false);
}
