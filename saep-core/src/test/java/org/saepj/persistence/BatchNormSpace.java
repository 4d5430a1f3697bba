package org.saepj.persistence;

import java.util.List;
import java.util.OptionalInt;
import org.saepj.data.Shape;
import org.saepj.engine.Architecture;
import org.saepj.engine.GraphArchitecture;
import org.saepj.engine.layer.BatchNormKind;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.FlattenKind;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.ReluKind;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.subnetwork.CandidateSpec;
import org.saepj.subnetwork.SearchSpace;
import org.saepj.subnetwork.Seeds;
import org.saepj.subnetwork.SpaceProvider;
import org.saepj.subnetwork.SpaceRequest;

/**
 * A test search space whose members keep layer state: iteration t proposes flatten, dense(4 + 2t), batch_norm, relu
 * and the head, so every checkpoint and saved ensemble of its searches holds running statistics.
 */
public final class BatchNormSpace implements SearchSpace {
    /** The id. */
    public static final String ID = "batch-norm-test";

    private final SpaceRequest request;

    private BatchNormSpace(SpaceRequest request) {
        this.request = request;
    }

    /** Makes {@code batch-norm-test} known. */
    public static final class Provider implements SpaceProvider {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public String summary() {
            return "test space: dense, batch_norm, relu";
        }

        @Override
        public SearchSpace create(SpaceRequest request) {
            return new BatchNormSpace(request);
        }
    }

    /**
     * @param input the shape of a sample
     * @param width the hidden units
     * @param classes the classes
     * @return flatten, dense, batch_norm, relu, dense head
     */
    public static GraphArchitecture architecture(Shape input, int width, int classes) {
        return GraphArchitecture.of(LayerGraph.chain(
                input,
                List.of(
                        new FlattenKind.Spec(),
                        new DenseKind.Spec(width),
                        new BatchNormKind.Spec(0.1, 1e-3),
                        new ReluKind.Spec(),
                        new DenseKind.Spec(classes))));
    }

    private Architecture at(int iteration) {
        return architecture(request.input(), 4 + 2 * iteration, request.classes());
    }

    @Override
    public List<CandidateSpec> candidates(int iteration, OptionalInt lastDepth) {
        return List.of(new CandidateSpec(
                "bn-" + iteration,
                at(iteration),
                new OptimizerSpec.RmsProp(request.learningRate()),
                Seeds.derive(request.seed(), Seeds.CANDIDATE, iteration, 0)));
    }

    @Override
    public boolean independentOfEnsemble() {
        return true;
    }

    @Override
    public OptimizerSpec mixtureOptimizer() {
        return new OptimizerSpec.RmsProp(request.learningRate());
    }

    @Override
    public Architecture largest(int iterations) {
        return at(iterations - 1);
    }

    @Override
    public int maxCandidates() {
        return 1;
    }
}
