package org.saepj.engine.layer;

import java.util.List;

/**
 * How a training pass runs a graph's layers: each node alone, except a {@link RectifyingLayer} (batch normalisation)
 * whose output only a ReLU, the next node, reads; and when only a 2×2 max pooling of even sides, the node after, reads
 * that ReLU's output, the pool too. Such a run is one call each way: the forward pass writes the last node's output
 * (the ReLU's, or the pool's) in the layer's own sweep, and the backward pass applies the ReLU's mask and the pool's
 * routing inside the layer's sweeps instead of passes of their own over the gradient. The outputs and input gradients
 * inside the run are not computed (nothing else reads them); every other value goes through the same float
 * operations in the same order as node by node, so parameters, gradients and running statistics are the same bits.
 *
 * <p>A batch norm whose output goes to a residual connection's sum alone, that sum read by a ReLU alone, runs with
 * both as one call the same way: one sweep writes the ReLU's output from the norm's input and the sum's other input,
 * and the backward pass gates the norm's sweeps by the ReLU's output and writes the ReLU's gradient for the other
 * input, the sum's gradient to both; the same bits as node by node.
 *
 * <p>One run more, where the kernels allow it ({@link org.saepj.engine.kernel.Kernels#fusesStem}): a convolution of
 * the network's input whose batch norm, ReLU and pool join as above becomes a {@link StemRun} of four nodes, which
 * never writes the convolution's output. That run computes the same functions with other roundings (its statistics come
 * from the patches' moments), not the same bits as node by node; a plan may leave it out.
 *
 * <p>And a convolution of the network's input whose 2×2 max pool alone reads it, with the ReLU that alone reads the
 * pool where there is one (the paper's CNN), runs as a {@link PooledConvRun}: the convolution's output is pooled a few
 * images at a time while in cache and never written whole; the same bits as node by node.
 */
public final class TrainingPlan {
    private final List<Layer> layers;
    /**
     * Per node: how many nodes its call runs, 1 (alone), 2 (with its ReLU, or a first convolution with its pool), 3
     * (with its ReLU and the pool, or a first convolution with its pool and ReLU) or 4 (a stem's convolution with its
     * batch norm, ReLU and pool).
     */
    private final int[] span;
    /** Per node: the stem's run it starts, where its span is 4. */
    private final StemRun[] stems;
    /** Per node: the run of a first convolution with its pool (and ReLU) it starts, or null. */
    private final PooledConvRun[] pooledConvs;
    /**
     * Per node: where a batch norm's run takes in a residual connection's sum and the ReLU after it, which input of the
     * sum is the other one (the block's input); −1 for any other node.
     */
    private final int[] skipInput;
    /** Per node: whether a node before it runs it. */
    private final boolean[] absorbed;

    /**
     * Finds the runs.
     *
     * @param graph the network's structure
     * @param layers its layers, one per node, in order
     */
    public TrainingPlan(LayerGraph graph, List<Layer> layers) {
        this(graph, layers, true);
    }

    /**
     * Finds the runs, or only those that keep the bits of the layers one by one.
     *
     * @param graph the network's structure
     * @param layers its layers, one per node, in order
     * @param stemRuns whether a stem's convolution, batch norm, ReLU and pool may run as a {@link StemRun} (other
     *     roundings); false keeps every result of the layers one by one to the bit
     */
    public TrainingPlan(LayerGraph graph, List<Layer> layers, boolean stemRuns) {
        int n = graph.nodes().size();
        if (layers.size() != n) {
            throw new IllegalArgumentException("a plan needs one layer per node: " + layers.size() + " for " + n);
        }
        this.layers = List.copyOf(layers);
        this.span = new int[n];
        this.absorbed = new boolean[n];
        this.stems = new StemRun[n];
        this.pooledConvs = new PooledConvRun[n];
        this.skipInput = new int[n];
        java.util.Arrays.fill(skipInput, -1);
        for (int i = 0; i < n; i++) {
            if (!absorbed[i] && sumRun(graph, i)) {
                int[] sum = graph.inputsOf(i + 1);
                skipInput[i] = sum[0] == i ? 1 : 0;
                span[i] = 3;
            } else if (!absorbed[i] && (pooledConvs[i] = pooledConv(graph, i)) != null) {
                span[i] = pooledConvs[i].span();
            } else {
                span[i] = absorbed[i] ? 0 : runFrom(graph, i, stemRuns);
            }
            if (span[i] == 4) {
                stems[i] = new StemRun((Conv2D) layers.get(i), (BatchNorm) layers.get(i + 1));
            }
            for (int k = 1; k < span[i]; k++) {
                absorbed[i + k] = true;
            }
        }
    }

    /**
     * Whether node i (a batch norm) runs with the residual connection's sum that reads it and the ReLU that alone reads
     * that sum: the sum has two inputs, the norm's output goes to it alone, once, and the norm's own input goes to the
     * norm alone (so that its gradient is written, not added, and no buffer for sums is needed twice).
     */
    private boolean sumRun(LayerGraph graph, int i) {
        int n = layers.size();
        if (i + 2 >= n
                || !(layers.get(i) instanceof RectifyingLayer)
                || !(layers.get(i + 1) instanceof Add)
                || !graph.feedsOnlyNext(i + 1)
                || !(layers.get(i + 2) instanceof ChannelMap map && map.step() == Epilogue.Step.RELU)) {
            return false;
        }
        int[] sum = graph.inputsOf(i + 1);
        int[] in = graph.inputsOf(i);
        return sum.length == 2
                && (sum[0] == i) != (sum[1] == i)
                && graph.readOnlyBy(i, i + 1)
                && in.length == 1
                && (in[0] < 0 || graph.readOnlyBy(in[0], i));
    }

    /**
     * @param node a node's index
     * @return where the node's run takes in a residual connection's sum (a batch norm, the sum, the ReLU): which input
     *     of the sum (node {@code node + 1}) is the other one, whose array {@link #forward} and {@link #backward} take
     *     as {@code skip}; −1 for any other node
     */
    public int skipInput(int node) {
        return skipInput[node];
    }

    /**
     * Node i's run as a first convolution with the pool that alone reads it, and the ReLU that alone reads the pool if
     * one does; null where it starts none.
     */
    private PooledConvRun pooledConv(LayerGraph graph, int i) {
        int n = layers.size();
        int[] in = graph.inputsOf(i);
        if (i + 1 >= n
                || !(layers.get(i) instanceof Conv2D conv)
                || in.length != 1
                || in[0] >= 0 // the network's input: no input gradient
                || !graph.feedsOnlyNext(i)
                || !(layers.get(i + 1) instanceof MaxPool2 pool)
                || !PooledConvRun.takes(conv, pool)) {
            return null;
        }
        boolean rectify = i + 2 < n
                && graph.feedsOnlyNext(i + 1)
                && layers.get(i + 2) instanceof ChannelMap map
                && map.step() == Epilogue.Step.RELU;
        return new PooledConvRun(conv, rectify);
    }

    /** @return how many nodes a call from node {@code i} may run: 4, 3, 2 or 1 */
    private int runFrom(LayerGraph graph, int i, boolean stemRuns) {
        int n = layers.size();
        int[] in = graph.inputsOf(i);
        boolean stem = i + 1 < n
                && layers.get(i) instanceof Conv2D conv
                && in.length == 1
                && in[0] < 0 // the network's input: no input gradient
                && graph.feedsOnlyNext(i)
                && layers.get(i + 1) instanceof BatchNorm
                && StemRun.takes(conv);
        if (stemRuns && stem && runFrom(graph, i + 1, true) == 3) {
            return 4;
        }
        boolean rectifies = i + 1 < n
                && layers.get(i) instanceof RectifyingLayer
                && graph.feedsOnlyNext(i)
                && layers.get(i + 1) instanceof ChannelMap map
                && map.step() == Epilogue.Step.RELU;
        if (!rectifies) {
            return 1;
        }
        boolean pools = i + 2 < n
                && graph.feedsOnlyNext(i + 1)
                && layers.get(i + 2) instanceof MaxPool2 pool
                && pool.height() % 2 == 0
                && pool.width() % 2 == 0
                && ((RectifyingLayer) layers.get(i)).hasMaps(pool.height(), pool.width());
        return pools ? 3 : 2;
    }

    /**
     * @param node a node's index
     * @return true when the node runs with the ReLU after it (and perhaps the pool after that): call {@link #forward}
     *     and {@link #backward} for it
     */
    public boolean rectifies(int node) {
        return span[node] > 1;
    }

    /**
     * @param node a node's index
     * @return how many nodes the call for it runs: 0 when a node before runs it, 1 alone, 2 with its ReLU, 3 with its
     *     ReLU and the pool or with a residual sum and its ReLU ({@link #skipInput}), 4 a stem's convolution with its
     *     batch norm, ReLU and pool; its outputs are those of node
     *     {@code node + span − 1}
     */
    public int span(int node) {
        return span[node];
    }

    /**
     * @param node a node's index
     * @return true when a node before it runs it (a ReLU or a pool): skip it both ways
     */
    public boolean absorbed(int node) {
        return absorbed[node];
    }

    /** @return true when some node runs with its ReLU */
    public boolean fuses() {
        for (int s : span) {
            if (s > 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * The training forward pass of a node and the nodes its call runs.
     *
     * @param node the node: {@link #rectifies(int)}
     * @param params the network's parameters
     * @param x the node's inputs
     * @param skip the sum's other input where the run takes in a residual connection's sum ({@link #skipInput}), else
     *     null
     * @param y receives the outputs of the run's last node
     * @param batch the number of samples
     * @param pass a training pass
     */
    public void forward(int node, float[] params, float[] x, float[] skip, float[] y, int batch, Pass pass) {
        if (pooledConvs[node] != null) {
            pooledConvs[node].forward(params, x, y, batch, pass);
        } else if (skipInput[node] >= 0) {
            rectifying(node).forwardRectifiedSum(params, x, skip, y, batch, pass);
        } else if (span(node) == 4) {
            stems[node].forward(params, x, y, batch, pass);
        } else if (span(node) == 3) {
            MaxPool2 pool = pool(node);
            rectifying(node).forwardRectifiedPooled(params, x, y, batch, pool.height(), pool.width(), pass);
        } else {
            rectifying(node).forwardRectified(params, x, y, batch, pass);
        }
    }

    /**
     * The training backward pass of a node and the nodes its call runs.
     *
     * @param node the node: {@link #rectifies(int)}
     * @param params the network's parameters
     * @param x the node's inputs of the forward pass
     * @param y the outputs of the run's last node in the forward pass
     * @param dy the loss gradient with respect to those outputs
     * @param dx receives the gradient with respect to the node's inputs, or null when not needed
     * @param skipDx where the run takes in a residual connection's sum: receives the gradient with respect to the
     *     sum's other input, or null when not needed
     * @param grads the network's gradient array
     * @param batch the number of samples
     * @param pass the training pass of the forward pass
     */
    public void backward(
            int node,
            float[] params,
            float[] x,
            float[] y,
            float[] dy,
            float[] dx,
            float[] skipDx,
            float[] grads,
            int batch,
            Pass pass) {
        if (pooledConvs[node] != null) {
            if (dx != null) {
                throw new IllegalArgumentException("a first convolution's run has no input gradient: node " + node);
            }
            pooledConvs[node].backward(x, y, dy, grads, batch);
        } else if (skipInput[node] >= 0) {
            rectifying(node).backwardRectifiedSum(params, x, y, dy, dx, skipDx, grads, batch, pass);
        } else if (span(node) == 4) {
            if (dx != null) {
                throw new IllegalArgumentException("a stem's run has no input gradient: node " + node);
            }
            stems[node].backward(params, x, y, dy, grads, batch, pass);
        } else if (span(node) == 3) {
            MaxPool2 pool = pool(node);
            rectifying(node)
                    .backwardRectifiedPooled(params, x, y, dy, dx, grads, batch, pool.height(), pool.width(), pass);
        } else {
            rectifying(node).backwardRectified(params, x, y, dy, dx, grads, batch, pass);
        }
    }

    private MaxPool2 pool(int node) {
        return (MaxPool2) layers.get(node + 2);
    }

    private RectifyingLayer rectifying(int node) {
        if (!rectifies(node)) {
            throw new IllegalArgumentException("node " + node + " runs alone: call its layer");
        }
        return (RectifyingLayer) layers.get(node);
    }
}
