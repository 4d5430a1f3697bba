package org.saepj.engine.layer;

import java.util.ArrayList;
import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.export.OnnxGraph;

/** {@code "add"}: the elementwise sum of two or more inputs of one shape ({@link Add}); ONNX Add, left to right. */
public final class AddKind implements LayerKind<AddKind.Spec> {
    /** No settings. */
    public record Spec() implements LayerSpec {}

    @Override
    public String type() {
        return "add";
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
        for (Shape s : inputs) {
            if (!s.equals(first)) {
                throw new IllegalArgumentException("add needs inputs of one shape, got " + shapes(inputs));
            }
        }
        return first;
    }

    /** Shapes written in full (a vector as 1×1×n would read as a bare number). */
    static String shapes(List<Shape> inputs) {
        List<String> out = new ArrayList<>();
        for (Shape s : inputs) {
            out.add(s.height() + "×" + s.width() + "×" + s.channels());
        }
        return String.join(" and ", out);
    }

    @Override
    public Layer create(Spec spec, List<Shape> inputs, Kernels kernels) {
        return new Add(inputs.size(), inputs.get(0).size());
    }

    @Override
    public OnnxGraph.Value onnx(
            Spec spec, OnnxGraph g, List<OnnxGraph.Value> inputs, Layer layer, float[] params, float[] state) {
        // One layout for all: channels-first as soon as one input is (the flat ones are then reshaped), else flat.
        boolean channelsFirst = inputs.stream().anyMatch(OnnxGraph.Value::channelsFirst);
        OnnxGraph.Value sum = null;
        for (OnnxGraph.Value v : inputs) {
            OnnxGraph.Value x = channelsFirst ? g.channelsFirst(v) : v;
            sum = sum == null ? x : x.renamed(g.node("Add", List.of(sum.name(), x.name())));
        }
        return sum;
    }
}
