package org.saepj.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.saepj.SaepException;

/**
 * The compact binary form of a parameter array: the magic {@code SAEPPAR}, a format version byte, the count
 * (big-endian int) and the values as little-endian IEEE floats.
 */
public final class ParameterCodec {
    /** The current format version. */
    public static final int VERSION = 1;
    private static final byte[] MAGIC = {'S', 'A', 'E', 'P', 'P', 'A', 'R'};

    private ParameterCodec() {
    }

    /**
     * @param values the parameters
     * @param out the destination (not closed)
     * @throws IOException when writing fails
     */
    public static void write(float[] values, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC);
        data.writeByte(VERSION);
        data.writeInt(values.length);
        ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        data.write(buf.array());
        data.flush();
    }

    /**
     * @param values the parameters
     * @return the bytes {@link #write} writes
     */
    public static byte[] toBytes(float[] values) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(values.length * 4 + 12);
        try {
            write(values, out);
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
        float[] values = read(in, expectedCount, what);
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new SaepException(what + ": parameter " + i + " is " + values[i] + ": the file is corrupt");
            }
        }
        return values;
    }

    /**
     * @param in the source (not closed)
     * @param expectedCount the number of parameters the architecture needs
     * @param what names the source in errors (a file name)
     * @return the parameters
     */
    public static float[] read(InputStream in, int expectedCount, String what) {
        try {
            DataInputStream data = new DataInputStream(in);
            byte[] magic = data.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new SaepException(what + ": not a SAEP-J parameter file (bad magic)");
            }
            int version = data.readUnsignedByte();
            if (version != VERSION) {
                throw new SaepException(what + ": parameter format version " + version + " is not supported (this build reads "
                        + VERSION + ")");
            }
            int count = data.readInt();
            if (count != expectedCount) {
                throw new SaepException(what + ": holds " + count + " parameters, the architecture needs " + expectedCount);
            }
            byte[] bytes = data.readNBytes(count * 4);
            if (bytes.length != count * 4) {
                throw new SaepException(what + ": truncated (" + bytes.length + " of " + count * 4 + " bytes)");
            }
            if (data.read() != -1) {
                throw new SaepException(what + ": trailing bytes after " + count + " parameters");
            }
            float[] values = new float[count];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            return values;
        } catch (EOFException e) {
            throw new SaepException(what + ": truncated header", e);
        } catch (IOException e) {
            throw new SaepException(what + ": cannot read: " + e.getMessage(), e);
        }
    }
}
