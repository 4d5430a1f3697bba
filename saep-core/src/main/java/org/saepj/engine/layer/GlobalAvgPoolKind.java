package org.saepj.engine.layer;

import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.export.OnnxGraph;

/**
 * {@code "global_avg_pool"}: each channel's mean over the image ({@link GlobalAvgPool}), H×W×C to a vector of C; ONNX
 * GlobalAveragePool on NCHW, flattened to {@code [N, C]}.
 */
public final class GlobalAvgPoolKind implements LayerKind<GlobalAvgPoolKind.Spec> {
    /** No settings. */
    public record Spec() implements LayerSpec {}

    @Override
    public String type() {
        return "global_avg_pool";
    }

    @Override
    public Class<Spec> specClass() {
        return Spec.class;
    }

    @Override
    public Shape outputShape(Spec spec, List<Shape> inputs) {
        return Shape.vector(inputs.get(0).channels());
    }

    @Override
    public Layer create(Spec spec, List<Shape> inputs, Kernels kernels) {
        Shape in = inputs.get(0);
        return new GlobalAvgPool(in.height() * in.width(), in.channels(), kernels);
    }

    @Override
    public OnnxGraph.Value onnx(
            Spec spec, OnnxGraph g, List<OnnxGraph.Value> inputs, Layer layer, float[] params, float[] state) {
        OnnxGraph.Value x = g.channelsFirst(inputs.get(0));
        String pooled = g.node("GlobalAveragePool", List.of(x.name()));
        String y = g.node("Flatten", List.of(pooled), OnnxGraph.Attribute.of("axis", 1));
        return new OnnxGraph.Value(y, outputShape(spec, List.of(x.shape())), false);
    }
}
