package org.saepj.engine.layer;

import java.util.List;

/**
 * How an inference pass runs a graph's layers: each node alone, except runs of an {@link EpilogueProducer} (a
 * convolution) followed by {@link ChannelMap} layers (batch normalisation, then ReLU) whose every intermediate output
 * only the next node of the run reads. Such a run is one call: the producer's pass with the maps' steps in the sweep
 * that adds its bias, instead of a pass over the output per layer. Each value goes through the same float operations
 * in the same order as node by node, so the outputs are the same bits; the intermediate outputs are not computed. A
 * training pass needs most of those (the backward pass reads them): it runs node by node but for the pairs of a
 * {@link TrainingPlan}.
 */
public final class InferencePlan {
    private final List<Layer> layers;
    /** Per node: the nodes its run covers, 1 for a node alone, 0 for a node inside an earlier node's run. */
    private final int[] span;

    private final Epilogue epilogue = new Epilogue();

    /**
     * Finds the runs.
     *
     * @param graph the network's structure
     * @param layers its layers, one per node, in order
     */
    public InferencePlan(LayerGraph graph, List<Layer> layers) {
        int n = graph.nodes().size();
        if (layers.size() != n) {
            throw new IllegalArgumentException("a plan needs one layer per node: " + layers.size() + " for " + n);
        }
        this.layers = List.copyOf(layers);
        this.span = new int[n];
        for (int i = 0; i < n; ) {
            int end = i + 1;
            if (layers.get(i) instanceof EpilogueProducer) {
                Epilogue.Step last = null;
                while (end < n
                        && graph.feedsOnlyNext(end - 1)
                        && layers.get(end) instanceof ChannelMap map
                        && (last == null || map.step().compareTo(last) > 0)) {
                    last = map.step();
                    end++;
                }
            }
            span[i] = end - i;
            i = end;
        }
    }

    /**
     * @param node a node's index
     * @return the nodes its run covers: 1 when it runs alone, more when it runs the nodes after it too (their output,
     *     the last one's, is what the call writes), 0 when an earlier node's run covers it
     */
    public int span(int node) {
        return span[node];
    }

    /** @return true when some node's run covers more than itself */
    public boolean fuses() {
        for (int s : span) {
            if (s > 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the run that starts at a node, for inference.
     *
     * @param node the run's first node: {@link #span(int)} is above 1
     * @param params the network's parameters
     * @param state the network's state (the running statistics)
     * @param x the first node's inputs
     * @param y receives the run's last node's outputs
     * @param batch the number of samples
     */
    public void run(int node, float[] params, float[] state, float[] x, float[] y, int batch) {
        if (span[node] < 2) {
            throw new IllegalArgumentException("node " + node + " runs alone: call its layer");
        }
        epilogue.clear();
        for (int j = node + 1; j < node + span[node]; j++) {
            ((ChannelMap) layers.get(j)).appendTo(epilogue, params, state);
        }
        ((EpilogueProducer) layers.get(node)).forward(params, x, y, batch, epilogue);
    }
}
