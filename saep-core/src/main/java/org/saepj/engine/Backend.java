package org.saepj.engine;

/**
 * Where networks train and run: the seam between the search and the numeric engine. Code outside the engine asks a
 * backend for networks and records its name; it never sees the kernels behind it. The default is the Vector API
 * engine ({@link Backends#best()}); a backend's name is recorded in every result, and a resumed or distributed run
 * refuses to mix backends, since their numbers differ in the last bits.
 */
public interface Backend {
    /** @return the backend's name, recorded in provenance ("vector", "scalar", "pytorch") */
    String name();

    /**
     * @param architecture what to build
     * @return an untrained network of that architecture on this backend (call {@link Network#initialize})
     */
    Network network(Architecture architecture);

    /**
     * Starts the training of a network of this backend. The engine's backends train the network itself; others
     * train it elsewhere and copy the result back ({@link NetworkTraining#sync()}).
     *
     * @param network an initialised network from {@link #network}
     * @param optimizer the optimizer of its flat parameters
     * @return the training, used by one thread and closed when done
     */
    default NetworkTraining training(Network network, org.saepj.engine.optim.Optimizer optimizer) {
        return NetworkTraining.engine(network, optimizer);
    }
}
