package org.saepj.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.saepj.SaepException;
import org.saepj.engine.Architecture;
import org.saepj.engine.Network;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.subnetwork.ModelKind;

/**
 * Checks before any training that a search can finish: enough free disk space for its outputs and
 * checkpoints, and enough heap for the members' stored outputs. Estimates are upper bounds.
 */
final class Preflight {
    private static final long MB = 1L << 20;

    private Preflight() {
    }

    /** @return an upper bound of the bytes the run writes: two copies of every member's parameters, plus reports */
    static long diskBytes(SearchConfig c, Partitions p) {
        return 2L * c.iterations() * largestMember(c, p) * 4 + 32 * MB;
    }

    /** @return an upper bound of the heap the run needs beyond the loaded data */
    static long heapBytes(SearchConfig c, Partitions p) {
        int classes = p.train().classCount();
        long rows = (long) p.train().size() + p.test().size() + (p.selectsOnTrain() ? 0 : p.selection().size());
        long perMember = rows * classes * (4 + 4) + 2L * largestMember(c, p) * 4; // logits, labels, parameters and gradients
        int candidates = c.model() == ModelKind.DNN ? 2 : 1;
        long members = c.iterations() + candidates;
        long activations = (long) Math.max(Network.INFERENCE_CHUNK, c.batchSize()) * p.train().featureSize()
                * (c.model() == ModelKind.CNN ? 9 * 16 + 16 * 3 : 2) * 4 * c.threads();
        return members * perMember + activations + 64 * MB;
    }

    private static long largestMember(SearchConfig c, Partitions p) {
        Architecture a = switch (c.model()) {
            case CNN -> Architecture.ConvNet.paper(p.train().shape(), p.train().classCount());
            case LINEAR -> Architecture.DenseStack.dnn(p.train().shape(), 0, c.width(), p.train().classCount());
            case DNN -> Architecture.DenseStack.dnn(p.train().shape(), c.iterations() + 1, c.width(), p.train().classCount());
        };
        return a.parameterCount();
    }

    static void check(SearchConfig c, Partitions p, Path out, long freeHeap, long usableDisk) {
        long heap = heapBytes(c, p);
        if (heap > freeHeap) {
            throw new SaepException(String.format("the search needs about %d MB of heap beyond the data but only %d MB are free:"
                    + " raise the limit with SAEP_JAVA_OPTS=-Xmx%dg (or java -Xmx)", heap / MB, freeHeap / MB,
                    Math.max(2, (heap + Runtime.getRuntime().totalMemory()) / (1L << 30) + 1)));
        }
        long disk = diskBytes(c, p);
        if (disk > usableDisk) {
            throw new SaepException(String.format("--out %s: only %d MB free on its disk, the search may write up to %d MB",
                    out, usableDisk / MB, disk / MB));
        }
    }

    static void check(SearchConfig c, Partitions p, Path out) {
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
