package org.saepj.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.saepj.data.Dataset;
import org.saepj.engine.Network;

/**
 * Batched inference of one network split over threads. When an iteration trains fewer candidates than there
 * are threads (the CNN generator proposes one), computing the new member's outputs on 70,000 samples would
 * otherwise leave cores idle. The dataset's inference chunks are cut into contiguous ranges, one per thread,
 * each computed by a replica of the network; every chunk is computed exactly as in a single pass, so the
 * logits are the same numbers whatever the split.
 */
public final class ParallelInference {
    private ParallelInference() {}

    /**
     * @param net the network (used on the calling thread for the first range)
     * @param data the samples
     * @param parts how many threads to use at most, counting the calling thread
     * @param helpers runs the other ranges
     * @return the logits, {@code size × classes}, equal to {@code net.logits(data)}
     */
    public static float[] logits(Network net, Dataset data, int parts, Executor helpers) {
        int chunks = Network.chunkCount(data);
        int k = Math.min(parts, chunks);
        if (k <= 1) {
            return net.logits(data);
        }
        float[] out = new float[data.size() * net.architecture().classes()];
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (int p = 1; p < k; p++) {
            int from = chunks * p / k;
            int to = chunks * (p + 1) / k;
            Network replica = net.replica();
            others.add(CompletableFuture.runAsync(
                    () -> {
                        replica.logitsOfChunks(data, from, to, out);
                        replica.releaseBuffers();
                    },
                    helpers));
        }
        net.logitsOfChunks(data, 0, chunks / k, out);
        try {
            CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
        return out;
    }
}
