package org.saepj.engine.layer;

import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;

/** {@code "max_pool"}: 2×2 max pooling, stride 2, "valid" ({@link MaxPool2}); ONNX MaxPool on NCHW. */
public final class MaxPoolKind extends Pool2Kind<MaxPoolKind.Spec> {
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
    public Layer create(Spec spec, List<Shape> inputs, Kernels kernels) {
        Shape in = inputs.get(0);
        return new MaxPool2(in.height(), in.width(), in.channels(), kernels);
    }

    @Override
    String onnxOperator() {
        return "MaxPool";
    }
}
