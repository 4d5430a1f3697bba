package org.saepj.cli.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.saepj.SaepException;
import org.saepj.cli.UsageError;
import org.saepj.engine.Architecture;
import org.saepj.engine.Network;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.layer.Conv2D;
import org.saepj.engine.layer.Layer;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;

/**
 * Checks before any training that a search can finish: enough free disk space for its outputs and
 * checkpoints, and enough heap for the members' stored outputs. Estimates are upper bounds.
 */
public final class Preflight {
    private static final long MB = 1L << 20;

    private Preflight() {
    }

    /** @return an upper bound of the bytes the run writes: two copies of every member's parameters, plus reports */
    static long diskBytes(SearchConfig c, Partitions p) {
        return 2L * c.iterations() * largest(c, p).parameterCount() * 4 + 32 * MB;
    }

    /** @return an upper bound of the heap the run needs beyond the loaded data */
    static long heapBytes(SearchConfig c, Partitions p) {
        int classes = p.train().classCount();
        long rows = (long) p.train().size() + p.test().size() + (p.selectsOnTrain() ? 0 : p.selection().size());
        Architecture largest = largest(c, p);
        long perMember = rows * classes * (4 + 4) + 2L * largest.parameterCount() * 4; // logits, labels, parameters and gradients
        int candidates = c.searchSpace(p.train().shape(), classes).maxCandidates();
        long members = c.iterations() + candidates;
        long activations = (long) Math.max(Network.INFERENCE_CHUNK, c.batchSize()) * activationsPerSample(largest) * 4 * c.threads();
        return members * perMember + activations + 64 * MB;
    }

    private static Architecture largest(SearchConfig c, Partitions p) {
        return c.searchSpace(p.train().shape(), p.train().classCount()).largest(c.iterations());
    }

    /** Floats one sample needs while training: the input and every layer's output and gradient, and im2col patches. */
    private static long activationsPerSample(Architecture a) {
        long n = a.input().size();
        for (Layer layer : a.layers(KernelsProvider.scalar())) {
            n += 2L * layer.outputSize();
            if (layer instanceof Conv2D conv) {
                n += 2L * conv.kernel() * conv.kernel() * conv.inChannels() * conv.height() * conv.width();
            }
        }
        return n;
    }

    public static void check(SearchConfig c, Partitions p, Path out, long freeHeap, long usableDisk) {
        if (c.batchSize() > p.train().size()) {
            throw new UsageError("--batch " + c.batchSize() + " is larger than the " + p.train().size()
                    + " training samples: choose at most " + p.train().size());
        }
        long heap = heapBytes(c, p);
        if (heap > freeHeap) {
            throw new SaepException(String.format(Locale.ROOT,
                    "the search needs about %d MB of heap beyond the data but only %d MB are free: raise the limit with SAEP_JAVA_OPTS=-Xmx%dg (or java -Xmx)", heap / MB, freeHeap / MB,
                    Math.max(2, (heap + Runtime.getRuntime().totalMemory()) / (1L << 30) + 1)));
        }
        long disk = diskBytes(c, p);
        if (disk > usableDisk) {
            throw new SaepException(String.format(Locale.ROOT,
                    "--out %s: only %d MB free on its disk, the search may write up to %d MB", out, usableDisk / MB, disk / MB));
        }
    }

    public static void check(SearchConfig c, Partitions p, Path out) {
        Runtime rt = Runtime.getRuntime();
        long freeHeap = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long usable;
        try {
            usable = Files.getFileStore(out).getUsableSpace();
        } catch (IOException e) {
            throw new SaepException("--out " + out + ": cannot measure free space: " + e.getMessage(), e);
        }
        check(c, p, out, freeHeap, usable);
    }
}
