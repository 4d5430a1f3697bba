package org.saepj.subnetwork;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.saepj.data.Shape;
import org.saepj.engine.GraphArchitecture;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.FlattenKind;
import org.saepj.engine.layer.LayerGraph;

/**
 * A family of type {@code graph} (search-space format 2): named blocks of layers, a body that stacks them with repeat
 * counts, and parameters that vary per candidate. Each combination of the parameters' values is one candidate, in a
 * fixed order: the parameters as the file lists them, the first varying slowest (nested loops), so the last one
 * varies fastest. The search appends the output head: a flatten when the body ends in an image, then a dense layer
 * of one unit per class.
 *
 * <p>A candidate's depth is the number of blocks its body stacks (the repeats summed); its architecture complexity
 * is √depth, like a DNN's.
 */
final class GraphFamily {
    /** The most candidates one graph family proposes. */
    static final int MAX_CANDIDATES = 64;
    /** The most nodes one candidate's graph has, its head included: a guard against a repeat gone wrong. */
    static final int MAX_NODES = 1024;

    private static final int MAX_PARAMETERS = 8;
    private static final int MAX_VALUES = 8;
    private static final int MAX_BLOCKS = 16;
    private static final int MAX_BLOCK_NODES = 64;
    private static final int MAX_BODY = 32;
    private static final int MAX_REPEAT = 16;
    private static final Pattern PARAMETER = Pattern.compile("[a-z][A-Za-z0-9_]{0,31}");
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");

    private GraphFamily() {}

    /**
     * One candidate of a graph family.
     *
     * @param name the family's name, then each parameter and its value ("resmlp-width32-repeat2")
     * @param architecture the graph, its head included
     */
    record Candidate(String name, GraphArchitecture architecture) {}

    /**
     * Checks everything that does not depend on the data: names, references, repeats, and every layer with every
     * combination of values. Shapes are checked when the data is known ({@link #candidates}).
     *
     * @param f a family of type graph
     * @param at where it is ("families[0]")
     * @throws IllegalArgumentException "families[0].blocks[1].nodes[0].layer.type: …"
     */
    static void validate(SpaceDefinition.Family f, String at) {
        require(
                f.widths() == null && f.depths() == null && f.dense() == null,
                at,
                "widths, depths and dense belong to dense and conv families");
        checkVary(f, at);
        Map<String, SpaceDefinition.Block> blocks = checkBlocks(f, at);
        checkBody(f, at, blocks);
        Set<String> referenced = new HashSet<>();
        for (SpaceDefinition.Block b : f.blocks()) {
            for (SpaceDefinition.NodeDefinition n : b.nodes()) {
                collect(n.layer(), referenced);
            }
        }
        for (SpaceDefinition.BodyEntry e : f.body()) {
            collect(e.repeat(), referenced);
        }
        if (f.vary() != null) {
            for (String p : f.vary().keySet()) {
                require(
                        referenced.contains(p),
                        at + ".vary." + p,
                        "is used nowhere: no layer setting or repeat is $" + p);
            }
        }
        for (Map<String, JsonNode> values : combinations(f)) {
            int nodes = 2;
            for (int i = 0; i < f.body().size(); i++) {
                SpaceDefinition.BodyEntry e = f.body().get(i);
                nodes += repeat(e, values, at + ".body[" + i + "].repeat")
                        * blocks.get(e.block()).nodes().size();
            }
            require(
                    nodes <= MAX_NODES,
                    at + ".body",
                    "at most " + MAX_NODES + " layers a candidate, got " + nodes
                            + (values.isEmpty() ? "" : " for " + describe(values)));
            for (int b = 0; b < f.blocks().size(); b++) {
                List<SpaceDefinition.NodeDefinition> list = f.blocks().get(b).nodes();
                for (int n = 0; n < list.size(); n++) {
                    LayerSettings.parse(list.get(n).layer(), values, at + ".blocks[" + b + "].nodes[" + n + "].layer");
                }
            }
        }
    }

    private static void checkVary(SpaceDefinition.Family f, String at) {
        if (f.vary() == null) {
            return;
        }
        require(
                !f.vary().isEmpty() && f.vary().size() <= MAX_PARAMETERS,
                at + ".vary",
                "must name 1 to " + MAX_PARAMETERS + " parameters, each with its list of values");
        long candidates = 1;
        for (Map.Entry<String, List<JsonNode>> p : f.vary().entrySet()) {
            String field = at + ".vary." + p.getKey();
            require(
                    PARAMETER.matcher(p.getKey()).matches(),
                    field,
                    "a parameter's name starts with a lower-case letter"
                            + " and has letters, digits or '_' (at most 32)");
            List<JsonNode> values = p.getValue();
            require(
                    values != null
                            && !values.isEmpty()
                            && values.size() <= MAX_VALUES
                            && values.stream().allMatch(v -> v != null && v.isNumber()),
                    field,
                    "must list 1 to " + MAX_VALUES + " numbers");
            require(
                    values.stream().map(JsonNode::asDouble).distinct().count() == values.size(),
                    field,
                    "lists a value twice: " + values);
            candidates *= values.size();
        }
        require(
                candidates <= MAX_CANDIDATES,
                at + ".vary",
                "at most " + MAX_CANDIDATES + " combinations (one candidate each), got " + candidates);
    }

    private static Map<String, SpaceDefinition.Block> checkBlocks(SpaceDefinition.Family f, String at) {
        require(
                f.blocks() != null
                        && !f.blocks().isEmpty()
                        && f.blocks().size() <= MAX_BLOCKS
                        && !f.blocks().contains(null),
                at + ".blocks",
                "must list 1 to " + MAX_BLOCKS + " blocks {name, nodes}");
        Map<String, SpaceDefinition.Block> byName = new LinkedHashMap<>();
        for (int b = 0; b < f.blocks().size(); b++) {
            SpaceDefinition.Block block = f.blocks().get(b);
            String where = at + ".blocks[" + b + "]";
            require(
                    block.filters() == null && block.kernel() == null,
                    where,
                    "filters and kernel belong to conv families; a graph block is {name, nodes}");
            require(
                    block.name() != null && ID.matcher(block.name()).matches(),
                    where + ".name",
                    "must be a name of letters, digits or '_', starting with a letter (at most 32)");
            require(
                    byName.putIfAbsent(block.name(), block) == null,
                    where + ".name",
                    "'" + block.name() + "' names two blocks");
            List<SpaceDefinition.NodeDefinition> nodes = block.nodes();
            require(
                    nodes != null && !nodes.isEmpty() && nodes.size() <= MAX_BLOCK_NODES && !nodes.contains(null),
                    where + ".nodes",
                    "must list 1 to " + MAX_BLOCK_NODES + " nodes {id, layer, inputs}");
            checkNodes(nodes, where);
        }
        return byName;
    }

    /** Ids, inputs, and one output: every node but the last is read by a later one. */
    private static void checkNodes(List<SpaceDefinition.NodeDefinition> nodes, String where) {
        Set<String> earlier = new HashSet<>();
        Set<String> unread = new HashSet<>();
        for (int n = 0; n < nodes.size(); n++) {
            SpaceDefinition.NodeDefinition node = nodes.get(n);
            String field = where + ".nodes[" + n + "]";
            require(
                    node.id() != null
                            && ID.matcher(node.id()).matches()
                            && !node.id().equals(LayerGraph.INPUT),
                    field + ".id",
                    "must be a name of letters, digits or '_', starting with a letter (at most 32)," + " other than '"
                            + LayerGraph.INPUT + "'");
            require(!earlier.contains(node.id()), field + ".id", "'" + node.id() + "' names two nodes of the block");
            require(node.layer() != null, field + ".layer", "is missing: {\"type\": …, settings}");
            List<String> inputs = inputs(nodes, n);
            require(
                    !inputs.isEmpty() && inputs.size() <= 8 && inputs.stream().allMatch(Objects::nonNull),
                    field + ".inputs",
                    "must list 1 to 8 ids");
            require(new HashSet<>(inputs).size() == inputs.size(), field + ".inputs", "names an input twice");
            for (String in : inputs) {
                require(
                        in.equals(LayerGraph.INPUT) || earlier.contains(in),
                        field + ".inputs",
                        "'" + in
                                + "' is neither '" + LayerGraph.INPUT
                                + "' (the block's input) nor an earlier node of the block");
                unread.remove(in);
            }
            earlier.add(node.id());
            unread.add(node.id());
        }
        unread.remove(nodes.get(nodes.size() - 1).id());
        for (int n = 0; n < nodes.size(); n++) {
            require(
                    !unread.contains(nodes.get(n).id()),
                    where + ".nodes[" + n + "]",
                    "'" + nodes.get(n).id() + "' is read by no later node: a block's one output is its last node");
        }
    }

    private static void checkBody(SpaceDefinition.Family f, String at, Map<String, SpaceDefinition.Block> blocks) {
        require(
                f.body() != null
                        && !f.body().isEmpty()
                        && f.body().size() <= MAX_BODY
                        && !f.body().contains(null),
                at + ".body",
                "must list 1 to " + MAX_BODY + " entries {block, repeat}");
        Set<String> used = new HashSet<>();
        for (int i = 0; i < f.body().size(); i++) {
            SpaceDefinition.BodyEntry e = f.body().get(i);
            require(
                    e.block() != null && blocks.containsKey(e.block()),
                    at + ".body[" + i + "].block",
                    "must name a block of the family (" + String.join(", ", blocks.keySet()) + "), got "
                            + (e.block() == null ? "none" : "'" + e.block() + "'"));
            used.add(e.block());
            JsonNode r = e.repeat();
            require(
                    r == null || r.isIntegralNumber() || reference(r) != null,
                    at + ".body[" + i + "].repeat",
                    "must be a whole number from 0 to " + MAX_REPEAT + " or \"$p\", a parameter of vary");
        }
        for (int b = 0; b < f.blocks().size(); b++) {
            require(
                    used.contains(f.blocks().get(b).name()),
                    at + ".blocks[" + b + "]",
                    "'" + f.blocks().get(b).name() + "' is stacked by no entry of body");
        }
    }

    /**
     * @param f a checked graph family
     * @return every combination of its parameters' values, in candidate order (the first parameter varies slowest);
     *     one empty combination when it varies nothing
     */
    static List<Map<String, JsonNode>> combinations(SpaceDefinition.Family f) {
        List<Map<String, JsonNode>> out = new ArrayList<>();
        out.add(Map.of());
        if (f.vary() == null) {
            return out;
        }
        for (Map.Entry<String, List<JsonNode>> p : f.vary().entrySet()) {
            List<Map<String, JsonNode>> next = new ArrayList<>();
            for (Map<String, JsonNode> partial : out) {
                for (JsonNode v : p.getValue()) {
                    Map<String, JsonNode> m = new LinkedHashMap<>(partial);
                    m.put(p.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * @param f a checked graph family
     * @param input the data's input shape
     * @param classes the outputs: one per class, or a regression's one value
     * @param at where the family is ("families[0]")
     * @return its candidates, in order
     * @throws IllegalArgumentException "families[0]: candidate 'res-width32': node 'res_1_add': …" when a graph does
     *     not fit the data or its own shapes
     */
    static List<Candidate> candidates(SpaceDefinition.Family f, Shape input, int classes, String at) {
        List<Candidate> out = new ArrayList<>();
        for (Map<String, JsonNode> values : combinations(f)) {
            StringBuilder name = new StringBuilder(f.name());
            values.forEach((k, v) -> name.append('-').append(k).append(v.asText()));
            try {
                out.add(new Candidate(name.toString(), build(f, values, input, classes, at)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ": candidate '" + name + "': " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static GraphArchitecture build(
            SpaceDefinition.Family f, Map<String, JsonNode> values, Shape input, int classes, String at) {
        Map<String, SpaceDefinition.Block> blocks = new HashMap<>();
        f.blocks().forEach(b -> blocks.put(b.name(), b));
        Map<String, Integer> copies = new HashMap<>();
        List<LayerGraph.Node> nodes = new ArrayList<>();
        String previous = LayerGraph.INPUT;
        int depth = 0;
        for (int i = 0; i < f.body().size(); i++) {
            SpaceDefinition.BodyEntry e = f.body().get(i);
            SpaceDefinition.Block block = blocks.get(e.block());
            int b = f.blocks().indexOf(block);
            int repeat = repeat(e, values, at + ".body[" + i + "].repeat");
            for (int r = 0; r < repeat; r++) {
                // Ids name the block and its copy ("res_2_conv1"): unique, and readable in errors and reports.
                String prefix = block.name() + "_" + copies.merge(block.name(), 1, Integer::sum) + "_";
                for (int n = 0; n < block.nodes().size(); n++) {
                    SpaceDefinition.NodeDefinition node = block.nodes().get(n);
                    List<String> reads = new ArrayList<>();
                    for (String in : inputs(block.nodes(), n)) {
                        reads.add(in.equals(LayerGraph.INPUT) ? previous : prefix + in);
                    }
                    nodes.add(new LayerGraph.Node(
                            prefix + node.id(),
                            LayerSettings.parse(node.layer(), values, at + ".blocks[" + b + "].nodes[" + n + "].layer"),
                            reads));
                }
                previous = prefix + block.nodes().get(block.nodes().size() - 1).id();
                depth++;
            }
        }
        Shape body = nodes.isEmpty() ? input : new LayerGraph(input, nodes).output();
        if (body.isImage()) {
            nodes.add(new LayerGraph.Node("head_flatten", new FlattenKind.Spec(), List.of(previous)));
            previous = "head_flatten";
        }
        nodes.add(new LayerGraph.Node("head_dense", new DenseKind.Spec(classes), List.of(previous)));
        return new GraphArchitecture(new LayerGraph(input, nodes), f.name(), depth, Math.sqrt(depth));
    }

    /** A node's inputs: as listed, or by default the node before it (the block's input for the first). */
    private static List<String> inputs(List<SpaceDefinition.NodeDefinition> nodes, int n) {
        List<String> listed = nodes.get(n).inputs();
        if (listed != null) {
            return listed;
        }
        return List.of(
                n == 0 ? LayerGraph.INPUT : String.valueOf(nodes.get(n - 1).id()));
    }

    private static int repeat(SpaceDefinition.BodyEntry e, Map<String, JsonNode> values, String field) {
        if (e.repeat() == null) {
            return 1;
        }
        JsonNode r = LayerSettings.substitute(e.repeat(), values, field);
        require(
                r.isIntegralNumber() && r.asLong() >= 0 && r.asLong() <= MAX_REPEAT,
                field,
                "must be a whole number from 0 to " + MAX_REPEAT + ", got " + r
                        + (reference(e.repeat()) == null
                                ? ""
                                : " (" + e.repeat().asText() + ")"));
        return r.asInt();
    }

    /**
     * @param value a value in a file
     * @return p when the value is the text {@code "$p"}, else null
     */
    static String reference(JsonNode value) {
        boolean named = value != null && value.isTextual() && value.asText().startsWith("$");
        return named ? value.asText().substring(1) : null;
    }

    /** Every parameter a value refers to, however deep. */
    private static void collect(JsonNode value, Set<String> into) {
        if (value == null) {
            return;
        }
        String name = reference(value);
        if (name != null) {
            into.add(name);
        }
        value.forEach(v -> collect(v, into));
    }

    /**
     * @param values a candidate's values
     * @return "width=32, repeat=2"
     */
    static String describe(Map<String, JsonNode> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(k + "=" + v.asText()));
        return String.join(", ", parts);
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new IllegalArgumentException(field + ": " + message);
        }
    }
}
