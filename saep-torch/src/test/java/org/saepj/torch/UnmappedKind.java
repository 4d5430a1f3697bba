package org.saepj.torch;

import java.util.List;
import org.saepj.UsageException;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.layer.Layer;
import org.saepj.engine.layer.LayerKind;
import org.saepj.engine.layer.LayerSpec;
import org.saepj.engine.layer.Relu;
import org.saepj.export.OnnxGraph;

/**
 * A plug-in layer kind the PyTorch backend has no form for (a ReLU under another name), registered for this module's
 * tests only.
 */
public final class UnmappedKind implements LayerKind<UnmappedKind.Spec> {
    /** No settings. */
    public record Spec() implements LayerSpec {}

    @Override
    public String type() {
        return "test_unmapped";
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
    public Layer create(Spec spec, List<Shape> inputs, Kernels kernels) {
        return new Relu(inputs.get(0).size(), kernels);
    }

    @Override
    public OnnxGraph.Value onnx(
            Spec spec, OnnxGraph graph, List<OnnxGraph.Value> inputs, Layer layer, float[] params, float[] state) {
        throw new UsageException("test_unmapped has no ONNX form");
    }
}
