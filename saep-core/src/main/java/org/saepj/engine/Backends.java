package org.saepj.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.saepj.UsageException;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.KernelsProvider;

/**
 * The backends this build offers: the engine on the JDK's Vector API where the module is present, the plain
 * scalar engine everywhere, and those a module on the class path provides ({@link BackendProvider}: the saep-torch
 * module's PyTorch backend), found by name with {@link #find}.
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

    /** The name {@link #find} takes for the Vector API engine (whose {@link Backend#name()} adds its bit width). */
    public static final String VECTOR = "vector";

    /** The name of the scalar engine. */
    public static final String SCALAR_NAME = "scalar";

    /**
     * The backend a {@code --backend} option names. A provided backend is created (its native libraries loaded) only
     * here, when named.
     *
     * @param name "vector", "scalar" or a provided backend's name ("pytorch" with the saep-torch module)
     * @return the backend
     * @throws UsageException in one line naming the known backends when none has that name, or when the Vector API
     *     module is absent and "vector" is asked for
     */
    public static Backend find(String name) {
        if (VECTOR.equals(name)) {
            if (!vectorAvailable()) {
                throw new UsageException("--backend vector: the Vector API module is absent (start Java with"
                        + " --add-modules jdk.incubator.vector, as ./saep does), or use --backend scalar");
            }
            return BEST;
        }
        if (SCALAR_NAME.equals(name)) {
            return SCALAR;
        }
        List<BackendProvider> providers = providers();
        for (BackendProvider p : providers) {
            if (p.name().equals(name)) {
                return p.create();
            }
        }
        List<String> known = new ArrayList<>(List.of(VECTOR, SCALAR_NAME));
        providers.forEach(p -> known.add(p.name()));
        throw new UsageException("--backend: unknown backend '" + name + "'; known here: " + String.join(", ", known)
                + (known.contains("pytorch") ? "" : " (pytorch needs the saep-torch module: ./saep adds it)"));
    }

    /** @return the names {@link #find} accepts here, the engine's first */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of(VECTOR, SCALAR_NAME));
        providers().forEach(p -> names.add(p.name()));
        return names;
    }

    private static List<BackendProvider> providers() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<BackendProvider> found = new ArrayList<>();
        ServiceLoader.load(BackendProvider.class, loader != null ? loader : Backends.class.getClassLoader())
                .forEach(found::add);
        return found;
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
