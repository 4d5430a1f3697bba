package org.saepj.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's minor page faults so far, from {@code /proc/self/stat}: the count that exposes PyTorch's slow mode.
 *
 * <p>PyTorch allocates every tensor of a step with {@code malloc} and frees it at the step's end. Under glibc's
 * defaults, blocks above the (moving) mmap threshold are mapped and unmapped each time, a thread arena's free top is
 * handed back to the kernel and its extra heaps are unmapped once empty; every step then faults its pages in again,
 * zeroed by the kernel, thousands of faults a step ({@code ./saep bench} sets glibc's tunables against it).
 * Whether a process lands in that state depends on the order of its earlier allocations, so it came and went between
 * runs. The bench reports the faults per PyTorch step in each row, so that the state is never silent. About 50 a
 * step of a 784-pixel batch of 64 came from the bench's own side until DJL was handed the batch in reused native
 * memory ({@link org.saepj.torch.DirectFloats}): DJL copies a heap array into a new direct buffer, freed only when
 * the JVM collects it.
 */
final class PageFaults {
    /** Faults per PyTorch step above which a row is marked: 1.6 MB of fresh pages a step. */
    static final double CHURN_PER_STEP = 400;

    private static final Path STAT = Path.of("/proc/self/stat");

    private PageFaults() {}

    /** @return the minor faults of this process so far, or -1 where {@code /proc/self/stat} cannot be read */
    static long minor() {
        try {
            return parseMinor(Files.readString(STAT));
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return -1; // not Linux: the rows then say the count is unknown
        }
    }

    /**
     * @param stat the one line of {@code /proc/PID/stat}
     * @return its {@code minflt} field (the tenth), or -1 where the line does not have one
     */
    static long parseMinor(String stat) {
        // The second field is the command name in parentheses, which may hold spaces and parentheses itself: the
        // fields are counted from the last ')'.
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return -1;
        }
        String[] rest = stat.substring(end + 1).strip().split("\\s+");
        // rest[0] is field 3 (state), so minflt, field 10, is rest[7]
        if (rest.length < 8) {
            return -1;
        }
        try {
            return Long.parseLong(rest[7]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
