package org.saepj.engine.layer;

import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.export.OnnxGraph;

/**
 * {@code "flatten"}: H×W×C to a vector in (H, W, C) order ({@link Flatten}); in ONNX back to that order, then
 * Flatten.
 */
public final class FlattenKind implements LayerKind<FlattenKind.Spec> {
    /** No settings. */
    public record Spec() implements LayerSpec {}

    @Override
    public String type() {
        return "flatten";
    }

    @Override
    public Class<Spec> specClass() {
        return Spec.class;
    }

    @Override
    public Shape outputShape(Spec spec, List<Shape> inputs) {
        return Shape.vector(inputs.get(0).size());
    }

    @Override
    public Layer create(Spec spec, List<Shape> inputs, Kernels kernels) {
        return new Flatten(inputs.get(0).size());
    }

    @Override
    public OnnxGraph.Value onnx(
            Spec spec, OnnxGraph g, List<OnnxGraph.Value> inputs, Layer layer, float[] params, float[] state) {
        OnnxGraph.Value x = inputs.get(0);
        // A channels-first tensor goes back to H×W×C order on its way, which the dense weights after it expect.
        String y = x.channelsFirst()
                ? g.flat(x).name()
                : g.node("Flatten", List.of(x.name()), OnnxGraph.Attribute.of("axis", 1));
        return new OnnxGraph.Value(y, Shape.vector(x.shape().size()), false);
    }
}
