package org.saepj.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * An ONNX graph being built: nodes in order, initializers (the weights, stored as little-endian raw data) and the
 * graph's inputs and outputs, with field numbers from onnx.proto (GraphProto, NodeProto, TensorProto, AttributeProto,
 * ValueInfoProto).
 */
final class OnnxGraph {
    /** TensorProto.DataType FLOAT. */
    static final int FLOAT = 1;
    /** TensorProto.DataType INT64. */
    static final int INT64 = 7;
    private static final int ATTRIBUTE_INT = 2;
    private static final int ATTRIBUTE_INTS = 7;

    private final List<ProtoMessage> nodes = new ArrayList<>();
    private final List<ProtoMessage> initializers = new ArrayList<>();
    private final List<ProtoMessage> inputs = new ArrayList<>();
    private final List<ProtoMessage> outputs = new ArrayList<>();
    private int counter;

    /** @return a fresh tensor name with the given stem */
    String name(String stem) {
        return stem + "_" + counter++;
    }

    /** Adds a float initializer of the given shape and returns its name. */
    String floats(String stem, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return tensor(stem, FLOAT, raw.array(), dims);
    }

    /** Adds an int64 initializer (a shape, a permutation) and returns its name. */
    String longs(String stem, long... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        return tensor(stem, INT64, raw.array(), values.length);
    }

    private String tensor(String stem, int type, byte[] raw, long... dims) {
        String name = name(stem);
        initializers.add(new ProtoMessage().int64s(1, dims).int32(2, type).string(8, name).bytes(9, raw));
        return name;
    }

    /** An attribute of a node. */
    record Attribute(String name, long[] ints, boolean list) {
        static Attribute of(String name, long value) {
            return new Attribute(name, new long[] {value}, false);
        }

        static Attribute ints(String name, long... values) {
            return new Attribute(name, values, true);
        }

        ProtoMessage proto() {
            ProtoMessage a = new ProtoMessage().string(1, name);
            if (list) {
                a.int64s(8, ints).int32(20, ATTRIBUTE_INTS);
            } else {
                a.int64(3, ints[0]).int32(20, ATTRIBUTE_INT);
            }
            return a;
        }
    }

    /**
     * Adds a node with one output.
     *
     * @return the output's name
     */
    String node(String op, List<String> in, Attribute... attributes) {
        String output = name(op.toLowerCase(java.util.Locale.ROOT));
        node(op, in, output, attributes);
        return output;
    }

    /** Adds a node writing the named output. */
    void node(String op, List<String> in, String output, Attribute... attributes) {
        ProtoMessage n = new ProtoMessage();
        for (String i : in) {
            n.string(1, i);
        }
        n.string(2, output).string(3, output).string(4, op);
        for (Attribute a : attributes) {
            n.message(5, a.proto());
        }
        nodes.add(n);
    }

    /** Declares a float graph input or output of shape [batch, …], the batch dimension named. */
    private static ProtoMessage valueInfo(String name, String batch, long... rest) {
        ProtoMessage shape = new ProtoMessage().message(1, new ProtoMessage().string(2, batch));
        for (long d : rest) {
            shape.message(1, new ProtoMessage().int64(1, d));
        }
        ProtoMessage tensor = new ProtoMessage().int32(1, FLOAT).message(2, shape);
        return new ProtoMessage().string(1, name).message(2, new ProtoMessage().message(1, tensor));
    }

    void input(String name, String batch, long... rest) {
        inputs.add(valueInfo(name, batch, rest));
    }

    void output(String name, String batch, long... rest) {
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
