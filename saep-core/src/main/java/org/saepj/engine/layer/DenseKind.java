package org.saepj.engine.layer;

import java.util.Arrays;
import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.export.OnnxGraph;

/** {@code "dense"}: a fully connected layer ({@link Dense}) on a flat input; ONNX Gemm with the [in][out] weights. */
public final class DenseKind implements LayerKind<DenseKind.Spec> {
    /**
     * @param units the layer's outputs
     */
    public record Spec(int units) implements LayerSpec {
        /**
         * Checks the size.
         *
         * @param units the layer's outputs, at least 1
         */
        public Spec {
            if (units < 1) {
                throw new IllegalArgumentException("dense: units must be at least 1, got " + units);
            }
        }
    }

    @Override
    public String type() {
        return "dense";
    }

    @Override
    public Class<Spec> specClass() {
        return Spec.class;
    }

    @Override
    public Shape outputShape(Spec spec, List<Shape> inputs) {
        Shape in = inputs.get(0);
        if (in.isImage()) {
            throw new IllegalArgumentException("dense needs a flat input, got " + in.height() + "×" + in.width() + "×"
                    + in.channels()
                    + ": put a flatten before it");
        }
        return Shape.vector(spec.units());
    }

    @Override
    public long parameterCount(Spec spec, List<Shape> inputs) {
        return (long) inputs.get(0).size() * spec.units() + spec.units();
    }

    @Override
    public Layer create(Spec spec, List<Shape> inputs, Kernels kernels) {
        return new Dense(inputs.get(0).size(), spec.units(), kernels);
    }

    @Override
    public OnnxGraph.Value onnx(
            Spec spec, OnnxGraph g, List<OnnxGraph.Value> inputs, Layer layer, float[] params, float[] state) {
        OnnxGraph.Value x = g.flat(inputs.get(0));
        int in = x.shape().size();
        int out = spec.units();
        int at = layer.offset();
        String weight = g.floats("dense_w", Arrays.copyOfRange(params, at, at + in * out), in, out);
        String bias = g.floats("dense_b", Arrays.copyOfRange(params, at + in * out, at + in * out + out), out);
        return new OnnxGraph.Value(g.node("Gemm", List.of(x.name(), weight, bias)), Shape.vector(out), false);
    }
}
