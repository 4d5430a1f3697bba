package org.example.layernorm;

import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.layer.Layer;
import org.saepj.engine.layer.LayerKind;
import org.saepj.engine.layer.LayerSpec;
import org.saepj.export.OnnxGraph;

/**
 * {@code "layer_norm"}: layer normalisation (Ba, Kiros and Hinton 2016) over the features of a flat input
 * ({@link LayerNorm}), a SAEP-J layer kind shipped as a plug-in. SAEP-J finds it through
 * {@code META-INF/services/org.saepj.engine.layer.LayerKind} once this jar is on its class path.
 *
 * <p>In ONNX (opset 13, where LayerNormalization does not exist yet) it is spelt out: ReduceMean, Sub, Mul,
 * ReduceMean, Add ε, Sqrt, Div, then Mul γ and Add β.
 */
public final class LayerNormKind implements LayerKind<LayerNormKind.Spec> {
    /**
     * @param epsilon ε, added to the variance (1e-5 in PyTorch)
     */
    public record Spec(double epsilon) implements LayerSpec {
        /**
         * Checks the value.
         *
         * @param epsilon ε &gt; 0, finite
         */
        public Spec {
            if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
                throw new IllegalArgumentException("layer_norm needs an epsilon > 0, got " + epsilon);
            }
        }
    }

    @Override
    public String type() {
        return "layer_norm";
    }

    @Override
    public Class<Spec> specClass() {
        return Spec.class;
    }

    @Override
    public Shape outputShape(Spec spec, List<Shape> inputs) {
        Shape in = inputs.get(0);
        if (in.isImage()) {
            // Per-feature γ and β over an image would be per pixel and channel; flatten first to say so explicitly.
            throw new IllegalArgumentException(
                    "layer_norm needs a flat input (features), got " + in + ": add a flatten layer before it");
        }
        return in;
    }

    @Override
    public long parameterCount(Spec spec, List<Shape> inputs) {
        return 2L * inputs.get(0).size();
    }

    @Override
    public Layer create(Spec spec, List<Shape> inputs, Kernels kernels) {
        return new LayerNorm(inputs.get(0).size(), spec.epsilon());
    }

    @Override
    public OnnxGraph.Value onnx(
            Spec spec, OnnxGraph g, List<OnnxGraph.Value> inputs, Layer layer, float[] params, float[] state) {
        OnnxGraph.Value x = g.flat(inputs.get(0));
        int n = layer.inputSize();
        float[] gamma = new float[n];
        float[] beta = new float[n];
        System.arraycopy(params, layer.offset(), gamma, 0, n);
        System.arraycopy(params, layer.offset() + n, beta, 0, n);
        // Opset 13: ReduceMean takes its axes as an attribute (an input only from opset 18).
        OnnxGraph.Attribute features = OnnxGraph.Attribute.ints("axes", 1);
        String mean = g.node("ReduceMean", List.of(x.name()), features, OnnxGraph.Attribute.of("keepdims", 1));
        String centred = g.node("Sub", List.of(x.name(), mean));
        String squared = g.node("Mul", List.of(centred, centred));
        String variance = g.node("ReduceMean", List.of(squared), features, OnnxGraph.Attribute.of("keepdims", 1));
        String eps = g.floats("ln_epsilon", new float[] {(float) spec.epsilon()}, 1);
        String std = g.node("Sqrt", List.of(g.node("Add", List.of(variance, eps))));
        String normalised = g.node("Div", List.of(centred, std));
        String scaled = g.node("Mul", List.of(normalised, g.floats("ln_gamma", gamma, n)));
        return x.renamed(g.node("Add", List.of(scaled, g.floats("ln_beta", beta, n))));
    }
}
