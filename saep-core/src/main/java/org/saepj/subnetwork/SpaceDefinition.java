package org.saepj.subnetwork;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.saepj.engine.Architecture;

/**
 * The content of a search-space file (JSON, {@code --space FILE}; schema in docs/SEARCH_SPACES.md): named
 * candidate families, each proposing candidates every iteration. Stored whole in the run's configuration, so a
 * resumed or re-evaluated run does not depend on the file.
 *
 * <p>Format 1 has families of type dense and conv; format 2 adds families of type graph, layer graphs built from
 * named blocks of layers stacked by a body, with parameters that vary per candidate ({@link GraphFamily}). A
 * format 1 file reads and searches exactly as before.
 *
 * @param formatVersion 1 or 2
 * @param name a short name, shown in reports
 * @param description what the space is for (optional)
 * @param families the families, in the order their candidates are proposed
 */
public record SpaceDefinition(Integer formatVersion, String name, String description, List<Family> families) {
    /** The newest format this build reads; it reads every format from 1 to this one. */
    public static final int FORMAT_VERSION = 2;

    /**
     * A candidate family.
     *
     * @param name a short name; candidate names start with it
     * @param type "dense", "conv" or (format 2) "graph"
     * @param widths dense: the width of every hidden layer, one candidate per width
     * @param depths dense: which depths each iteration proposes
     * @param blocks conv: the convolution blocks (1 to 4; kernel 3 or 5; each followed by 2×2 max pooling);
     *     graph: the named blocks of layers the body stacks
     * @param dense conv: units of the dense layer after the blocks
     * @param optimizer how the family's candidates train (default: RMSProp at the search's learning rate)
     * @param complexity r(h) of the family's candidates (default: the architecture's, √depth or 1)
     * @param vary graph: each parameter's values, in file order; every combination is one candidate
     * @param body graph: the blocks in the order they are stacked, each repeated
     */
    public record Family(
            String name,
            String type,
            List<Integer> widths,
            DepthRule depths,
            List<Block> blocks,
            Integer dense,
            OptimizerDefinition optimizer,
            Complexity complexity,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, List<JsonNode>> vary,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<BodyEntry> body) {
        /**
         * Keeps the order of {@code vary}: it fixes the order of the candidates.
         *
         * @param name a short name
         * @param type the family's type
         * @param widths dense: widths
         * @param depths dense: depths
         * @param blocks conv or graph: blocks
         * @param dense conv: dense units
         * @param optimizer the optimizer
         * @param complexity r(h)
         * @param vary graph: parameters
         * @param body graph: the stacked blocks
         */
        public Family {
            vary = vary == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(vary));
        }

        /**
         * A format 1 family (dense or conv).
         *
         * @param name a short name
         * @param type "dense" or "conv"
         * @param widths dense: widths
         * @param depths dense: depths
         * @param blocks conv: blocks
         * @param dense conv: dense units
         * @param optimizer the optimizer
         * @param complexity r(h)
         */
        public Family(
                String name,
                String type,
                List<Integer> widths,
                DepthRule depths,
                List<Block> blocks,
                Integer dense,
                OptimizerDefinition optimizer,
                Complexity complexity) {
            this(name, type, widths, depths, blocks, dense, optimizer, complexity, null, null);
        }

        /**
         * Equal when every field is, {@code vary} in the same order too: its order fixes the candidates' order, which
         * a map's own equality ignores.
         */
        @Override
        public boolean equals(Object o) {
            return o instanceof Family f
                    && Objects.equals(name, f.name)
                    && Objects.equals(type, f.type)
                    && Objects.equals(widths, f.widths)
                    && Objects.equals(depths, f.depths)
                    && Objects.equals(blocks, f.blocks)
                    && Objects.equals(dense, f.dense)
                    && Objects.equals(optimizer, f.optimizer)
                    && Objects.equals(complexity, f.complexity)
                    && Objects.equals(vary, f.vary)
                    && Objects.equals(varyOrder(), f.varyOrder())
                    && Objects.equals(body, f.body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, type, widths, depths, blocks, dense, optimizer, complexity, vary, body);
        }

        private List<String> varyOrder() {
            return vary == null ? null : List.copyOf(vary.keySet());
        }
    }

    /**
     * One block of a family: for a conv family {@code {filters, kernel}}; for a graph family {@code {name, nodes}}.
     * One record for both because both are written as {@code blocks} in a file; only one pair is set.
     *
     * @param filters conv: the convolution's filters
     * @param kernel conv: K, 3 or 5
     * @param name graph: the block's name, which the body refers to
     * @param nodes graph: the block's layers, in order; the last is the block's output
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Block(Integer filters, Integer kernel, String name, List<NodeDefinition> nodes) {
        /**
         * @param filters the convolution's filters
         * @param kernel K
         * @return a conv family's block
         */
        public static Block conv(int filters, int kernel) {
            return new Block(filters, kernel, null, null);
        }
    }

    /**
     * One layer of a graph block.
     *
     * @param id its name, unique in the block
     * @param layer the layer as stored: {@code {"type": <layer type>, <settings>}}; a setting may be {@code "$p"},
     *     the value of parameter p of {@code vary}
     * @param inputs the ids it reads: {@code "input"} (the block's input) or earlier nodes of the block; default:
     *     the node before it (the block's input for the first)
     */
    public record NodeDefinition(
            String id,
            JsonNode layer,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> inputs) {}

    /**
     * One entry of a graph family's body.
     *
     * @param block the name of a block of the family
     * @param repeat how many copies are stacked: a whole number 0 to 16 or {@code "$p"}; default 1
     */
    public record BodyEntry(
            String block,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode repeat) {}

    /**
     * The depths a dense family proposes.
     *
     * @param rule "adanet": k and k + 1, k the depth of the most recently added member still in the ensemble (0
     *     at first); "fixed": the given depths every iteration
     * @param values the depths of "fixed" (0 is a linear model)
     */
    public record DepthRule(String rule, List<Integer> values) {}

    /**
     * A family's optimizer.
     *
     * @param type "rmsprop", "sgd-momentum", "adam" or "adamw"
     * @param learningRate the base rate (default: the search's {@code --lr})
     * @param momentum sgd-momentum's momentum (default 0.9)
     * @param schedule "constant" or "cosine" (decay over each iteration's steps; sgd-momentum only); default constant
     * @param weightDecay sgd-momentum's coupled L2 coefficient (default 0) or adamw's decoupled decay (default 0.01),
     *     in [0, 1)
     */
    public record OptimizerDefinition(
            String type,
            Double learningRate,
            Double momentum,
            String schedule,
            // left out when absent, so a stored definition without it is written as before it existed
            @JsonInclude(JsonInclude.Include.NON_NULL) Double weightDecay) {
        /** SGD with momentum, as PyTorch's {@code torch.optim.SGD} with {@code momentum}. */
        public static final String SGD_MOMENTUM = "sgd-momentum";
        /** AdamW, as PyTorch's {@code torch.optim.AdamW}. */
        public static final String ADAMW = "adamw";
        /** The optimizer types a file may name. */
        public static final List<String> TYPES = List.of("rmsprop", SGD_MOMENTUM, "adam", ADAMW);

        /**
         * A definition without weight decay.
         *
         * @param type the optimizer type
         * @param learningRate the base rate, or null
         * @param momentum sgd-momentum's momentum, or null
         * @param schedule "constant" or "cosine", or null
         */
        public OptimizerDefinition(String type, Double learningRate, Double momentum, String schedule) {
            this(type, learningRate, momentum, schedule, null);
        }
    }

    /**
     * Checks everything a file can get wrong, naming the field.
     *
     * @return this definition
     * @throws IllegalArgumentException "families[1].widths: …"
     */
    public SpaceDefinition validate() {
        require(
                formatVersion != null && formatVersion >= 1 && formatVersion <= FORMAT_VERSION,
                "formatVersion",
                "must be 1 or " + FORMAT_VERSION + ", got " + formatVersion);
        require(
                name != null && name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"),
                "name",
                "must be a short name of letters, digits," + " '.', '_' or '-', got "
                        + (name == null ? "none" : "'" + name + "'"));
        require(families != null && !families.isEmpty(), "families", "must list at least one family");
        require(families.size() <= 16, "families", "at most 16 families, got " + families.size());
        Set<String> names = new HashSet<>();
        for (int f = 0; f < families.size(); f++) {
            Family fam = families.get(f);
            String at = "families[" + f + "]";
            require(fam != null, at, "must be an object");
            require(
                    fam.name() != null
                            && fam.name().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,31}")
                            && names.add(fam.name()),
                    at + ".name",
                    "must be a short name, different for each family");
            require(
                    "dense".equals(fam.type()) || "conv".equals(fam.type()) || "graph".equals(fam.type()),
                    at + ".type",
                    "must be dense, conv or graph, got " + fam.type());
            require(
                    fam.type().equals("graph") || fam.vary() == null && fam.body() == null,
                    at,
                    "vary and body belong to graph families");
            if (fam.type().equals("graph")) {
                require(formatVersion >= 2, at + ".type", "graph families need formatVersion 2");
                GraphFamily.validate(fam, at);
            } else if (fam.type().equals("dense")) {
                require(
                        fam.widths() != null
                                && !fam.widths().isEmpty()
                                && fam.widths().size() <= 8
                                && fam.widths().stream().allMatch(w -> w != null && w >= 1 && w <= 4096),
                        at + ".widths",
                        "must list 1 to 8 widths between 1 and 4096");
                require(
                        fam.depths() != null
                                && ("adanet".equals(fam.depths().rule())
                                        || "fixed".equals(fam.depths().rule())),
                        at + ".depths.rule",
                        "must be adanet or fixed");
                if (fam.depths().rule().equals("fixed")) {
                    require(
                            fam.depths().values() != null
                                    && !fam.depths().values().isEmpty()
                                    && fam.depths().values().size() <= 8
                                    && fam.depths().values().stream().allMatch(d -> d != null && d >= 0 && d <= 16),
                            at + ".depths.values",
                            "must list 1 to 8 depths between 0 and 16");
                }
                require(fam.blocks() == null && fam.dense() == null, at, "blocks and dense belong to conv families");
            } else {
                require(
                        fam.blocks() != null
                                && !fam.blocks().isEmpty()
                                && fam.blocks().size() <= Architecture.ConvNet.MAX_BLOCKS
                                && !fam.blocks().contains(null)
                                && fam.blocks().stream()
                                        .allMatch(b -> b.filters() != null
                                                && b.kernel() != null
                                                && b.name() == null
                                                && b.nodes() == null),
                        at + ".blocks",
                        "must list 1 to " + Architecture.ConvNet.MAX_BLOCKS + " blocks of {filters, kernel}");
                require(
                        fam.blocks().stream().allMatch(b -> b.filters() <= 512),
                        at + ".blocks",
                        "at most 512 filters a block");
                try {
                    convBlocks(fam);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(at + ".blocks: " + e.getMessage(), e);
                }
                require(
                        fam.dense() != null && fam.dense() >= 1 && fam.dense() <= 4096,
                        at + ".dense",
                        "must be between 1 and 4096");
                require(fam.widths() == null && fam.depths() == null, at, "widths and depths belong to dense families");
            }
            OptimizerDefinition o = fam.optimizer();
            if (o != null) {
                require(
                        OptimizerDefinition.TYPES.contains(o.type()),
                        at + ".optimizer.type",
                        "must be rmsprop, sgd-momentum, adam or adamw, got " + o.type());
                require(
                        o.learningRate() == null
                                || o.learningRate() > 0
                                        && (float) (double) o.learningRate() > 0
                                        && o.learningRate() < 1e3,
                        at + ".optimizer.learningRate",
                        "must be a positive number below 1000");
                require(
                        o.momentum() == null
                                || o.type().equals("sgd-momentum") && o.momentum() >= 0 && o.momentum() < 1,
                        at + ".optimizer.momentum",
                        "belongs to sgd-momentum and must be in [0, 1)");
                require(
                        o.schedule() == null
                                || o.schedule().equals("constant")
                                || o.schedule().equals("cosine") && o.type().equals("sgd-momentum"),
                        at + ".optimizer.schedule",
                        "must be constant, or cosine for sgd-momentum");
                require(
                        o.weightDecay() == null
                                || (o.type().equals(OptimizerDefinition.SGD_MOMENTUM)
                                                || o.type().equals(OptimizerDefinition.ADAMW))
                                        && o.weightDecay() >= 0
                                        && o.weightDecay() < 1,
                        at + ".optimizer.weightDecay",
                        "belongs to sgd-momentum or adamw and must be in [0, 1), got " + o.weightDecay());
            }
        }
        return this;
    }

    /**
     * @param family a checked conv family
     * @return its blocks as the engine's
     */
    static List<Architecture.ConvBlock> convBlocks(Family family) {
        return family.blocks().stream()
                .map(b -> new Architecture.ConvBlock(b.filters(), b.kernel()))
                .toList();
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new IllegalArgumentException(field + ": " + message);
        }
    }
}
