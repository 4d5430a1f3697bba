package org.saepj.engine.kernel;

/**
 * What the vector kernels may use, fixed when they are built ({@link KernelsProvider#vector(KernelOptions)}). The
 * default allows every form; a profile builds a second instance with a form turned off to time the layers as they ran
 * before it, side by side in one JVM, with every other kernel the same class's.
 *
 * @param planes whether a convolution may run over channel-major planes ({@link Kernels#convolvesPlanes}) and its
 *     kernel gradient with a workspace ({@link Kernels#weightGradientWorkspace}); without them a layer runs the
 *     im2col products and the direct 16-filter form
 * @param winograd whether a 3×3 convolution that {@link Winograd#takes} may run as Winograd's F(2×2, 3×3) ({@link
 *     Kernels#convolvesWinograd}); without it such a layer runs the forms with the bits of the im2col product
 */
public record KernelOptions(boolean planes, boolean winograd) {
    /** Every form allowed: what {@link KernelsProvider#best()} and {@link KernelsProvider#vector()} use. */
    public static final KernelOptions ALL = new KernelOptions(true, true);

    /** Winograd's form turned off: every convolution with the bits of the im2col product, as before it existed. */
    public static final KernelOptions WITHOUT_WINOGRAD = new KernelOptions(true, false);

    /** The planes form turned off, and Winograd's (which came after it): the im2col products and direct forms. */
    public static final KernelOptions WITHOUT_PLANES = new KernelOptions(false, false);
}
