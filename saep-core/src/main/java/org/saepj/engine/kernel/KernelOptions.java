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
 * @param stem whether a training pass may run a stem (a convolution of the network's input, its batch norm, ReLU and
 *     2×2 max pool) as one call from the patches' moments ({@link Kernels#fusesStem}); without it those layers run
 *     as they did before, the convolution alone and the other three as one call, with their bits
 */
public record KernelOptions(boolean planes, boolean winograd, boolean stem) {
    /** Every form allowed: what {@link KernelsProvider#best()} and {@link KernelsProvider#vector()} use. */
    public static final KernelOptions ALL = new KernelOptions(true, true, true);

    /** The stem's one call turned off: the layers with the bits they had before it existed. */
    public static final KernelOptions WITHOUT_STEM = new KernelOptions(true, true, false);

    /**
     * Winograd's form turned off, and the stem's call (which came after it): every convolution with the bits of the
     * im2col product, as before it existed.
     */
    public static final KernelOptions WITHOUT_WINOGRAD = new KernelOptions(true, false, false);

    /** The planes form turned off, and the forms after it: the im2col products and direct forms. */
    public static final KernelOptions WITHOUT_PLANES = new KernelOptions(false, false, false);
}
