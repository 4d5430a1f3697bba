package org.saepj.search;

import java.util.List;
import java.util.OptionalInt;
import org.saepj.engine.Architecture;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.subnetwork.CandidateSpec;
import org.saepj.subnetwork.SearchSpace;

/**
 * A search space whose candidates train with another optimizer than the space gives them, at the learning rate the
 * space gives them; everything else, the learned mixture's optimizer included, is the space's.
 */
final class OptimizerOverride implements SearchSpace {
    private final SearchSpace space;
    private final TrainingPlan.OptimizerChoice choice;
    private final float weightDecay;

    /**
     * @param space the space the configuration names
     * @param choice the optimizer its candidates train with instead (not the space's own)
     * @param weightDecay AdamW's λ
     */
    OptimizerOverride(SearchSpace space, TrainingPlan.OptimizerChoice choice, double weightDecay) {
        this.space = space;
        this.choice = choice;
        this.weightDecay = (float) weightDecay;
    }

    @Override
    public List<CandidateSpec> candidates(int iteration, OptionalInt lastDepth) {
        return space.candidates(iteration, lastDepth).stream()
                .map(c -> new CandidateSpec(
                        c.name(), c.architecture(), optimizer(c.optimizer()), c.seed(), c.complexity()))
                .toList();
    }

    private OptimizerSpec optimizer(OptimizerSpec own) {
        float rate = own.learningRate();
        return switch (choice) {
            case ADAM -> new OptimizerSpec.Adam(rate);
            case ADAMW -> new OptimizerSpec.AdamW(rate, weightDecay);
            case SPACE -> own;
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
