package org.saepj.subnetwork;

import java.util.List;
import java.util.OptionalInt;
import org.saepj.engine.Architecture;
import org.saepj.engine.optim.OptimizerSpec;

/**
 * A search space that exists only in the test sources, reached through the public plug-in API: iteration t
 * proposes one network of one hidden layer, {@code width} + t·{@code step} units wide, trained with RMSProp.
 */
public final class WideningSpace implements SearchSpace {
    /** The id. */
    public static final String ID = "widening";

    private final SpaceRequest request;
    private final int width;
    private final int step;

    private WideningSpace(SpaceRequest request) {
        this.request = request;
        double w = request.parameter("width", 8);
        double s = request.parameter("step", 8);
        if (w < 1 || s < 0 || w != Math.rint(w) || s != Math.rint(s)) {
            throw new IllegalArgumentException(
                    "width must be a whole number ≥ 1 and step one ≥ 0, got " + w + " and " + s);
        }
        this.width = (int) w;
        this.step = (int) s;
    }

    /** Makes {@code widening} known. */
    public static final class Provider implements SpaceProvider {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public String summary() {
            return "test space: one hidden layer, wider each iteration";
        }

        @Override
        public SearchSpace create(SpaceRequest request) {
            return new WideningSpace(request);
        }
    }

    private Architecture at(int iteration) {
        return new Architecture.DenseStack(request.input(), new int[] {width + iteration * step}, request.classes());
    }

    @Override
    public List<CandidateSpec> candidates(int iteration, OptionalInt lastDepth) {
        return List.of(new CandidateSpec(
                "wide-" + (width + iteration * step),
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
