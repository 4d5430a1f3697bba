package org.saepj.engine.layer;

import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.export.OnnxGraph;

/**
 * {@code "gelu"}: exact GELU on any shape ({@link Gelu}). ONNX's Gelu operator arrived in opset 20, after the export's
 * {@value org.saepj.export.OnnxExport#OPSET}, so the graph spells it out: x·0.5·(1 + Erf(x·√½)).
 */
public final class GeluKind implements LayerKind<GeluKind.Spec> {
    /** No settings. */
    public record Spec() implements LayerSpec {}

    @Override
    public String type() {
        return "gelu";
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
        return new Gelu(inputs.get(0).size());
    }

    @Override
    public OnnxGraph.Value onnx(
            Spec spec, OnnxGraph g, List<OnnxGraph.Value> inputs, Layer layer, float[] params, float[] state) {
        OnnxGraph.Value x = inputs.get(0);
        String scaled =
                g.node("Mul", List.of(x.name(), g.floats("gelu_sqrt_half", new float[] {(float) Math.sqrt(0.5)}, 1)));
        String erf = g.node("Erf", List.of(scaled));
        String phi = g.node("Add", List.of(erf, g.floats("gelu_one", new float[] {1f}, 1)));
        String half = g.node("Mul", List.of(phi, g.floats("gelu_half", new float[] {0.5f}, 1)));
        return x.renamed(g.node("Mul", List.of(x.name(), half)));
    }
}
