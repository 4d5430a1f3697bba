package org.saepj.engine;

import org.saepj.task.Loss;

/**
 * The training of one network by its {@link Backend}: the steps of one candidate, in order, on the calling thread.
 * The engine's own backends step the {@link Network} itself; another backend (PyTorch through DJL) runs the forward
 * and backward passes elsewhere and keeps the network's parameters and state current as {@link #sync()} says, so
 * everything after training (outputs, ensembles, saving, export) reads the network as usual.
 */
public interface NetworkTraining extends AutoCloseable {
    /**
     * One training step: forward, backward and the optimizer's update.
     *
     * @param x inputs, {@code batch × inputSize}, in the engine's layout (H×W×C per image sample)
     * @param loss the task's loss over the targets the rows name
     * @param rows the target row of each sample
     * @param batch the number of samples
     * @return the mean loss of the batch before the update
     */
    float step(float[] x, Loss loss, int[] rows, int batch);

    /**
     * Makes the network hold the trained parameters and non-trainable state (running statistics), so that it can
     * be evaluated, copied or kept; training may continue afterwards.
     */
    void sync();

    /** Frees what the training holds outside the network; the network stays as the last {@link #sync()} left it. */
    @Override
    void close();

    /**
     * The engine's own training: each step is {@link Network#trainStep(float[], Loss, int[], int,
     * org.saepj.engine.optim.Optimizer)}, and the network is always current.
     *
     * @param network the network to train
     * @param optimizer the optimizer holding its state
     * @return the training
     */
    static NetworkTraining engine(Network network, org.saepj.engine.optim.Optimizer optimizer) {
        return new NetworkTraining() {
            @Override
            public float step(float[] x, Loss loss, int[] rows, int batch) {
                return network.trainStep(x, loss, rows, batch, optimizer);
            }

            @Override
            public void sync() {
                // the network itself is trained: nothing is held elsewhere
            }

            @Override
            public void close() {
                // nothing held outside the network
            }
        };
    }
}
