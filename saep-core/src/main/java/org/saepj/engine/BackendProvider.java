package org.saepj.engine;

/**
 * A backend beyond the engine's own, found through {@link java.util.ServiceLoader} ({@code
 * META-INF/services/org.saepj.engine.BackendProvider}) when its module is on the class path: the PyTorch backend of
 * the saep-torch module. Listing the providers loads only these small classes; a backend's native libraries load in
 * {@link #create()}, when it is asked for by name.
 *
 * <p>Implementations need a public no-argument constructor.
 */
public interface BackendProvider {
    /** @return the name {@code --backend} takes and provenance records, lower case, e.g. "pytorch" */
    String name();

    /**
     * @return the backend, ready to train
     * @throws org.saepj.SaepException when it cannot start here (a native library that does not load)
     */
    Backend create();
}
