package org.saepj.engine;

import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.KernelsProvider;

/**
 * The backends this build offers: the engine on the JDK's Vector API where the module is present, and the plain
 * scalar engine everywhere.
 */
public final class Backends {
    private static final Backend BEST = new EngineBackend(KernelsProvider.best());
    private static final Backend SCALAR = new EngineBackend(KernelsProvider.scalar());

    private Backends() {}

    /** @return the fastest backend here: the Vector API engine when available, the scalar one otherwise */
    public static Backend best() {
        return BEST;
    }

    /** @return the scalar engine, the same on every machine */
    public static Backend scalar() {
        return SCALAR;
    }

    /** @return whether the Vector API module is present, so that {@link #best()} is the vector engine */
    public static boolean vectorAvailable() {
        return KernelsProvider.vectorAvailable();
    }

    /** The engine of this project, on one set of kernels. */
    private record EngineBackend(Kernels kernels) implements Backend {
        @Override
        public String name() {
            return kernels.name();
        }

        @Override
        public Network network(Architecture architecture) {
            return new Network(architecture, kernels);
        }
    }
}
