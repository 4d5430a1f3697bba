package org.saepj.search;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a search's checkpoints on a thread of its own while the next iteration runs, one at a time and in order: a
 * checkpoint is handed over only once the one before it is written, so at most one is in flight, and {@link #close}
 * waits for the last one before the search returns. Each write is the sink's own (atomic files), so an interrupted
 * run resumes from the last complete checkpoint, which gives the same result as any later one would. A write that
 * failed is reported, with its own error, at the next hand-over or at the close.
 */
final class BackgroundCheckpoints implements CheckpointSink, AutoCloseable {
    private final CheckpointSink sink;
    private final ExecutorService writer;
    private Future<?> pending;

    /** @param sink where the checkpoints go */
    BackgroundCheckpoints(CheckpointSink sink) {
        this.sink = sink;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "saep-checkpoint");
            t.setDaemon(true); // a JVM ending on Ctrl-C does not wait for it: the interrupt guard waits for the write
            return t;
        });
    }

    @Override
    public void save(SearchState state) {
        awaitPending();
        pending = writer.submit(() -> sink.save(state));
    }

    /** Waits for the checkpoint in flight and ends the writer. */
    @Override
    public void close() {
        try {
            awaitPending();
        } finally {
            writer.shutdown();
        }
    }

    private void awaitPending() {
        if (pending == null) {
            return;
        }
        Future<?> last = pending;
        pending = null;
        try {
            last.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.saepj.FileException("interrupted while a checkpoint was written", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r; // the sink's own error (a FileException naming the file), as if written here
            }
            throw new org.saepj.FileException("the checkpoint could not be written: " + cause, cause);
        }
    }
}
