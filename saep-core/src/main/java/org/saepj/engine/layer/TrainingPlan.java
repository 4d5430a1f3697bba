package org.saepj.engine.layer;

import java.util.List;

/**
 * How a training pass runs a graph's layers: each node alone, except a {@link RectifyingLayer} (batch normalisation)
 * whose output only a ReLU, the next node, reads. Such a pair is one call each way: the forward pass writes the ReLU's
 * output in the layer's own sweep, and the backward pass applies the ReLU's mask inside the layer's sweeps instead of a
 * pass of its own over the gradient. The layer's output and the ReLU's input gradient are not computed (nothing else
 * reads them); every other value goes through the same float operations in the same order as node by node, so
 * parameters, gradients and running statistics are the same bits.
 */
public final class TrainingPlan {
    private final List<Layer> layers;
    /** Per node: whether it runs with the ReLU after it. */
    private final boolean[] rectifies;

    /**
     * Finds the pairs.
     *
     * @param graph the network's structure
     * @param layers its layers, one per node, in order
     */
    public TrainingPlan(LayerGraph graph, List<Layer> layers) {
        int n = graph.nodes().size();
        if (layers.size() != n) {
            throw new IllegalArgumentException("a plan needs one layer per node: " + layers.size() + " for " + n);
        }
        this.layers = List.copyOf(layers);
        this.rectifies = new boolean[n];
        for (int i = 0; i + 1 < n; i++) {
            rectifies[i] = layers.get(i) instanceof RectifyingLayer
                    && graph.feedsOnlyNext(i)
                    && layers.get(i + 1) instanceof ChannelMap map
                    && map.step() == Epilogue.Step.RELU;
            if (rectifies[i]) {
                i++; // the ReLU is taken: it cannot start a pair of its own
            }
        }
    }

    /**
     * @param node a node's index
     * @return true when the node runs with the ReLU after it: call {@link #forward} and {@link #backward} for it
     */
    public boolean rectifies(int node) {
        return rectifies[node];
    }

    /**
     * @param node a node's index
     * @return true when the node is a ReLU that the node before it runs: skip it both ways
     */
    public boolean absorbed(int node) {
        return node > 0 && rectifies[node - 1];
    }

    /** @return true when some node runs with its ReLU */
    public boolean fuses() {
        for (boolean r : rectifies) {
            if (r) {
                return true;
            }
        }
        return false;
    }

    /**
     * The training forward pass of a node and its ReLU.
     *
     * @param node the node: {@link #rectifies(int)}
     * @param params the network's parameters
     * @param x the node's inputs
     * @param y receives the ReLU's outputs
     * @param batch the number of samples
     * @param pass a training pass
     */
    public void forward(int node, float[] params, float[] x, float[] y, int batch, Pass pass) {
        rectifying(node).forwardRectified(params, x, y, batch, pass);
    }

    /**
     * The training backward pass of a node and its ReLU.
     *
     * @param node the node: {@link #rectifies(int)}
     * @param params the network's parameters
     * @param x the node's inputs of the forward pass
     * @param y the ReLU's outputs of the forward pass
     * @param dy the loss gradient with respect to the ReLU's outputs
     * @param dx receives the gradient with respect to the node's inputs, or null when not needed
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
            float[] grads,
            int batch,
            Pass pass) {
        rectifying(node).backwardRectified(params, x, y, dy, dx, grads, batch, pass);
    }

    private RectifyingLayer rectifying(int node) {
        if (!rectifies[node]) {
            throw new IllegalArgumentException("node " + node + " runs alone: call its layer");
        }
        return (RectifyingLayer) layers.get(node);
    }
}
