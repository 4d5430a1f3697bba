package org.saepj.engine.layer;

import java.util.Arrays;
import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.export.OnnxGraph;

/**
 * {@code "periodic_embedding"}: each numerical feature of a flat input embedded by its own trained frequencies and
 * linear map ({@link PeriodicEmbedding}; followed by a {@code relu}, Gorishniy et al.'s PLR). ONNX: the input reshaped
 * to {@code [N, F, 1]}, multiplied by 2π·c ({@code [F, k]}), Cos and Sin concatenated, then a batched MatMul with the
 * weights {@code [F, 2k, d]}, flattened to {@code [N, F·d]} and the biases added.
 */
public final class PeriodicEmbeddingKind implements LayerKind<PeriodicEmbeddingKind.Spec> {
    /**
     * @param frequencies the trained frequencies k of each feature
     * @param dims the embedding's size d per feature
     * @param sigma the deviation the frequencies start from: the scale of the features' variation the embedding first
     *     sees (the authors tune it in [0.01, 100]; on standardised features 0.1 to 1)
     */
    public record Spec(int frequencies, int dims, double sigma) implements LayerSpec {
        /**
         * Checks the settings.
         *
         * @param frequencies at least 1
         * @param dims at least 1
         * @param sigma above 0
         */
        public Spec {
            if (frequencies < 1 || frequencies > 1024) {
                throw new IllegalArgumentException(
                        "periodic_embedding: frequencies must be 1 to 1024, got " + frequencies);
            }
            if (dims < 1 || dims > 1024) {
                throw new IllegalArgumentException("periodic_embedding: dims must be 1 to 1024, got " + dims);
            }
            if (!(sigma > 0 && Double.isFinite(sigma))) {
                throw new IllegalArgumentException(
                        "periodic_embedding: sigma must be a number above 0, such as 0.1, got " + sigma);
            }
        }
    }

    @Override
    public String type() {
        return "periodic_embedding";
    }

    @Override
    public Class<Spec> specClass() {
        return Spec.class;
    }

    @Override
    public Shape outputShape(Spec spec, List<Shape> inputs) {
        Shape in = inputs.get(0);
        if (in.isImage()) {
            throw new IllegalArgumentException("periodic_embedding embeds a table's features and needs a flat input,"
                    + " got " + in.height() + "×" + in.width() + "×" + in.channels() + ": put a flatten before it");
        }
        return Shape.vector(Math.toIntExact((long) in.size() * spec.dims()));
    }

    @Override
    public long parameterCount(Spec spec, List<Shape> inputs) {
        return PeriodicEmbedding.count(inputs.get(0).size(), spec.frequencies(), spec.dims());
    }

    @Override
    public Layer create(Spec spec, List<Shape> inputs, Kernels kernels) {
        return new PeriodicEmbedding(inputs.get(0).size(), spec.frequencies(), spec.dims(), spec.sigma());
    }

    @Override
    public OnnxGraph.Value onnx(
            Spec spec, OnnxGraph g, List<OnnxGraph.Value> inputs, Layer layer, float[] params, float[] state) {
        OnnxGraph.Value x = g.flat(inputs.get(0));
        int f = x.shape().size();
        int k = spec.frequencies();
        int d = spec.dims();
        int at = layer.offset();
        float[] angular = new float[f * k];
        for (int i = 0; i < angular.length; i++) {
            angular[i] = PeriodicEmbedding.TWO_PI * params[at + i]; // as the engine multiplies: (2π·c)·x
        }
        int weightsAt = at + f * k;
        int biasesAt = weightsAt + f * 2 * k * d;
        String column = g.node("Reshape", List.of(x.name(), g.longs("pe_shape", -1, f, 1)));
        String angle = g.node("Mul", List.of(column, g.floats("pe_freq", angular, f, k)));
        String both = g.node(
                "Concat",
                List.of(g.node("Cos", List.of(angle)), g.node("Sin", List.of(angle))),
                OnnxGraph.Attribute.of("axis", 2));
        String rows = g.node("Reshape", List.of(both, g.longs("pe_shape", -1, f, 1, 2L * k)));
        String weights = g.floats("pe_w", Arrays.copyOfRange(params, weightsAt, biasesAt), f, 2L * k, d);
        String product = g.node("MatMul", List.of(rows, weights));
        String flat = g.node("Reshape", List.of(product, g.longs("pe_shape", -1, (long) f * d)));
        String biases = g.floats("pe_b", Arrays.copyOfRange(params, biasesAt, biasesAt + f * d), (long) f * d);
        return new OnnxGraph.Value(g.node("Add", List.of(flat, biases)), Shape.vector(f * d), false);
    }
}
