package org.saepj.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.saepj.data.Shape;

/**
 * An ONNX graph being built: nodes in order, initializers (the weights, stored as little-endian raw data) and the
 * graph's inputs and outputs, with field numbers from onnx.proto (GraphProto, NodeProto, TensorProto, AttributeProto,
 * ValueInfoProto). Each {@link org.saepj.engine.layer.LayerKind} writes its own nodes through the public methods.
 */
public final class OnnxGraph {
    /** TensorProto.DataType FLOAT. */
    static final int FLOAT = 1;
    /** TensorProto.DataType INT64. */
    static final int INT64 = 7;
    /** TensorProto.DataType STRING. */
    static final int STRING = 8;
    /** The ONNX-ML operator set's domain. */
    public static final String ML_DOMAIN = "ai.onnx.ml";
    /** The ONNX-ML operator set's version the graph imports when it uses it (LabelEncoder with float values). */
    public static final int ML_OPSET = 2;

    private static final int ATTRIBUTE_FLOAT = 1;
    private static final int ATTRIBUTE_INT = 2;
    private static final int ATTRIBUTE_FLOATS = 6;
    private static final int ATTRIBUTE_STRINGS = 8;
    private static final int ATTRIBUTE_INTS = 7;

    private final List<ProtoMessage> nodes = new ArrayList<>();
    private final List<ProtoMessage> initializers = new ArrayList<>();
    private final List<ProtoMessage> inputs = new ArrayList<>();
    private final List<ProtoMessage> outputs = new ArrayList<>();
    private int counter;
    /** The names of inputs declared for a table's columns, which no tensor of the graph's own may take. */
    private final java.util.Set<String> inputNames = new java.util.HashSet<>();

    private boolean usesMl;

    /**
     * A tensor of the graph with the engine's shape of one sample. The engine stores activations H×W×C; a tensor is
     * either {@code [N, size]} in that order, or {@code [N, C, H, W]} (ONNX's convolution and pooling layout) where
     * {@code channelsFirst}. Layers convert with {@link #channelsFirst(Value)} and {@link #flat(Value)}, so a chain of
     * convolutions and pools stays NCHW and transposes only where the layout changes.
     *
     * @param name the tensor's name
     * @param shape the shape of one sample
     * @param channelsFirst true for {@code [N, C, H, W]}, false for {@code [N, H·W·C]}
     */
    public record Value(String name, Shape shape, boolean channelsFirst) {
        /**
         * @param output the name of a node's output
         * @return a tensor of the same shape and layout under that name
         */
        public Value renamed(String output) {
            return new Value(output, shape, channelsFirst);
        }
    }

    /**
     * @param v a tensor
     * @return the tensor as {@code [N, C, H, W]}: a reshape and a transposition when it is flat
     */
    public Value channelsFirst(Value v) {
        if (v.channelsFirst()) {
            return v;
        }
        Shape s = v.shape();
        String x = node(
                "Transpose",
                List.of(node("Reshape", List.of(v.name(), longs("hwc", -1, s.height(), s.width(), s.channels())))),
                Attribute.ints("perm", 0, 3, 1, 2));
        return new Value(x, s, true);
    }

    /**
     * @param v a tensor
     * @return the tensor as {@code [N, H·W·C]}: back to H×W×C order and flattened when it is channels-first
     */
    public Value flat(Value v) {
        if (!v.channelsFirst()) {
            return v;
        }
        String x = node("Transpose", List.of(v.name()), Attribute.ints("perm", 0, 2, 3, 1));
        return new Value(node("Flatten", List.of(x), Attribute.of("axis", 1)), v.shape(), false);
    }

    /**
     * @param stem a name's stem
     * @return a fresh tensor name with the given stem
     */
    public String name(String stem) {
        String name = stem + "_" + counter++;
        while (inputNames.contains(name)) { // a table's column named like it: the input keeps its name
            name = stem + "_" + counter++;
        }
        return name;
    }

    /**
     * Adds a float initializer.
     *
     * @param stem the name's stem
     * @param values the values, row-major
     * @param dims the tensor's dimensions
     * @return its name
     */
    public String floats(String stem, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return tensor(stem, FLOAT, raw.array(), dims);
    }

    /**
     * Adds an int64 initializer (a shape, a permutation).
     *
     * @param stem the name's stem
     * @param values the values
     * @return its name
     */
    public String longs(String stem, long... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        return tensor(stem, INT64, raw.array(), values.length);
    }

    private String tensor(String stem, int type, byte[] raw, long... dims) {
        String name = name(stem);
        initializers.add(new ProtoMessage()
                .int64s(1, dims)
                .int32(2, type)
                .string(8, name)
                .bytes(9, raw));
        return name;
    }

    /**
     * An attribute of a node: an integer or a list of them (the layers' attributes), a float, a list of floats or of
     * strings (the table columns' {@code LabelEncoder}).
     */
    public static final class Attribute {
        private final ProtoMessage proto;

        private Attribute(ProtoMessage proto) {
            this.proto = proto;
        }

        /**
         * @param name the attribute's name
         * @param value its value
         * @return a single-integer attribute
         */
        public static Attribute of(String name, long value) {
            return new Attribute(
                    new ProtoMessage().string(1, name).int64(3, value).int32(20, ATTRIBUTE_INT));
        }

        /**
         * @param name the attribute's name
         * @param values its values
         * @return a list-of-integers attribute
         */
        public static Attribute ints(String name, long... values) {
            return new Attribute(
                    new ProtoMessage().string(1, name).int64s(8, values).int32(20, ATTRIBUTE_INTS));
        }

        /**
         * @param name the attribute's name
         * @param value its value
         * @return a single-float attribute
         */
        public static Attribute real(String name, float value) {
            return new Attribute(
                    new ProtoMessage().string(1, name).float32(2, value).int32(20, ATTRIBUTE_FLOAT));
        }

        /**
         * @param name the attribute's name
         * @param values its values
         * @return a list-of-floats attribute
         */
        public static Attribute floats(String name, float... values) {
            ProtoMessage a = new ProtoMessage().string(1, name);
            for (float v : values) {
                a.float32(7, v);
            }
            return new Attribute(a.int32(20, ATTRIBUTE_FLOATS));
        }

        /**
         * @param name the attribute's name
         * @param values its values, written as UTF-8
         * @return a list-of-strings attribute
         */
        public static Attribute strings(String name, List<String> values) {
            ProtoMessage a = new ProtoMessage().string(1, name);
            for (String v : values) {
                a.bytes(9, v.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return new Attribute(a.int32(20, ATTRIBUTE_STRINGS));
        }

        ProtoMessage proto() {
            return proto;
        }
    }

    /**
     * Adds a node with one output.
     *
     * @param op the operator, e.g. "Gemm"
     * @param in the input tensors' names
     * @param attributes the node's attributes
     * @return the output's name
     */
    public String node(String op, List<String> in, Attribute... attributes) {
        String output = name(op.toLowerCase(java.util.Locale.ROOT));
        node(op, in, output, attributes);
        return output;
    }

    /**
     * Adds a node writing the named output.
     *
     * @param op the operator
     * @param in the input tensors' names
     * @param output the output's name
     * @param attributes the node's attributes
     */
    public void node(String op, List<String> in, String output, Attribute... attributes) {
        nodes.add(nodeProto(op, in, output, attributes));
    }

    /**
     * Adds a node of the ONNX-ML operator set ({@value #ML_DOMAIN}, version {@value #ML_OPSET}), which the model then
     * imports: the string-to-number maps of a table's text columns.
     *
     * @param op the operator, e.g. "LabelEncoder"
     * @param in the input tensors' names
     * @param attributes the node's attributes
     * @return the output's name
     */
    public String mlNode(String op, List<String> in, Attribute... attributes) {
        String output = name(op.toLowerCase(java.util.Locale.ROOT));
        nodes.add(nodeProto(op, in, output, attributes).string(7, ML_DOMAIN));
        usesMl = true;
        return output;
    }

    private static ProtoMessage nodeProto(String op, List<String> in, String output, Attribute... attributes) {
        ProtoMessage n = new ProtoMessage();
        for (String i : in) {
            n.string(1, i);
        }
        n.string(2, output).string(3, output).string(4, op);
        for (Attribute a : attributes) {
            n.message(5, a.proto());
        }
        return n;
    }

    /** @return whether a node of the ONNX-ML operator set was added, so the model must import it */
    boolean usesMl() {
        return usesMl;
    }

    /** Declares a float graph input or output of shape [batch, …], the batch dimension named. */
    private static ProtoMessage valueInfo(String name, String batch, long... rest) {
        return valueInfo(name, FLOAT, batch, rest);
    }

    /** Declares a graph input or output of an element type and shape [batch, …], the batch dimension named. */
    private static ProtoMessage valueInfo(String name, int type, String batch, long... rest) {
        ProtoMessage shape = new ProtoMessage().message(1, new ProtoMessage().string(2, batch));
        for (long d : rest) {
            shape.message(1, new ProtoMessage().int64(1, d));
        }
        ProtoMessage tensor = new ProtoMessage().int32(1, type).message(2, shape);
        return new ProtoMessage().string(1, name).message(2, new ProtoMessage().message(1, tensor));
    }

    void input(String name, String batch, long... rest) {
        inputs.add(valueInfo(name, batch, rest));
    }

    /**
     * Declares a float graph input, one of a table's numeric columns; no tensor {@link #name} gives later takes its
     * name.
     *
     * @param name the input's name
     * @param batch the name of the symbolic batch dimension
     * @param rest the other dimensions
     */
    public void floatInput(String name, String batch, long... rest) {
        inputNames.add(name);
        inputs.add(valueInfo(name, FLOAT, batch, rest));
    }

    /**
     * Declares a string graph input, one of a table's text columns; no tensor {@link #name} gives later takes its
     * name.
     *
     * @param name the input's name
     * @param batch the name of the symbolic batch dimension
     * @param rest the other dimensions
     */
    public void stringInput(String name, String batch, long... rest) {
        inputNames.add(name);
        inputs.add(valueInfo(name, STRING, batch, rest));
    }

    /**
     * Declares a float output of the graph.
     *
     * @param name the value's name
     * @param batch the name of the symbolic batch dimension
     * @param rest the other dimensions
     */
    public void output(String name, String batch, long... rest) {
        outputs.add(valueInfo(name, batch, rest));
    }

    ProtoMessage proto(String name) {
        ProtoMessage g = new ProtoMessage();
        nodes.forEach(n -> g.message(1, n));
        g.string(2, name);
        initializers.forEach(t -> g.message(5, t));
        inputs.forEach(i -> g.message(11, i));
        outputs.forEach(o -> g.message(12, o));
        return g;
    }
}
