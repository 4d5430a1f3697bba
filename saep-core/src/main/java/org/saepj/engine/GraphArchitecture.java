package org.saepj.engine;

import org.saepj.data.Shape;
import org.saepj.engine.layer.LayerGraph;

/**
 * Any layer graph as a subnetwork, with what the search needs to weigh it: its family's name, a depth and the
 * complexity measure r(h) of spec §3. Stored as {@code {"type": "graph", "input": [h, w, c], "classes": k, "nodes":
 * [...]}} with the graph's nodes by layer type name.
 *
 * @param graph the layers; its output is a vector of the task's outputs: one logit per class, or a regression's one
 *     value
 * @param kind the family's name, e.g. "resnet" (shown in reports as a DNN is "dnn")
 * @param depth the family's depth measure (for the paper's DNN: hidden layers)
 * @param complexity r(h), at least 0
 */
public record GraphArchitecture(LayerGraph graph, String kind, int depth, double complexity) implements Architecture {
    /** The family name of a graph that names none. */
    public static final String DEFAULT_KIND = "graph";

    /**
     * Checks that the graph ends in a vector of outputs (logits, or a regression's value) and that the measures are
     * usable.
     *
     * @param graph the layers
     * @param kind the family's name
     * @param depth the depth measure
     * @param complexity r(h)
     */
    public GraphArchitecture {
        if (graph == null) {
            throw new IllegalArgumentException("a graph architecture needs a layer graph");
        }
        Shape out = graph.output();
        if (out.isImage()) {
            throw new IllegalArgumentException("a graph architecture ends in a vector of the task's outputs (one logit"
                    + " per class, or a regression's value), got " + out.height() + "×" + out.width() + "×"
                    + out.channels());
        }
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("a graph architecture needs a family name (kind)");
        }
        if (depth < 0 || !(complexity >= 0) || Double.isInfinite(complexity)) {
            throw new IllegalArgumentException("a graph architecture needs depth ≥ 0 and a finite complexity ≥ 0, got "
                    + depth + " and " + complexity);
        }
    }

    /**
     * A graph weighed as the paper weighs a DNN: depth is the number of layers with parameters less one (the hidden
     * layers of a chain), complexity √depth.
     *
     * @param graph the layers
     * @return the architecture, of family {@value #DEFAULT_KIND}
     */
    public static GraphArchitecture of(LayerGraph graph) {
        int weighted = 0;
        for (int i = 0; i < graph.nodes().size(); i++) {
            LayerGraph.Node n = graph.nodes().get(i);
            if (org.saepj.engine.layer.LayerKinds.of(n.spec()).parameterCount(n.spec(), graph.inputShapes(i)) > 0) {
                weighted++;
            }
        }
        int depth = Math.max(0, weighted - 1);
        return new GraphArchitecture(graph, DEFAULT_KIND, depth, Math.sqrt(depth));
    }

    @Override
    public Shape input() {
        return graph.input();
    }

    @Override
    public int classes() {
        return graph.output().size();
    }

    @Override
    public String toString() {
        return kind + "[" + graph + "]";
    }
}
