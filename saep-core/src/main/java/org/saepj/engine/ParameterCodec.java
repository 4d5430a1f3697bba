package org.saepj.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.saepj.FileException;

/**
 * The compact binary form of a network's numbers: the magic {@code SAEPPAR}, a format version byte, the parameter
 * count (big-endian int) and the parameters as little-endian IEEE floats; version 2 then adds the count of layer state
 * values (running statistics, big-endian int) and those values, little-endian.
 *
 * <p>A network without state is written as version 1, byte for byte as before version 2 existed, so its checksum and
 * the files of every earlier ensemble stay the same; only a network with state needs version 2, which builds that
 * read version 1 only refuse by its version byte rather than load without the state.
 */
public final class ParameterCodec {
    /** The newest format version: this build reads 1 and 2. */
    public static final int VERSION = 2;
    /** The version of a network without layer state. */
    public static final int STATELESS_VERSION = 1;

    private static final byte[] MAGIC = {'S', 'A', 'E', 'P', 'P', 'A', 'R'};

    /**
     * What a file holds.
     *
     * @param parameters the trainable parameters
     * @param state the layer state, empty in a version-1 file
     */
    public record Stored(float[] parameters, float[] state) {}

    private ParameterCodec() {}

    /**
     * Writes parameters alone (version 1).
     *
     * @param values the parameters
     * @param out the destination (not closed)
     * @throws IOException when writing fails
     */
    public static void write(float[] values, OutputStream out) throws IOException {
        write(values, new float[0], out);
    }

    /**
     * Writes parameters and layer state: version 1 when there is no state, else version 2.
     *
     * @param params the parameters
     * @param state the layer state, possibly empty
     * @param out the destination (not closed)
     * @throws IOException when writing fails
     */
    public static void write(float[] params, float[] state, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC);
        data.writeByte(state.length == 0 ? STATELESS_VERSION : VERSION);
        writeFloats(data, params);
        if (state.length > 0) {
            writeFloats(data, state);
        }
        data.flush();
    }

    private static void writeFloats(DataOutputStream data, float[] values) throws IOException {
        data.writeInt(values.length);
        ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        data.write(buf.array());
    }

    /**
     * @param values the parameters
     * @return the bytes {@link #write(float[], OutputStream)} writes
     */
    public static byte[] toBytes(float[] values) {
        return toBytes(values, new float[0]);
    }

    /**
     * @param params the parameters
     * @param state the layer state, possibly empty
     * @return the bytes {@link #write(float[], float[], OutputStream)} writes
     */
    public static byte[] toBytes(float[] params, float[] state) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((params.length + state.length) * 4 + 16);
        try {
            write(params, state, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads parameters that are about to be used: as {@link #read}, and refusing NaN or infinite values,
     * which no trained network holds and which would turn every prediction into NaN.
     *
     * @param in the source (not closed)
     * @param expectedCount the number of parameters the architecture needs
     * @param what names the source in errors (a file name)
     * @return the parameters, all finite
     */
    public static float[] readFinite(InputStream in, int expectedCount, String what) {
        return readFinite(in, expectedCount, 0, what).parameters();
    }

    /**
     * Reads a network's numbers that are about to be used, refusing NaN or infinite values in the parameters or the
     * state.
     *
     * @param in the source (not closed)
     * @param parameterCount the number of parameters the architecture needs
     * @param stateCount the number of state values its layers keep
     * @param what names the source in errors (a file name)
     * @return the parameters and state, all finite
     */
    public static Stored readFinite(InputStream in, int parameterCount, int stateCount, String what) {
        Stored stored = read(in, parameterCount, stateCount, what);
        requireFinite(stored.parameters(), "parameter", what);
        requireFinite(stored.state(), "layer state value", what);
        return stored;
    }

    private static void requireFinite(float[] values, String name, String what) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new FileException(what + ": " + name + " " + i + " is " + values[i] + ": the file is corrupt");
            }
        }
    }

    /**
     * @param in the source (not closed)
     * @param expectedCount the number of parameters the architecture needs
     * @param what names the source in errors (a file name)
     * @return the parameters
     */
    public static float[] read(InputStream in, int expectedCount, String what) {
        return read(in, expectedCount, 0, what).parameters();
    }

    /**
     * @param in the source (not closed)
     * @param parameterCount the number of parameters the architecture needs
     * @param stateCount the number of state values its layers keep (0: a version-1 file is expected)
     * @param what names the source in errors (a file name)
     * @return the parameters and state
     */
    public static Stored read(InputStream in, int parameterCount, int stateCount, String what) {
        try {
            DataInputStream data = new DataInputStream(in);
            byte[] magic = data.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new FileException(what + ": not a SAEP-J parameter file (bad magic)");
            }
            int version = data.readUnsignedByte();
            if (version < STATELESS_VERSION || version > VERSION) {
                throw new FileException(what + ": parameter format version " + version
                        + " is not supported (this build reads 1 to " + VERSION + ")");
            }
            float[] params = readFloats(data, parameterCount, "parameters", what);
            float[] state = new float[0];
            if (version >= 2) {
                state = readFloats(data, stateCount, "layer state values", what);
            } else if (stateCount > 0) {
                // Without its running statistics the member would predict differently without a word.
                throw new FileException(what + ": holds no layer state (format version 1), the architecture keeps "
                        + stateCount + " values of it (running statistics)");
            }
            if (data.read() != -1) {
                throw new FileException(what + ": trailing bytes after " + parameterCount + " parameters"
                        + (version >= 2 ? " and " + stateCount + " layer state values" : ""));
            }
            return new Stored(params, state);
        } catch (EOFException e) {
            throw new FileException(what + ": truncated header", e);
        } catch (IOException e) {
            throw new FileException(what + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static float[] readFloats(DataInputStream data, int expected, String name, String what) throws IOException {
        int count = data.readInt();
        if (count != expected) {
            throw new FileException(what + ": holds " + count + " " + name + ", the architecture needs " + expected);
        }
        byte[] bytes = data.readNBytes(count * 4);
        if (bytes.length != count * 4) {
            throw new FileException(
                    what + ": truncated (" + bytes.length + " of " + count * 4 + " bytes of " + name + ")");
        }
        float[] values = new float[count];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
