package org.saepj.subnetwork;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.saepj.data.Shape;
import org.saepj.engine.Architecture;
import org.saepj.engine.optim.OptimizerSpec;

/**
 * The paper's search spaces (spec §3), chosen by {@code --model}: for the DNN, depth k and k + 1 where k is the depth
 * of the most recently added member still in the ensemble (0 at the start); for the CNN one candidate; for the
 * linear model one depth-0 candidate. DNN and linear candidates train with RMSProp, the CNN with SGD +
 * momentum and cosine decay over the iteration's steps.
 *
 * @param kind the kind of subnetwork
 * @param input the input shape
 * @param classes the number of classes
 * @param width units per hidden DNN layer
 * @param learningRate the base learning rate
 * @param stepsPerIteration S, for the CNN's cosine decay
 * @param seed the run seed
 */
public record PaperSpace(
        ModelKind kind, Shape input, int classes, int width, float learningRate, int stepsPerIteration, long seed)
        implements SearchSpace {
    /**
     * Checks that the space fits the data.
     *
     * @param kind the kind of subnetwork
     * @param input the input shape
     * @param classes the number of classes
     * @param width units per hidden DNN layer
     * @param learningRate the base learning rate
     * @param stepsPerIteration S, for the CNN's cosine decay
     * @param seed the run seed
     * @throws IllegalArgumentException when the CNN is asked for data it cannot convolve
     */
    public PaperSpace {
        // The CNN convolves and pools 2×2: a table's row (1×1×features) has nothing to pool, nor has a thin image.
        if (kind == ModelKind.CNN && (input.height() < 2 || input.width() < 2)) {
            String samples = input.isImage() ? input + " images" : "rows of " + input.size() + " features";
            throw new IllegalArgumentException("the cnn space needs images of at least 2×2 pixels, and the data's"
                    + " samples are " + samples + ": use dnn or linear");
        }
    }

    /**
     * @return whether the candidates of an iteration depend only on the iteration (CNN, linear), not on the
     *     ensemble, so that they can be trained before the ensemble they join is known
     */
    @Override
    public boolean independentOfEnsemble() {
        return kind != ModelKind.DNN;
    }

    /**
     * @param iteration t
     * @param lastDepth the depth of the most recently added member still in the ensemble, if any
     * @return the candidates of iteration t, in a fixed order
     */
    @Override
    public List<CandidateSpec> candidates(int iteration, OptionalInt lastDepth) {
        List<CandidateSpec> out = new ArrayList<>();
        switch (kind) {
            case DNN -> {
                int k = lastDepth.orElse(0);
                out.add(dnn(iteration, 0, k));
                out.add(dnn(iteration, 1, k + 1));
            }
            case LINEAR -> out.add(dnn(iteration, 0, 0));
            case CNN ->
                out.add(new CandidateSpec(
                        "cnn",
                        Architecture.ConvNet.paper(input, classes),
                        new OptimizerSpec.SgdMomentum(learningRate, 0.9f, stepsPerIteration),
                        Seeds.derive(seed, Seeds.CANDIDATE, iteration, 0)));
        }
        return out;
    }

    private CandidateSpec dnn(int iteration, int index, int depth) {
        String name = depth == 0 ? "linear" : "dnn-depth-" + depth;
        return new CandidateSpec(
                name,
                Architecture.DenseStack.dnn(input, depth, width, classes),
                new OptimizerSpec.RmsProp(learningRate),
                Seeds.derive(seed, Seeds.CANDIDATE, iteration, index));
    }

    /**
     * @return the optimizer that fits learned mixture weights: the subnetworks' optimizer (spec §4)
     */
    @Override
    public OptimizerSpec mixtureOptimizer() {
        return kind == ModelKind.CNN
                ? new OptimizerSpec.SgdMomentum(learningRate, 0.9f, stepsPerIteration)
                : new OptimizerSpec.RmsProp(learningRate);
    }

    @Override
    public Architecture largest(int iterations) {
        return switch (kind) {
            case CNN -> Architecture.ConvNet.paper(input, classes);
            case LINEAR -> Architecture.DenseStack.dnn(input, 0, width, classes);
            case DNN -> Architecture.DenseStack.dnn(input, iterations + 1, width, classes);
        };
    }

    @Override
    public int maxCandidates() {
        return kind == ModelKind.DNN ? 2 : 1;
    }
}
