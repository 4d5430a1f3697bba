package org.saepj.engine.layer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;

/**
 * A network's structure: an input shape and layers as named nodes, each reading the graph's {@value #INPUT} or earlier
 * nodes — a directed acyclic graph listed in topological order, with exactly one output (the last node). Merges
 * ({@code add}, {@code concat}) are ordinary nodes of several inputs; a chain is a graph whose nodes each read the one
 * before.
 *
 * <p>Built only valid: ids unique, every input known and earlier, no cycle, one output, and every node's shape
 * inferred by its kind. Messages name the node.
 */
public final class LayerGraph {
    /** The name by which a node reads the graph's input. */
    public static final String INPUT = "input";

    private final Shape input;
    private final List<Node> nodes;
    private final List<Shape> shapes;
    /** Per node, the index of each input: −1 for the graph's input, else a node's. */
    private final int[][] inputs;

    /**
     * One layer of the graph.
     *
     * @param id the node's name, unique in its graph
     * @param spec the layer's settings
     * @param inputs the ids it reads, in order: {@value LayerGraph#INPUT} or earlier nodes
     */
    public record Node(String id, LayerSpec spec, List<String> inputs) {
        /**
         * Copies the inputs and checks that nothing is missing.
         *
         * @param id the node's name
         * @param spec the layer's settings
         * @param inputs the ids it reads
         */
        public Node {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a node needs an id");
            }
            if (spec == null) {
                throw new IllegalArgumentException("node '" + id + "' needs a layer");
            }
            if (inputs == null || inputs.isEmpty() || inputs.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("node '" + id + "' needs a list of inputs");
            }
            inputs = List.copyOf(inputs);
        }
    }

    /**
     * Validates the graph and infers its shapes.
     *
     * @param input the shape of one sample
     * @param nodes the layers in topological order
     * @throws IllegalArgumentException naming the node and the problem
     */
    public LayerGraph(Shape input, List<Node> nodes) {
        this.input = Objects.requireNonNull(input, "input");
        if (nodes == null || nodes.isEmpty()) {
            throw new IllegalArgumentException("a layer graph needs at least one node");
        }
        this.nodes = List.copyOf(nodes);
        Map<String, Integer> index = ids(this.nodes);
        refuseCycles(this.nodes, index);
        this.inputs = new int[this.nodes.size()][];
        this.shapes = new ArrayList<>();
        Set<String> unread = new HashSet<>(index.keySet());
        for (int i = 0; i < this.nodes.size(); i++) {
            Node n = this.nodes.get(i);
            inputs[i] = wire(n, i, index);
            unread.removeAll(n.inputs());
            shapes.add(infer(n, i));
        }
        unread.remove(this.nodes.get(this.nodes.size() - 1).id());
        if (!unread.isEmpty()) {
            List<String> outputs = new ArrayList<>();
            for (Node n : this.nodes) {
                if (unread.contains(n.id())) {
                    outputs.add(n.id());
                }
            }
            outputs.add(this.nodes.get(this.nodes.size() - 1).id());
            throw new IllegalArgumentException("a layer graph has exactly one output, the last node; nodes "
                    + String.join(", ", outputs)
                    + " are read by no other node");
        }
    }

    private static Map<String, Integer> ids(List<Node> nodes) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            String id = nodes.get(i).id();
            if (id.equals(INPUT)) {
                throw new IllegalArgumentException(
                        "node " + i + ": the id '" + INPUT + "' names the graph's input; choose another");
            }
            if (index.putIfAbsent(id, i) != null) {
                throw new IllegalArgumentException(
                        "node id '" + id + "' is used twice (nodes " + index.get(id) + " and " + i + ")");
            }
        }
        for (Node n : nodes) {
            Set<String> seen = new HashSet<>();
            for (String in : n.inputs()) {
                if (!in.equals(INPUT) && !index.containsKey(in)) {
                    throw new IllegalArgumentException("node '" + n.id() + "' reads '" + in + "', which is neither '"
                            + INPUT
                            + "' nor a node of the graph");
                }
                if (!seen.add(in)) {
                    throw new IllegalArgumentException("node '" + n.id() + "' reads '" + in + "' twice");
                }
            }
        }
        return index;
    }

    /** Depth-first search over the inputs: a node reached again while it is being visited closes a cycle. */
    private static void refuseCycles(List<Node> nodes, Map<String, Integer> index) {
        int[] state = new int[nodes.size()]; // 0 unvisited, 1 on the path, 2 done
        for (int start = 0; start < nodes.size(); start++) {
            List<Integer> path = new ArrayList<>();
            visit(start, nodes, index, state, path);
        }
    }

    private static void visit(int i, List<Node> nodes, Map<String, Integer> index, int[] state, List<Integer> path) {
        if (state[i] == 2) {
            return;
        }
        path.add(i);
        if (state[i] == 1) {
            List<String> cycle = new ArrayList<>();
            for (int k = path.indexOf(i); k < path.size(); k++) {
                cycle.add(nodes.get(path.get(k)).id());
            }
            throw new IllegalArgumentException("the layer graph has a cycle: " + String.join(" reads ", cycle));
        }
        state[i] = 1;
        for (String in : nodes.get(i).inputs()) {
            if (!in.equals(INPUT)) {
                visit(index.get(in), nodes, index, state, path);
            }
        }
        state[i] = 2;
        path.remove(path.size() - 1);
    }

    private int[] wire(Node n, int i, Map<String, Integer> index) {
        LayerKind<LayerSpec> kind = LayerKinds.of(n.spec());
        int count = n.inputs().size();
        if (kind.merges() ? count < 2 : count != 1) {
            throw new IllegalArgumentException("node '" + n.id() + "' (" + kind.type() + ") reads " + count
                    + " inputs: "
                    + kind.type() + (kind.merges() ? " needs at least 2" : " reads exactly 1"));
        }
        int[] wired = new int[count];
        for (int k = 0; k < count; k++) {
            String in = n.inputs().get(k);
            wired[k] = in.equals(INPUT) ? -1 : index.get(in);
            if (wired[k] >= i) {
                throw new IllegalArgumentException("node '" + n.id() + "' reads '" + in
                        + "', which comes after it: list the nodes"
                        + " in topological order");
            }
        }
        return wired;
    }

    private Shape infer(Node n, int i) {
        LayerKind<LayerSpec> kind = LayerKinds.of(n.spec());
        try {
            return kind.outputShape(n.spec(), inputShapes(i));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("node '" + n.id() + "': " + e.getMessage(), e);
        }
    }

    /**
     * A chain of layers, each reading the one before; nodes are named after their kind and position
     * ({@code dense_1}).
     *
     * @param input the shape of one sample
     * @param specs the layers, in order
     * @return the graph
     */
    public static LayerGraph chain(Shape input, List<? extends LayerSpec> specs) {
        List<Node> nodes = new ArrayList<>();
        String previous = INPUT;
        for (LayerSpec spec : specs) {
            String id = LayerKinds.typeOf(spec) + "_" + nodes.size();
            nodes.add(new Node(id, spec, List.of(previous)));
            previous = id;
        }
        return new LayerGraph(input, nodes);
    }

    /** @return the shape of one sample entering the graph */
    public Shape input() {
        return input;
    }

    /** @return the nodes, in topological order */
    public List<Node> nodes() {
        return nodes;
    }

    /** @return the shape of one sample leaving the graph: the last node's */
    public Shape output() {
        return shapes.get(shapes.size() - 1);
    }

    /**
     * @param node a node's index
     * @return the shape of its output
     */
    public Shape shape(int node) {
        return shapes.get(node);
    }

    /**
     * @param node a node's index
     * @return the index of each of its inputs, −1 for the graph's input
     */
    public int[] inputsOf(int node) {
        return inputs[node].clone();
    }

    /**
     * @param node a node's index
     * @return the shape of each of its inputs
     */
    public List<Shape> inputShapes(int node) {
        List<Shape> out = new ArrayList<>();
        for (int in : inputs[node]) {
            out.add(in < 0 ? input : shapes.get(in));
        }
        return out;
    }

    /**
     * Whether a node's output goes to the next node alone and that node reads nothing else: the pairs a plan may run
     * as one call (the intermediate output then need not exist).
     *
     * @param node a node's index
     * @return true when node + 1 is the only reader of {@code node} and reads only it
     */
    public boolean feedsOnlyNext(int node) {
        return node + 1 < inputs.length && inputs[node + 1].length == 1 && readOnlyBy(node, node + 1);
    }

    /**
     * Whether a node's output goes to one reader alone, once (a reader may read other nodes too): the runs a plan may
     * take in where a node joins a merge.
     *
     * @param node a node's index
     * @param reader another node's index
     * @return true when {@code reader} lists {@code node} among its inputs exactly once and no other node lists it
     */
    public boolean readOnlyBy(int node, int reader) {
        for (int j = 0; j < inputs.length; j++) {
            int reads = 0;
            for (int in : inputs[j]) {
                reads += in == node ? 1 : 0;
            }
            if (reads != (j == reader ? 1 : 0)) {
                return false;
            }
        }
        return true;
    }

    /** @return true when every node reads the one before it (the first, the graph's input) */
    public boolean isChain() {
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].length != 1 || inputs[i][0] != i - 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * @return the number of trainable parameters, computed without building a layer; {@link Long#MAX_VALUE} when
     *     there are more than a long counts (absurd sizes): a sum that wrapped around would pass every size check
     *     below it and fail at allocation
     */
    public long parameterCount() {
        long n = 0;
        for (int i = 0; i < nodes.size(); i++) {
            LayerSpec spec = nodes.get(i).spec();
            long layer = LayerKinds.of(spec).parameterCount(spec, inputShapes(i));
            if (layer < 0 || n > Long.MAX_VALUE - layer) {
                return Long.MAX_VALUE;
            }
            n += layer;
        }
        return n;
    }

    /**
     * @param kernels the matrix kernels the layers use
     * @return fresh runtime layers, one per node, in order
     */
    public List<Layer> layers(Kernels kernels) {
        List<Layer> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            LayerSpec spec = nodes.get(i).spec();
            out.add(LayerKinds.of(spec).create(spec, inputShapes(i), kernels));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerGraph g && g.input.equals(input) && g.nodes.equals(nodes);
    }

    @Override
    public int hashCode() {
        return 31 * input.hashCode() + nodes.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(input);
        for (Node n : nodes) {
            sb.append(", ")
                    .append(n.id())
                    .append('=')
                    .append(LayerKinds.typeOf(n.spec()))
                    .append('(')
                    .append(String.join(",", n.inputs()))
                    .append(')');
        }
        return sb.toString();
    }
}
