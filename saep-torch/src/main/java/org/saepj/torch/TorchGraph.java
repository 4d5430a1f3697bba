package org.saepj.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.saepj.UsageException;
import org.saepj.engine.Network;
import org.saepj.engine.layer.AddKind;
import org.saepj.engine.layer.AvgPoolKind;
import org.saepj.engine.layer.BatchNormKind;
import org.saepj.engine.layer.ConcatKind;
import org.saepj.engine.layer.Conv2DKind;
import org.saepj.engine.layer.ConvAxis;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.DropoutKind;
import org.saepj.engine.layer.FlattenKind;
import org.saepj.engine.layer.GeluKind;
import org.saepj.engine.layer.GlobalAvgPoolKind;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.LayerKinds;
import org.saepj.engine.layer.LayerSpec;
import org.saepj.engine.layer.MaxPoolKind;
import org.saepj.engine.layer.Pass;
import org.saepj.engine.layer.ReluKind;
import org.saepj.engine.layer.SiluKind;

/**
 * A network's layer graph as PyTorch operations: the training forward pass of each node on tensors, with the
 * engine's parameter layout ({@link #parameters}) and the engine's arithmetic as the cross-check tests pin it. Images
 * are NCHW inside (PyTorch's layout; the engine's is H×W×C), flattened in H×W×C order as the engine flattens. Batch
 * normalisation's running statistics live here, on the device, between steps. Dropout multiplies by the engine's own
 * mask, drawn from the network's seed, the node and the step, so both backends drop the same values.
 */
final class TorchGraph {
    /** One node's training forward pass. */
    private interface Op {
        NDArray apply(List<NDArray> inputs, List<NDArray> params, int batch, long step);
    }

    /** A run of the flat parameter array that is one tensor, in the engine's layout. */
    record Slice(int node, int offset, Shape shape) {}

    private final LayerGraph graph;
    private final List<Op> ops = new ArrayList<>();
    private final List<Slice> slices = new ArrayList<>();
    /** Per batch-normalisation node: its state offset, running mean and running variance. */
    private final List<Running> running = new ArrayList<>();

    private record Running(int stateOffset, NDArray mean, NDArray variance) {}

    /**
     * @param net the engine's network (parameters laid out by its layers; state for the running statistics)
     * @param root the manager the running statistics live in, on the training device
     * @throws UsageException naming the first layer kind without a PyTorch form here
     */
    TorchGraph(Network net, NDManager root) {
        this.graph = net.graph();
        for (int i = 0; i < graph.nodes().size(); i++) {
            ops.add(op(i, net, root));
        }
    }

    /** @return the parameter tensors in the engine's order */
    List<Slice> parameters() {
        return slices;
    }

    private Op op(int node, Network net, NDManager root) {
        LayerSpec spec = graph.nodes().get(node).spec();
        org.saepj.data.Shape in = graph.inputShapes(node).get(0);
        int offset = net.layers().get(node).offset();
        if (spec instanceof DenseKind.Spec dense) {
            param(node, offset, new Shape(in.size(), dense.units()));
            param(node, offset + in.size() * dense.units(), new Shape(dense.units()));
            return (x, p, b, s) -> x.get(0).matMul(p.get(0)).add(p.get(1));
        }
        if (spec instanceof Conv2DKind.Spec conv) {
            return conv(node, offset, conv, in);
        }
        if (spec instanceof BatchNormKind.Spec norm) {
            int c = in.isImage() ? in.channels() : in.size();
            param(node, offset, new Shape(c));
            param(node, offset + c, new Shape(c));
            int at = net.layers().get(node).stateOffset();
            float[] state = net.state();
            NDArray mean = root.create(FloatBuffer.wrap(state, at, c), new Shape(c));
            NDArray variance = root.create(FloatBuffer.wrap(state, at + c, c), new Shape(c));
            running.add(new Running(at, mean, variance));
            // DJL's momentum is the weight of the running statistics (MXNet's convention), the engine's the batch's.
            float momentum = (float) (1 - norm.momentum());
            float epsilon = (float) norm.epsilon();
            return (x, p, b, s) -> BatchNorm.batchNorm(
                            x.get(0), mean, variance, p.get(0), p.get(1), 1, momentum, epsilon, true)
                    .singletonOrThrow();
        }
        if (spec instanceof ReluKind.Spec) {
            return (x, p, b, s) -> Activation.relu(x.get(0));
        }
        if (spec instanceof GeluKind.Spec) {
            return (x, p, b, s) -> Activation.gelu(x.get(0)); // PyTorch's exact (erf) GELU, as the engine's
        }
        if (spec instanceof SiluKind.Spec) {
            return (x, p, b, s) -> x.get(0).mul(Activation.sigmoid(x.get(0)));
        }
        if (spec instanceof MaxPoolKind.Spec) {
            return (x, p, b, s) -> Pool.maxPool2d(x.get(0), new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
        }
        if (spec instanceof AvgPoolKind.Spec) {
            return (x, p, b, s) ->
                    Pool.avgPool2d(x.get(0), new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
        }
        if (spec instanceof GlobalAvgPoolKind.Spec) {
            return (x, p, b, s) -> Pool.globalAvgPool2d(x.get(0)).reshape(b, in.channels());
        }
        if (spec instanceof FlattenKind.Spec) {
            return (x, p, b, s) -> in.isImage() ? x.get(0).transpose(0, 2, 3, 1).reshape(b, in.size()) : x.get(0);
        }
        if (spec instanceof AddKind.Spec) {
            return (x, p, b, s) -> {
                NDArray sum = x.get(0);
                for (int k = 1; k < x.size(); k++) {
                    sum = sum.add(x.get(k));
                }
                return sum;
            };
        }
        if (spec instanceof ConcatKind.Spec) {
            // channels of NCHW images, features of flat inputs: axis 1 either way, in input order as the engine
            return (x, p, b, s) -> NDArrays.concat(new NDList(x), 1);
        }
        if (spec instanceof DropoutKind.Spec dropout) {
            Pass pass = new Pass(new float[0]);
            pass.seed(net.seed());
            org.saepj.engine.layer.Layer layer = net.layers().get(node);
            float rate = (float) dropout.rate();
            return (x, p, b, s) -> {
                pass.step(s);
                return x.get(0).mul(mask(x.get(0).getManager(), pass.seed(layer), rate, b, in));
            };
        }
        throw new UsageException("--backend pytorch: layer kind '" + LayerKinds.typeOf(spec) + "' (node '"
                + graph.nodes().get(node).id() + "') has no PyTorch form; use --backend vector for this space");
    }

    private Op conv(int node, int offset, Conv2DKind.Spec conv, org.saepj.data.Shape in) {
        int k = conv.kernel();
        int f = conv.filters();
        param(node, offset, new Shape(k, k, in.channels(), f));
        param(node, offset + k * k * in.channels() * f, new Shape(f));
        boolean same = Conv2DKind.SAME.equals(conv.padding());
        ConvAxis rows = ConvAxis.of(in.height(), k, conv.stride(), same);
        ConvAxis cols = ConvAxis.of(in.width(), k, conv.stride(), same);
        boolean symmetric = rows.before() == rows.after() && cols.before() == cols.after();
        Shape stride = new Shape(conv.stride(), conv.stride());
        // PyTorch pads symmetrically; same padding's odd zero goes after the input, so that case pads by hand
        Shape padding = symmetric ? new Shape(rows.before(), cols.before()) : new Shape(0, 0);
        return (x, p, b, s) -> {
            NDArray h = symmetric ? x.get(0) : pad(x.get(0), rows, cols);
            return Conv2d.conv2d(h, p.get(0).transpose(3, 2, 0, 1), p.get(1), stride, padding)
                    .singletonOrThrow();
        };
    }

    private void param(int node, int offset, Shape shape) {
        slices.add(new Slice(node, offset, shape));
    }

    /**
     * The training forward pass.
     *
     * @param input the batch, NCHW for images, {@code batch × features} otherwise
     * @param params the parameter tensors, in the order of {@link #parameters()}
     * @param batch the number of samples
     * @param step the training step (the dropout masks' stream)
     * @return the logits, {@code batch × classes}
     */
    NDArray forward(NDArray input, List<NDArray> params, int batch, long step) {
        int n = ops.size();
        NDArray[] out = new NDArray[n];
        List<List<NDArray>> byNode = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byNode.add(new ArrayList<>());
        }
        for (int j = 0; j < slices.size(); j++) {
            byNode.get(slices.get(j).node()).add(params.get(j));
        }
        for (int i = 0; i < n; i++) {
            List<NDArray> inputs = new ArrayList<>();
            for (int from : graph.inputsOf(i)) {
                inputs.add(from < 0 ? input : out[from]);
            }
            out[i] = ops.get(i).apply(inputs, byNode.get(i), batch, step);
        }
        return out[n - 1];
    }

    /**
     * Writes the running statistics into the engine's state array.
     *
     * @param state the network's state
     */
    void copyState(float[] state) {
        for (Running r : running) {
            float[] mean = r.mean().toFloatArray();
            float[] variance = r.variance().toFloatArray();
            System.arraycopy(mean, 0, state, r.stateOffset(), mean.length);
            System.arraycopy(variance, 0, state, r.stateOffset() + mean.length, variance.length);
        }
    }

    /** The engine's dropout multipliers (1/(1 − rate) kept, 0 dropped) in its H×W×C order, as this layout's tensor. */
    private static NDArray mask(NDManager m, long seed, float rate, int batch, org.saepj.data.Shape in) {
        float scale = 1 / (1 - rate);
        float[] values = new float[batch * in.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Pass.uniform(seed, i) >= rate ? scale : 0f;
        }
        if (!in.isImage()) {
            return m.create(values, new Shape(batch, in.size()));
        }
        return m.create(values, new Shape(batch, in.height(), in.width(), in.channels()))
                .transpose(0, 3, 1, 2);
    }

    /** Zero rows above and below, zero columns left and right of an NCHW batch, as the engine pads. */
    private static NDArray pad(NDArray nchw, ConvAxis rows, ConvAxis cols) {
        // PyTorch's constant_pad_nd: the last axis's (before, after) first, then the one before it
        return nchw.pad(new Shape(cols.before(), cols.after(), rows.before(), rows.after()), 0);
    }
}
