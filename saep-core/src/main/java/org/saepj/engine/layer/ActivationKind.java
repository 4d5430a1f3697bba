package org.saepj.engine.layer;

import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.export.OnnxGraph;

/**
 * What every activation kind shares: one input of any shape, the same shape out, no parameters, ONNX nodes in the
 * input's layout. A kind gives its type, its spec record, its runtime layer and the nodes computing it.
 *
 * @param <S> the kind's spec record
 */
abstract class ActivationKind<S extends LayerSpec> implements LayerKind<S> {
    @Override
    public final Shape outputShape(S spec, List<Shape> inputs) {
        return inputs.get(0);
    }

    @Override
    public final Layer create(S spec, List<Shape> inputs, Kernels kernels) {
        return layer(inputs.get(0).size(), kernels);
    }

    @Override
    public final OnnxGraph.Value onnx(
            S spec, OnnxGraph g, List<OnnxGraph.Value> inputs, Layer layer, float[] params, float[] state) {
        OnnxGraph.Value x = inputs.get(0);
        return x.renamed(onnx(g, x.name()));
    }

    /**
     * @param size the values per sample
     * @param kernels the engine's kernels
     * @return the runtime layer
     */
    abstract Layer layer(int size, Kernels kernels);

    /**
     * @param g the graph being built
     * @param x the input's name
     * @return the name of the node whose output is the activation of x
     */
    abstract String onnx(OnnxGraph g, String x);
}
