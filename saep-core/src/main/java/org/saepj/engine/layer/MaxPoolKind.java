package org.saepj.engine.layer;

import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.export.OnnxGraph;

/** {@code "max_pool"}: 2×2 max pooling, stride 2, "valid" ({@link MaxPool2}); ONNX MaxPool on NCHW. */
public final class MaxPoolKind implements LayerKind<MaxPoolKind.Spec> {
    /** No settings: the window is 2×2 with stride 2. */
    public record Spec() implements LayerSpec {}

    @Override
    public String type() {
        return "max_pool";
    }

    @Override
    public Class<Spec> specClass() {
        return Spec.class;
    }

    @Override
    public Shape outputShape(Spec spec, List<Shape> inputs) {
        Shape in = inputs.get(0);
        if (in.height() < 2 || in.width() < 2) {
            throw new IllegalArgumentException("max_pool needs an image of at least 2×2, got " + in.height() + "×"
                    + in.width() + "×"
                    + in.channels());
        }
        return new Shape(in.height() / 2, in.width() / 2, in.channels());
    }

    @Override
    public Layer create(Spec spec, List<Shape> inputs, Kernels kernels) {
        Shape in = inputs.get(0);
        return new MaxPool2(in.height(), in.width(), in.channels(), kernels);
    }

    @Override
    public OnnxGraph.Value onnx(
            Spec spec, OnnxGraph g, List<OnnxGraph.Value> inputs, Layer layer, float[] params, float[] state) {
        OnnxGraph.Value x = g.channelsFirst(inputs.get(0));
        String y = g.node(
                "MaxPool",
                List.of(x.name()),
                OnnxGraph.Attribute.ints("kernel_shape", 2, 2),
                OnnxGraph.Attribute.ints("strides", 2, 2));
        return new OnnxGraph.Value(y, outputShape(spec, List.of(x.shape())), true);
    }
}
