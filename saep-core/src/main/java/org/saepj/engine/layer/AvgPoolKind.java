package org.saepj.engine.layer;

import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.export.OnnxGraph;

/** {@code "avg_pool"}: 2×2 average pooling, stride 2, "valid" ({@link AvgPool2}); ONNX AveragePool on NCHW. */
public final class AvgPoolKind implements LayerKind<AvgPoolKind.Spec> {
    /** No settings: the window is 2×2 with stride 2. */
    public record Spec() implements LayerSpec {}

    @Override
    public String type() {
        return "avg_pool";
    }

    @Override
    public Class<Spec> specClass() {
        return Spec.class;
    }

    @Override
    public Shape outputShape(Spec spec, List<Shape> inputs) {
        Shape in = inputs.get(0);
        if (in.height() < 2 || in.width() < 2) {
            throw new IllegalArgumentException("avg_pool needs an image of at least 2×2, got " + in.height() + "×"
                    + in.width() + "×" + in.channels());
        }
        return new Shape(in.height() / 2, in.width() / 2, in.channels());
    }

    @Override
    public Layer create(Spec spec, List<Shape> inputs, Kernels kernels) {
        Shape in = inputs.get(0);
        return new AvgPool2(in.height(), in.width(), in.channels());
    }

    @Override
    public OnnxGraph.Value onnx(
            Spec spec, OnnxGraph g, List<OnnxGraph.Value> inputs, Layer layer, float[] params, float[] state) {
        OnnxGraph.Value x = g.channelsFirst(inputs.get(0));
        String y = g.node(
                "AveragePool",
                List.of(x.name()),
                OnnxGraph.Attribute.ints("kernel_shape", 2, 2),
                OnnxGraph.Attribute.ints("strides", 2, 2));
        return new OnnxGraph.Value(y, outputShape(spec, List.of(x.shape())), true);
    }
}
