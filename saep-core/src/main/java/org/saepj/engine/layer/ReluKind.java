package org.saepj.engine.layer;

import java.util.List;
import org.saepj.engine.kernel.Kernels;
import org.saepj.export.OnnxGraph;

/** {@code "relu"}: max(0, x) on any shape ({@link Relu}); ONNX Relu in whatever layout its input has. */
public final class ReluKind extends ActivationKind<ReluKind.Spec> {
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
    Layer layer(int size, Kernels kernels) {
        return new Relu(size, kernels);
    }

    @Override
    String onnx(OnnxGraph g, String x) {
        return g.node("Relu", List.of(x));
    }
}
