package org.saepj.engine.layer;

import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.export.OnnxGraph;

/**
 * {@code "dropout"}: inverted dropout on any shape ({@link Dropout}); ONNX graphs are for inference, where dropout is
 * the identity, so it writes no node.
 */
public final class DropoutKind implements LayerKind<DropoutKind.Spec> {
    /**
     * @param rate the probability of zeroing a value while training, in [0, 1)
     */
    public record Spec(double rate) implements LayerSpec {
        /**
         * Checks the rate.
         *
         * @param rate in [0, 1)
         */
        public Spec {
            if (!(rate >= 0 && rate < 1)) {
                throw new IllegalArgumentException("dropout needs a rate in [0, 1), got " + rate);
            }
        }
    }

    @Override
    public String type() {
        return "dropout";
    }

    @Override
    public Class<Spec> specClass() {
        return Spec.class;
    }

    @Override
    public Shape outputShape(Spec spec, List<Shape> inputs) {
        return inputs.get(0);
    }

    @Override
    public Layer create(Spec spec, List<Shape> inputs, Kernels kernels) {
        return new Dropout(inputs.get(0).size(), (float) spec.rate());
    }

    @Override
    public OnnxGraph.Value onnx(
            Spec spec, OnnxGraph g, List<OnnxGraph.Value> inputs, Layer layer, float[] params, float[] state) {
        return inputs.get(0);
    }
}
