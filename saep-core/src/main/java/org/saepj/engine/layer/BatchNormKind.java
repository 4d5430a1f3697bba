package org.saepj.engine.layer;

import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.export.OnnxGraph;

/**
 * {@code "batch_norm"}: batch normalisation per channel ({@link BatchNorm}); in ONNX its inference form, one Mul and
 * one Add by the folded per-channel scale and shift.
 */
public final class BatchNormKind implements LayerKind<BatchNormKind.Spec> {
    /**
     * @param momentum m, the weight of a batch in the running statistics (PyTorch's convention; 0.1 there)
     * @param epsilon ε, added to the variance (1e-5 in PyTorch)
     */
    public record Spec(double momentum, double epsilon) implements LayerSpec {
        /**
         * Checks the values.
         *
         * @param momentum m in (0, 1]
         * @param epsilon ε &gt; 0
         */
        public Spec {
            if (!(momentum > 0 && momentum <= 1) || !(epsilon > 0) || Double.isInfinite(epsilon)) {
                throw new IllegalArgumentException("batch_norm needs a momentum in (0, 1] and an epsilon > 0, got "
                        + momentum + " and "
                        + epsilon);
            }
        }

        /** @return PyTorch's defaults: momentum 0.1, epsilon 1e-5 */
        public static Spec defaults() {
            return new Spec(0.1, 1e-5);
        }
    }

    @Override
    public String type() {
        return "batch_norm";
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
    public long parameterCount(Spec spec, List<Shape> inputs) {
        return 2L * inputs.get(0).channels();
    }

    @Override
    public Layer create(Spec spec, List<Shape> inputs, Kernels kernels) {
        Shape in = inputs.get(0);
        return new BatchNorm(
                in.height() * in.width(), in.channels(), (float) spec.momentum(), (float) spec.epsilon(), kernels);
    }

    @Override
    public OnnxGraph.Value onnx(
            Spec spec, OnnxGraph g, List<OnnxGraph.Value> inputs, Layer layer, float[] params, float[] state) {
        OnnxGraph.Value x = inputs.get(0);
        BatchNorm bn = (BatchNorm) layer;
        Shape s = x.shape();
        int c = s.channels();
        // Channels-first: one value per channel, broadcast as [C, 1, 1]; flat H×W×C: the values repeated per position.
        int repeat = x.channelsFirst() ? 1 : s.height() * s.width();
        float[] scale = new float[repeat * c];
        float[] shift = new float[repeat * c];
        for (int k = 0; k < c; k++) {
            float[] f = bn.folded(params, state, k);
            for (int p = 0; p < repeat; p++) {
                scale[p * c + k] = f[0];
                shift[p * c + k] = f[1];
            }
        }
        long[] dims = x.channelsFirst() ? new long[] {c, 1, 1} : new long[] {(long) repeat * c};
        String y = g.node("Mul", List.of(x.name(), g.floats("bn_scale", scale, dims)));
        return x.renamed(g.node("Add", List.of(y, g.floats("bn_shift", shift, dims))));
    }
}
