package org.saepj.torch;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.saepj.UsageException;
import org.saepj.engine.Architecture;
import org.saepj.engine.Backend;
import org.saepj.engine.Network;
import org.saepj.engine.NetworkTraining;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.optim.Optimizer;

/**
 * Trains networks with PyTorch (through DJL) on its default device: the first CUDA GPU where PyTorch sees one, the
 * CPU otherwise. The networks themselves are the engine's, on its fastest kernels: they hold the parameters before
 * and after training, and compute every output, so selection, ensembles, saving and export are the engine's.
 */
public final class PyTorchBackend implements Backend {
    /** The name {@code --backend} takes and provenance records. */
    public static final String NAME = "pytorch";

    /** The name DJL gives the engine. */
    static final String ENGINE = "PyTorch";

    private final Device device;

    private PyTorchBackend(Device device) {
        this.device = device;
    }

    /**
     * Loads PyTorch's native library (from the pytorch-native jar on the class path) and picks its device.
     *
     * @return the backend
     * @throws UsageException in one line when the library does not load here
     */
    public static PyTorchBackend start() {
        try {
            return new PyTorchBackend(Engine.getEngine(ENGINE).defaultDevice());
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            String why = String.valueOf(e.getMessage())
                    .lines()
                    .findFirst()
                    .orElse(e.getClass().getSimpleName());
            throw new UsageException("--backend pytorch: PyTorch's native library did not load (" + why
                    + "); the saep-torch module needs its pytorch-native jar on the class path, as ./saep puts it");
        }
    }

    /**
     * @param device where the training runs: {@code Device.cpu()}, or a GPU that PyTorch sees
     * @return a backend training on that device (for tests and callers that pick the device)
     */
    public static PyTorchBackend on(Device device) {
        start();
        return new PyTorchBackend(device);
    }

    /** @return the device the networks train on */
    public Device device() {
        return device;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Network network(Architecture architecture) {
        return new Network(architecture, KernelsProvider.best());
    }

    /**
     * @throws UsageException naming the layer kind when the network holds one that has no PyTorch form here
     */
    @Override
    public NetworkTraining training(Network network, Optimizer optimizer) {
        return new TorchTraining(network, optimizer, device);
    }

    @Override
    public String toString() {
        return NAME + " on " + device;
    }
}
