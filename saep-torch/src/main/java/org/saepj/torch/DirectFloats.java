package org.saepj.torch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Floats on their way to PyTorch in native memory that is kept from call to call. DJL copies a Java array (or a
 * heap buffer) into a new direct buffer on every {@code NDManager.create}, and a direct buffer is freed only when the
 * JVM collects its owner: until then each step's tensors land on fresh pages, every page faulted in and zeroed by the
 * kernel (about 110 faults a step of the paper's DNN, a batch of 64). Given a direct buffer, DJL's PyTorch engine makes
 * the tensor over it in place ({@code from_blob}) on the CPU, and copies it to a GPU.
 *
 * <p>A tensor made over {@link #stage}'s buffer reads whatever the buffer holds: the next {@code stage} may only come
 * once that tensor is closed (a training step's tensors, in a manager closed at the step's end).
 */
public final class DirectFloats {
    private ByteBuffer buffer = ByteBuffer.allocateDirect(0);

    /**
     * Copies {@code values[from … from + n − 1]} into the kept buffer, a larger one first where they do not fit.
     *
     * @param values the floats
     * @param from the first to copy
     * @param n how many
     * @return the buffer, native order, from its start to the last value copied
     */
    public ByteBuffer stage(float[] values, int from, int n) {
        if (buffer.capacity() < n * Float.BYTES) {
            buffer = ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder());
        }
        buffer.clear();
        buffer.asFloatBuffer().put(values, from, n);
        buffer.limit(n * Float.BYTES);
        return buffer;
    }
}
