package org.saepj.torch;

import org.saepj.engine.Backend;
import org.saepj.engine.BackendProvider;

/** Offers the PyTorch backend by name; PyTorch's native library loads only in {@link #create()}. */
public final class PyTorchBackendProvider implements BackendProvider {
    /** For ServiceLoader. */
    public PyTorchBackendProvider() {}

    @Override
    public String name() {
        return PyTorchBackend.NAME;
    }

    @Override
    public Backend create() {
        return PyTorchBackend.start();
    }
}
