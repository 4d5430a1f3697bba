package org.saepj.engine.layer;

/**
 * Runs the independent chunks of a layer's pass: on the calling thread one after the other, or, where the
 * executor has idle threads ({@link StealingChunks}), partly on them. A layer hands over only chunks that write
 * disjoint outputs, each with the same kernel calls and arguments as its single-threaded loop, so the results are
 * the same bits whichever thread runs a chunk and in whatever order.
 */
public interface Chunks {
    /** Every chunk on the calling thread, in order. */
    Chunks SEQUENTIAL = (count, body) -> {
        for (int c = 0; c < count; c++) {
            body.run(c);
        }
    };

    /**
     * Runs chunks {@code 0 … count − 1} and returns when all are done; a chunk's exception is thrown here.
     *
     * @param count the chunks
     * @param body what chunk {@code c} computes; it writes outputs no other chunk writes and scratch of its own
     */
    void run(int count, Chunk body);

    /**
     * Whether chunks run from the calling thread now may run on other threads. When false, {@link #run} runs them in
     * order on the calling thread, so a caller need not prepare scratch of each chunk's own (a replica's buffers)
     * that only one chunk at a time would use.
     *
     * @return true where other threads may take some of the chunks
     */
    default boolean mayShare() {
        return false;
    }

    /** One chunk of a pass. */
    @FunctionalInterface
    interface Chunk {
        /**
         * @param index the chunk's index, {@code 0 … count − 1}; a chunk's scratch is chosen by it, never by thread
         */
        void run(int index);
    }
}
