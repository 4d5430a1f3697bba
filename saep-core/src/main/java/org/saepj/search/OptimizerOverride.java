package org.saepj.search;

import java.util.List;
import java.util.OptionalInt;
import org.saepj.engine.Architecture;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.subnetwork.CandidateSpec;
import org.saepj.subnetwork.SearchSpace;

/**
 * A search space whose candidates train with another optimizer than the space gives them, or with the space's own SGD
 * with momentum and another coupled weight decay, at the learning rate the space gives them or at one rate for all;
 * everything else, the learned mixture's optimizer included, is the space's.
 */
final class OptimizerOverride implements SearchSpace {
    private final SearchSpace space;
    private final TrainingPlan.OptimizerChoice choice;
    private final float weightDecay;
    private final Double learningRate;

    /**
     * @param space the space the configuration names
     * @param choice the optimizer its candidates train with instead, or the space's own
     * @param weightDecay AdamW's λ, or the L2 λ of the space's own SGD with momentum
     * @param learningRate the rate every candidate trains at, or null for each one's own
     * @throws InvalidSettingException when the space's own optimizer is kept and a candidate of the first iteration
     *     does not train with SGD with momentum, refused before anything trains
     */
    OptimizerOverride(SearchSpace space, TrainingPlan.OptimizerChoice choice, double weightDecay, Double learningRate) {
        this.space = space;
        this.choice = choice;
        this.weightDecay = (float) weightDecay;
        this.learningRate = learningRate;
        if (choice == TrainingPlan.OptimizerChoice.SPACE && weightDecay != 0) {
            // every family proposes in the first iteration, so its candidates show every optimizer the space uses
            for (CandidateSpec c : space.candidates(0, OptionalInt.empty())) {
                optimizer(c.name(), c.optimizer());
            }
        }
    }

    @Override
    public List<CandidateSpec> candidates(int iteration, OptionalInt lastDepth) {
        return space.candidates(iteration, lastDepth).stream()
                .map(c -> new CandidateSpec(
                        c.name(), c.architecture(), optimizer(c.name(), c.optimizer()), c.seed(), c.complexity()))
                .toList();
    }

    private OptimizerSpec optimizer(String candidate, OptimizerSpec own) {
        float rate = learningRate == null ? own.learningRate() : learningRate.floatValue();
        return switch (choice) {
            case ADAM -> new OptimizerSpec.Adam(rate);
            case ADAMW -> new OptimizerSpec.AdamW(rate, weightDecay);
            case SPACE -> {
                if (weightDecay == 0) {
                    yield own.withLearningRate(rate);
                }
                if (!(own instanceof OptimizerSpec.SgdMomentum sgd)) {
                    throw new InvalidSettingException(
                            "weightDecay",
                            "with the space's own optimizer is the coupled L2 of SGD with momentum, and candidate "
                                    + candidate + " trains with "
                                    + own.getClass().getSimpleName()
                                    + ": choose the adamw optimizer for a decoupled decay");
                }
                yield sgd.withWeightDecay(weightDecay).withLearningRate(rate);
            }
        };
    }

    @Override
    public boolean independentOfEnsemble() {
        return space.independentOfEnsemble();
    }

    @Override
    public OptimizerSpec mixtureOptimizer() {
        return space.mixtureOptimizer();
    }

    @Override
    public Architecture largest(int iterations) {
        return space.largest(iterations);
    }

    @Override
    public int maxCandidates() {
        return space.maxCandidates();
    }
}
