package org.saepj.engine.layer;

import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.export.OnnxGraph;

/** {@code "silu"}: x·σ(x) on any shape ({@link Silu}); in ONNX a Sigmoid and a Mul, in its input's layout. */
public final class SiluKind implements LayerKind<SiluKind.Spec> {
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
    public Shape outputShape(Spec spec, List<Shape> inputs) {
        return inputs.get(0);
    }

    @Override
    public Layer create(Spec spec, List<Shape> inputs, Kernels kernels) {
        return new Silu(inputs.get(0).size());
    }

    @Override
    public OnnxGraph.Value onnx(
            Spec spec, OnnxGraph g, List<OnnxGraph.Value> inputs, Layer layer, float[] params, float[] state) {
        OnnxGraph.Value x = inputs.get(0);
        String sigmoid = g.node("Sigmoid", List.of(x.name()));
        return x.renamed(g.node("Mul", List.of(x.name(), sigmoid)));
    }
}
