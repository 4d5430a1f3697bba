package org.saepj.engine.layer;

import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.export.OnnxGraph;

/** {@code "relu"}: max(0, x) on any shape ({@link Relu}); ONNX Relu in whatever layout its input has. */
public final class ReluKind implements LayerKind<ReluKind.Spec> {
    /** No settings. */
    public record Spec() implements LayerSpec {}

    @Override
    public String type() {
        return "relu";
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
        return new Relu(inputs.get(0).size(), kernels);
    }

    @Override
    public OnnxGraph.Value onnx(
            Spec spec, OnnxGraph g, List<OnnxGraph.Value> inputs, Layer layer, float[] params, float[] state) {
        OnnxGraph.Value x = inputs.get(0);
        return x.renamed(g.node("Relu", List.of(x.name())));
    }
}
