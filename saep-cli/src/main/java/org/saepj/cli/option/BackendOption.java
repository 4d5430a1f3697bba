package org.saepj.cli.option;

import org.saepj.UsageException;
import org.saepj.engine.Backend;
import org.saepj.engine.Backends;
import picocli.CommandLine.Option;

/**
 * {@code --backend NAME}: what trains the candidates. Left out, the fastest engine here (the Vector API engine,
 * or the scalar one without the module); "pytorch" needs the saep-torch module, which ./saep adds to the class path
 * only when this option names it, so PyTorch's native libraries never load otherwise.
 */
public final class BackendOption {
    @Option(
            names = "--backend",
            paramLabel = "NAME",
            description =
                    "What trains the candidates: vector (the default), scalar, or pytorch (PyTorch through DJL, on"
                            + " its CUDA GPU where present; ./saep loads it on demand).")
    String name;

    /** The backend once found: a provided one is created (its libraries loaded) once per command. */
    private Backend found;

    /**
     * @param sparkEnabled whether the candidates train on Spark executors, which use their own engine
     * @return the backend named, or the fastest engine when none is
     * Called first by a command, before anything is written, so that a wrong name fails early.
     *
     * @throws UsageException for an unknown name, or a backend other than the engine's with --spark
     */
    public Backend backend(boolean sparkEnabled) {
        if (name == null) {
            return Backends.best();
        }
        if (sparkEnabled && !name.equals(Backends.VECTOR) && !name.equals(Backends.SCALAR_NAME)) {
            throw new UsageException("--backend " + name + ": not with --spark, whose executors train with the engine");
        }
        if (found == null) {
            found = Backends.find(name);
        }
        return found;
    }

    /** @return whether a backend was named */
    public boolean given() {
        return name != null;
    }
}
