package org.saepj.engine.layer;

import java.util.List;
import org.saepj.engine.kernel.Kernels;
import org.saepj.export.OnnxGraph;

/** {@code "silu"}: x·σ(x) on any shape ({@link Silu}); in ONNX a Sigmoid and a Mul, in its input's layout. */
public final class SiluKind extends ActivationKind<SiluKind.Spec> {
    /** No settings. */
    public record Spec() implements LayerSpec {}

    @Override
    public String type() {
        return "silu";
    }

    @Override
    public Class<Spec> specClass() {
        return Spec.class;
    }

    @Override
    Layer layer(int size, Kernels kernels) {
        return new Silu(size);
    }

    @Override
    String onnx(OnnxGraph g, String x) {
        String sigmoid = g.node("Sigmoid", List.of(x));
        return g.node("Mul", List.of(x, sigmoid));
    }
}
