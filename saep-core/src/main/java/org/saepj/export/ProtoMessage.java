package org.saepj.export;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One protobuf message written field by field (numbers from the schema, e.g. onnx.proto), with protobuf-java's
 * encoder: ONNX needs only a handful of messages, so generated classes for all of onnx.proto would be the larger
 * dependency. Fields are written in the order they are added.
 */
final class ProtoMessage {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

    private interface Write {
        void to(CodedOutputStream out) throws IOException;
    }

    private ProtoMessage write(Write w) {
        try {
            w.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return this;
    }

    ProtoMessage int64(int field, long value) {
        return write(o -> o.writeInt64(field, value));
    }

    ProtoMessage int32(int field, int value) {
        return write(o -> o.writeInt32(field, value));
    }

    ProtoMessage float32(int field, float value) {
        return write(o -> o.writeFloat(field, value));
    }

    ProtoMessage string(int field, String value) {
        return write(o -> o.writeString(field, value));
    }

    ProtoMessage bytes(int field, byte[] value) {
        return write(o -> o.writeByteArray(field, value));
    }

    ProtoMessage message(int field, ProtoMessage value) {
        return bytes(field, value.toByteArray());
    }

    /** A repeated int64 field, unpacked (each value its own field, as proto2's onnx.proto declares them). */
    ProtoMessage int64s(int field, long... values) {
        for (long v : values) {
            int64(field, v);
        }
        return this;
    }

    byte[] toByteArray() {
        write(CodedOutputStream::flush);
        return bytes.toByteArray();
    }
}
