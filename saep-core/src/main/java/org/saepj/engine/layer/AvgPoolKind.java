package org.saepj.engine.layer;

import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;

/** {@code "avg_pool"}: 2×2 average pooling, stride 2, "valid" ({@link AvgPool2}); ONNX AveragePool on NCHW. */
public final class AvgPoolKind extends Pool2Kind<AvgPoolKind.Spec> {
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
    public Layer create(Spec spec, List<Shape> inputs, Kernels kernels) {
        Shape in = inputs.get(0);
        return new AvgPool2(in.height(), in.width(), in.channels(), kernels);
    }

    @Override
    String onnxOperator() {
        return "AveragePool";
    }
}
