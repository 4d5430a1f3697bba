package org.saepj.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.Iterator;
import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.Network;
import org.saepj.engine.layer.BatchNormKind;
import org.saepj.engine.layer.Conv2DKind;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.FlattenKind;
import org.saepj.engine.layer.Layer;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.LayerSpec;

/**
 * Gives a DJL/PyTorch block our network's current parameters and batch-normalisation statistics, so that both engines
 * start a run from the same weights. The block must be the same network built layer for layer in the same order (as
 * {@link ResidualCnn#djlBlock()} builds it) and already initialised. The layouts differ: our convolution kernels are
 * {@code [kh, kw, in, out]} and PyTorch's {@code [out, in, kh, kw]}; our dense weights {@code [in, out]} and DJL's
 * {@code [out, in]}; our flatten reads an image channels-last ({@code (h·W + w)·C + c}) and DJL's channels-first
 * ({@code c·H·W + h·W + w}), so a dense layer after a flatten also has its inputs reordered.
 */
final class SharedWeights {
    private SharedWeights() {}

    /**
     * @param ours the network whose values are copied
     * @param djl the same network in DJL, initialised; its parameters and running statistics are overwritten
     * @throws IllegalArgumentException where the block is not the same network
     */
    static void copy(Network ours, Block djl) {
        Iterator<Parameter> theirs = djl.getParameters().values().iterator();
        LayerGraph graph = ours.graph();
        List<Layer> layers = ours.layers();
        float[] params = ours.parameters();
        float[] state = ours.state();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            LayerSpec spec = graph.nodes().get(i).spec();
            int at = layer.offset();
            long taken;
            if (spec instanceof Conv2DKind.Spec) {
                NDArray w = next(theirs, "weight", spec);
                long[] s = w.getShape().getShape();
                check(w.size() + s[0], layer.parameterCount(), spec);
                set(w, convKernel(params, at, (int) s[2], (int) s[1], (int) s[0]));
                taken = w.size() + set(next(theirs, "bias", spec), params, at + (int) w.size());
            } else if (spec instanceof DenseKind.Spec) {
                NDArray w = next(theirs, "weight", spec);
                long[] s = w.getShape().getShape();
                check(w.size() + s[0], layer.parameterCount(), spec);
                set(w, denseWeights(params, at, (int) s[1], (int) s[0], flattenedImage(graph, i)));
                taken = w.size() + set(next(theirs, "bias", spec), params, at + (int) w.size());
            } else if (spec instanceof BatchNormKind.Spec) {
                NDArray gamma = next(theirs, "gamma", spec);
                int channels = (int) gamma.size();
                check(2L * channels, layer.parameterCount(), spec);
                check(2L * channels, layer.stateCount(), spec);
                set(gamma, params, at);
                taken = channels + set(next(theirs, "beta", spec), params, at + channels);
                set(next(theirs, "runningMean", spec), state, layer.stateOffset());
                set(next(theirs, "runningVar", spec), state, layer.stateOffset() + channels);
            } else if (layer.parameterCount() > 0 || layer.stateCount() > 0) {
                throw new IllegalArgumentException("no DJL layout for the parameters of " + spec);
            } else {
                taken = 0;
            }
            check(taken, layer.parameterCount(), spec);
        }
        if (theirs.hasNext()) {
            throw new IllegalArgumentException("the DJL block has more parameters than " + ours.architecture());
        }
    }

    /**
     * @return the image a flatten turns into the dense layer {@code node}'s input, or null where its input is no
     *     flattened image
     */
    private static Shape flattenedImage(LayerGraph graph, int node) {
        int in = graph.inputsOf(node)[0];
        if (in < 0 || !(graph.nodes().get(in).spec() instanceof FlattenKind.Spec)) {
            return null;
        }
        Shape image = graph.inputShapes(in).get(0);
        return image.isImage() ? image : null;
    }

    /** @return our {@code [k, k, in, out]} kernel at {@code at} as PyTorch's {@code [out, in, k, k]} */
    static float[] convKernel(float[] params, int at, int k, int in, int out) {
        float[] t = new float[k * k * in * out];
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                for (int c = 0; c < in; c++) {
                    for (int o = 0; o < out; o++) {
                        t[((o * in + c) * k + ky) * k + kx] = params[at + ((ky * k + kx) * in + c) * out + o];
                    }
                }
            }
        }
        return t;
    }

    /**
     * @param image the channels-last image our flatten read to make the inputs, or null for inputs in the same order
     * @return our {@code [in, out]} weights at {@code at} as DJL's {@code [out, in]}, the inputs in DJL's order
     */
    static float[] denseWeights(float[] params, int at, int in, int out, Shape image) {
        float[] t = new float[in * out];
        for (int r = 0; r < in; r++) {
            int djlInput = r;
            if (image != null) {
                int c = r % image.channels();
                int pixel = r / image.channels();
                djlInput = c * image.height() * image.width() + pixel;
            }
            for (int o = 0; o < out; o++) {
                t[o * in + djlInput] = params[at + r * out + o];
            }
        }
        return t;
    }

    private static NDArray next(Iterator<Parameter> theirs, String name, LayerSpec spec) {
        if (!theirs.hasNext()) {
            throw new IllegalArgumentException("the DJL block has no " + name + " for our " + spec);
        }
        Parameter p = theirs.next();
        if (!p.getName().equals(name)) {
            throw new IllegalArgumentException(
                    "the DJL block has " + p.getName() + " where our " + spec + " has its " + name);
        }
        return p.getArray();
    }

    /** @return the values set */
    private static long set(NDArray target, float[] values, int from) {
        set(target, java.util.Arrays.copyOfRange(values, from, from + (int) target.size()));
        return target.size();
    }

    private static void set(NDArray target, float[] values) {
        target.set(values);
    }

    private static void check(long theirs, int ours, LayerSpec spec) {
        if (theirs != ours) {
            throw new IllegalArgumentException(
                    "the DJL block's " + spec + " holds " + theirs + " values where ours holds " + ours);
        }
    }
}
