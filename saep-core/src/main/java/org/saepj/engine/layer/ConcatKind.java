package org.saepj.engine.layer;

import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.export.OnnxGraph;

/**
 * {@code "concat"}: two or more inputs of one height and width joined along the channels, the features of flat inputs
 * ({@link Concat}); ONNX Concat on axis 1, of NCHW tensors for images.
 */
public final class ConcatKind implements LayerKind<ConcatKind.Spec> {
    /** No settings: the axis is always the channels. */
    public record Spec() implements LayerSpec {}

    @Override
    public String type() {
        return "concat";
    }

    @Override
    public Class<Spec> specClass() {
        return Spec.class;
    }

    @Override
    public boolean merges() {
        return true;
    }

    @Override
    public Shape outputShape(Spec spec, List<Shape> inputs) {
        Shape first = inputs.get(0);
        int channels = 0;
        for (Shape s : inputs) {
            if (s.height() != first.height() || s.width() != first.width()) {
                throw new IllegalArgumentException(
                        "concat needs inputs of one height and width, got " + AddKind.shapes(inputs));
            }
            channels += s.channels();
        }
        return new Shape(first.height(), first.width(), channels);
    }

    @Override
    public Layer create(Spec spec, List<Shape> inputs, Kernels kernels) {
        int[] channels = new int[inputs.size()];
        for (int k = 0; k < channels.length; k++) {
            channels[k] = inputs.get(k).channels();
        }
        Shape first = inputs.get(0);
        return new Concat(first.height() * first.width(), channels);
    }

    @Override
    public OnnxGraph.Value onnx(
            Spec spec, OnnxGraph g, List<OnnxGraph.Value> inputs, Layer layer, float[] params, float[] state) {
        Shape out =
                outputShape(spec, inputs.stream().map(OnnxGraph.Value::shape).toList());
        // Flat vectors join along their features; anything with positions joins channels-first, on the channel axis.
        boolean channelsFirst = out.isImage() || inputs.stream().anyMatch(OnnxGraph.Value::channelsFirst);
        List<String> names = inputs.stream()
                .map(v -> channelsFirst ? g.channelsFirst(v).name() : v.name())
                .toList();
        return new OnnxGraph.Value(g.node("Concat", names, OnnxGraph.Attribute.of("axis", 1)), out, channelsFirst);
    }
}
