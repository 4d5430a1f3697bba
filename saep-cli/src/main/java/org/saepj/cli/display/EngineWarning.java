package org.saepj.cli.display;

import java.io.PrintWriter;
import org.saepj.engine.kernel.KernelsProvider;

/**
 * The one line a training command prints at its start when this JVM lacks the Vector API module: the engine
 * falls back to its scalar kernels by itself, correct but several times slower, and a person should know why
 * and how to get the fast ones.
 */
public final class EngineWarning {
    private EngineWarning() {}

    /**
     * Warns when the scalar kernels are in use only because {@code jdk.incubator.vector} is missing (not when
     * {@code -Dsaep.kernels=scalar} asked for them).
     *
     * @param err the error stream
     */
    public static void ifScalarByDefault(PrintWriter err) {
        if (KernelsProvider.scalarForLackOfVector()) {
            err.println(TEXT);
            err.flush();
        }
    }

    /** The warning. */
    static final String TEXT = "warning: the Vector API module (jdk.incubator.vector) is not in this JVM: training uses"
            + " the scalar kernels, several times slower; start java with --add-modules jdk.incubator.vector"
            + " (the ./saep launcher does)";
}
