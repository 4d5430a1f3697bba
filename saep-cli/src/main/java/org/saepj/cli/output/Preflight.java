package org.saepj.cli.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.saepj.DataException;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.cli.UsageError;
import org.saepj.engine.Architecture;
import org.saepj.engine.Network;
import org.saepj.engine.layer.Layer;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.subnetwork.SearchSpace;

/**
 * Checks before any training that a search can finish: a search space that fits the data, members a saved ensemble
 * can hold, enough free disk space for its outputs and checkpoints, and enough heap for the members' stored outputs
 * and each iteration's batches. Estimates are upper bounds; each is computed from sizes, before anything that large
 * is allocated.
 */
public final class Preflight {
    private static final long MB = 1L << 20;
    /** An iteration's batches and, when candidates train an iteration early, the next iteration's. */
    private static final int BATCH_ARRAYS = 2;

    private Preflight() {}

    /** @return an upper bound of the bytes the run writes: two copies of every member's parameters, plus reports */
    static long diskBytes(SearchConfig c, Partitions p) {
        return 2L * c.iterations() * largest(c, p).parameterCount() * 4 + 32 * MB;
    }

    /** @return an upper bound of the heap the run needs beyond the loaded data */
    static long heapBytes(SearchConfig c, Partitions p) {
        Architecture largest = largest(c, p);
        long members = memberCount(c, p);
        long activations = (long) Math.max(Network.INFERENCE_CHUNK, c.batchSize())
                * activationsPerSample(largest)
                * 4
                * c.threads();
        // parameters and gradients of each member
        return outputBytes(c, p)
                + members * 2L * largest.parameterCount() * 4
                + activations
                + batchBytes(c, p)
                + 64 * MB;
    }

    /** @return the members (and candidates) a run holds at most */
    private static long memberCount(SearchConfig c, Partitions p) {
        return (long) c.iterations() + space(c, p).maxCandidates();
    }

    /** @return the heap of the members' stored outputs (outputs and targets on every partition), whatever their size */
    private static long outputBytes(SearchConfig c, Partitions p) {
        long rows = (long) p.train().size()
                + p.test().size()
                + (p.selectsOnTrain() ? 0 : p.selection().size());
        return memberCount(c, p) * rows * p.train().outputWidth() * (4 + 4);
    }

    /** @return the heap of the batches' sample indices: steps × batch ints per iteration */
    private static long batchBytes(SearchConfig c, Partitions p) {
        return BATCH_ARRAYS * (long) c.stepsPerIteration(p.candidateRows(c)) * c.batchSize() * 4;
    }

    private static SearchSpace space(SearchConfig c, Partitions p) {
        try {
            return c.searchSpace(p.train().shape(), p.train().outputWidth());
        } catch (IllegalArgumentException e) {
            throw new UsageError(spaceOption(c) + ": " + e.getMessage());
        }
    }

    private static Architecture largest(SearchConfig c, Partitions p) {
        try {
            return space(c, p).largest(c.iterations());
        } catch (IllegalArgumentException e) {
            throw new UsageError(spaceOption(c) + ": " + e.getMessage());
        }
    }

    /** @return the option that chose the search space: --model dnn, or --space and its file or plug-in */
    private static String spaceOption(SearchConfig c) {
        return c.spaceName().startsWith("space ") ? "--" + c.spaceName() : "--model " + c.spaceName();
    }

    /** Floats one sample needs while training: the input and every layer's output and gradient, and its scratch. */
    static long activationsPerSample(Architecture a) {
        long n = a.input().size();
        for (Layer layer : a.layers()) {
            n += 2L * layer.outputSize() + layer.scratchFloatsPerSample();
        }
        return n;
    }

    public static void check(SearchConfig c, Partitions p, Path out, long freeHeap, long usableDisk) {
        if (c.batchSize() > p.candidateRows(c)) {
            throw new UsageError("--batch " + c.batchSize() + " is larger than the "
                    + p.candidateRows(c) + " training samples: choose at most "
                    + p.candidateRows(c));
        }
        // Sizes first, from counts alone: the architecture is built (and its layers allocated) only once they fit.
        if (outputBytes(c, p) > freeHeap) {
            throw heap(outputBytes(c, p), freeHeap);
        }
        Architecture largest = largest(c, p);
        if (largest.parameterCount() > SavedEnsemble.MAX_PARAMETERS) {
            long n = largest.parameterCount();
            throw new UsageError(spaceOption(c) + ": its largest candidate (" + largest + ") would have "
                    + (n == Long.MAX_VALUE ? "more parameters than a long counts" : n + " parameters")
                    + ", more than a saved ensemble holds (" + SavedEnsemble.MAX_PARAMETERS
                    + "): lower --width or --iterations");
        }
        long heap = heapBytes(c, p);
        long batches = batchBytes(c, p);
        if (heap > freeHeap && batches > heap / 2) {
            // The batches are what does not fit: say how many steps do.
            long left = Math.max(0, freeHeap - (heap - batches));
            long perIteration = left / (BATCH_ARRAYS * 4L * c.batchSize());
            throw new UsageError(String.format(
                    Locale.ROOT,
                    "--steps %d: each iteration's batches (%d steps of %d"
                            + " samples) need about %d MB of heap and only %d MB are free beside the rest of"
                            + " the search: use"
                            + " at most --steps %d, or raise the limit with SAEP_JAVA_OPTS=-Xmx%dg (or java -Xmx)",
                    c.totalSteps(),
                    c.stepsPerIteration(p.candidateRows(c)),
                    c.batchSize(),
                    batches / MB,
                    left / MB,
                    Math.max(c.iterations(), perIteration * c.iterations()),
                    gigabytes(heap)));
        }
        if (heap > freeHeap) {
            throw heap(heap, freeHeap);
        }
        long disk = diskBytes(c, p);
        if (disk > usableDisk) {
            throw new FileException(String.format(
                    Locale.ROOT,
                    "--out %s: only %d MB free on its disk, the search may" + " write up to %d MB",
                    out,
                    usableDisk / MB,
                    disk / MB));
        }
    }

    private static SaepException heap(long heap, long freeHeap) {
        return new DataException(String.format(
                Locale.ROOT,
                "the search needs about %d MB of heap beyond the data but"
                        + " only %d MB are free: raise the limit with SAEP_JAVA_OPTS=-Xmx%dg (or java -Xmx)",
                heap / MB,
                freeHeap / MB,
                gigabytes(heap)));
    }

    /** @return whole gigabytes of heap a JVM would need for this many bytes beyond what it holds now, at least 2 */
    private static long gigabytes(long heap) {
        return Math.max(2, (heap + Runtime.getRuntime().totalMemory()) / (1L << 30) + 1);
    }

    public static void check(SearchConfig c, Partitions p, Path out) {
        Runtime rt = Runtime.getRuntime();
        long freeHeap = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long usable;
        try {
            // The directory is made only once every check has passed: measured where it will be.
            usable = Files.getFileStore(RealPaths.nearestExisting(out)).getUsableSpace();
        } catch (IOException e) {
            throw new FileException("--out " + out + ": cannot measure free space: " + e.getMessage(), e);
        }
        check(c, p, out, freeHeap, usable);
    }
}
