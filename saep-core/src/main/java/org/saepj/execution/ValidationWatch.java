package org.saepj.execution;

import org.saepj.data.Dataset;
import org.saepj.engine.Network;
import org.saepj.task.Loss;

/**
 * Early stopping of one candidate: measures its loss on the validation part when asked, keeps a copy of the
 * parameters and layer state (batch normalisation's running statistics) of the lowest measurement, counts the
 * measurements since, and puts the kept copy back at the end. A measurement is an inference pass: it changes nothing
 * the next training step reads.
 */
final class ValidationWatch {
    private final Network net;
    private final Dataset validation;
    private final Loss loss;
    private final int patience;
    private float[] bestParameters;
    private float[] bestState;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestStep;
    private int sinceBest;

    /**
     * @param net the network being trained
     * @param validation the data the loss is measured on (no candidate trains on it)
     * @param patience measurements without a new lowest loss before training stops
     */
    ValidationWatch(Network net, Dataset validation, int patience) {
        this.net = net;
        this.validation = validation;
        this.loss = validation.targets().task().loss(validation.targets());
        this.patience = patience;
    }

    /**
     * Measures the loss after a step.
     *
     * @param step the steps taken so far
     * @return true when training should stop: {@code patience} measurements in a row found no lower loss
     */
    boolean measure(int step) {
        double value = loss.mean(net.logits(validation));
        // A non-finite loss is never the best: the kept copy stays the last finite lowest one.
        if (value < bestLoss) {
            bestLoss = value;
            bestStep = step;
            bestParameters = net.parameters().clone();
            bestState = net.state().clone();
            sinceBest = 0;
            return false;
        }
        sinceBest++;
        return sinceBest >= patience;
    }

    /**
     * Puts back the parameters and state of the lowest measurement, if there was one.
     *
     * @param lastStep the steps run
     * @return the step they come from, or {@code lastStep} when no measurement was finite (the network is left as
     *     it is)
     */
    int restoreBest(int lastStep) {
        if (bestParameters == null) {
            return lastStep;
        }
        net.setParameters(bestParameters);
        net.setState(bestState);
        return bestStep;
    }

    /** @return the lowest validation loss measured, or +∞ when none was finite */
    double bestLoss() {
        return bestLoss;
    }
}
