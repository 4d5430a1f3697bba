package org.saepj.engine.kernel;

/**
 * Chooses the kernels once per JVM: the Vector API ones when {@code jdk.incubator.vector} is in the boot
 * layer (the launcher and the tests add it), the scalar ones otherwise or when the system property
 * {@code saep.kernels=scalar} asks for them.
 */
public final class KernelsProvider {
    private static final Kernels BEST = choose();

    private KernelsProvider() {}

    /** @return the fastest kernels available in this JVM */
    public static Kernels best() {
        return BEST;
    }

    /** @return the scalar kernels */
    public static Kernels scalar() {
        return new ScalarKernels();
    }

    /**
     * @param options the forms the kernels may use (of which the scalar kernels have only the stem's call)
     * @return the scalar kernels built with those options
     */
    public static Kernels scalar(KernelOptions options) {
        return new ScalarKernels(options);
    }

    /** @return true when the Vector API module is present */
    public static boolean vectorAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * @return the vector kernels
     * @throws IllegalStateException when the module is absent
     */
    public static Kernels vector() {
        return vector(KernelOptions.ALL);
    }

    /**
     * @param options the forms the kernels may use
     * @return the vector kernels built with those options
     * @throws IllegalStateException when the module is absent
     */
    public static Kernels vector(KernelOptions options) {
        if (!vectorAvailable()) {
            throw new IllegalStateException(
                    "jdk.incubator.vector is not in this JVM (start it with --add-modules jdk.incubator.vector)");
        }
        return new VectorKernels(options);
    }

    /**
     * @param options the forms the kernels may use
     * @return the kernels {@link #best()} chooses, built with those options (the scalar kernels have only the stem's
     *     call to turn off)
     */
    public static Kernels best(KernelOptions options) {
        return BEST instanceof ScalarKernels ? new ScalarKernels(options) : new VectorKernels(options);
    }

    /**
     * @return true when the scalar kernels are in use only because the Vector API module is missing, not because
     *     {@code saep.kernels=scalar} asked for them
     */
    public static boolean scalarForLackOfVector() {
        return !vectorAvailable() && !scalarRequested();
    }

    private static boolean scalarRequested() {
        return "scalar".equals(System.getProperty("saep.kernels"));
    }

    private static Kernels choose() {
        if (scalarRequested() || !vectorAvailable()) {
            return new ScalarKernels();
        }
        return new VectorKernels(KernelOptions.ALL);
    }
}
