package org.saepj.engine.layer;

import java.util.List;
import org.saepj.engine.kernel.Kernels;
import org.saepj.export.OnnxGraph;

/**
 * {@code "gelu"}: exact GELU on any shape ({@link Gelu}). ONNX's Gelu operator arrived in opset 20, after the export's
 * {@value org.saepj.export.OnnxExport#OPSET}, so the graph spells it out: x·0.5·(1 + Erf(x·√½)).
 */
public final class GeluKind extends ActivationKind<GeluKind.Spec> {
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
    Layer layer(int size, Kernels kernels) {
        return new Gelu(size);
    }

    @Override
    String onnx(OnnxGraph g, String x) {
        String scaled = g.node("Mul", List.of(x, g.floats("gelu_sqrt_half", new float[] {(float) Math.sqrt(0.5)}, 1)));
        String erf = g.node("Erf", List.of(scaled));
        String phi = g.node("Add", List.of(erf, g.floats("gelu_one", new float[] {1f}, 1)));
        String half = g.node("Mul", List.of(phi, g.floats("gelu_half", new float[] {0.5f}, 1)));
        return g.node("Mul", List.of(x, half));
    }
}
