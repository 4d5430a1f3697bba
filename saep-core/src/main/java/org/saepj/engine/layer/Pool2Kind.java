package org.saepj.engine.layer;

import java.util.List;
import org.saepj.data.Shape;
import org.saepj.export.OnnxGraph;

/**
 * What the 2×2, stride-2, "valid" poolings share: the shape rule and the one ONNX node on NCHW. A kind gives its type,
 * its spec record, its runtime layer and its ONNX operator.
 *
 * @param <S> the kind's spec record
 */
abstract class Pool2Kind<S extends LayerSpec> implements LayerKind<S> {
    @Override
    public final Shape outputShape(S spec, List<Shape> inputs) {
        Shape in = inputs.get(0);
        if (in.height() < 2 || in.width() < 2) {
            throw new IllegalArgumentException(type() + " needs an image of at least 2×2, got " + in.height() + "×"
                    + in.width() + "×" + in.channels());
        }
        return new Shape(in.height() / 2, in.width() / 2, in.channels());
    }

    @Override
    public final OnnxGraph.Value onnx(
            S spec, OnnxGraph g, List<OnnxGraph.Value> inputs, Layer layer, float[] params, float[] state) {
        OnnxGraph.Value x = g.channelsFirst(inputs.get(0));
        String y = g.node(
                onnxOperator(),
                List.of(x.name()),
                OnnxGraph.Attribute.ints("kernel_shape", 2, 2),
                OnnxGraph.Attribute.ints("strides", 2, 2));
        return new OnnxGraph.Value(y, outputShape(spec, List.of(x.shape())), true);
    }

    /** @return the ONNX operator ({@code MaxPool}, {@code AveragePool}) */
    abstract String onnxOperator();
}
