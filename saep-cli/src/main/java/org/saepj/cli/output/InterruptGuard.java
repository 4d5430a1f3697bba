package org.saepj.cli.output;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.saepj.cli.ErrorKind;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGINT (Ctrl-C), SIGTERM and SIGHUP into a clean stop: the handler waits for a checkpoint being
 * written to finish, says how to resume, and exits with 128 + the signal's number (130, 143, 129), as a
 * shell expects. Installed for the duration of a search only; the previous handlers come back on close.
 */
public final class InterruptGuard implements AutoCloseable {
    private static final Map<String, Integer> SIGNALS = Map.of("INT", 2, "TERM", 15, "HUP", 1);
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private volatile ReentrantLock writing;

    public InterruptGuard(PrintWriter err, Path resumeDir) {
        this(err, resumeDir, "search");
    }

    /**
     * @param err where to say how to resume
     * @param resumeDir the directory to resume
     * @param command "search" or "compare"
     */
    public InterruptGuard(PrintWriter err, Path resumeDir, String command) {
        for (Map.Entry<String, Integer> s : SIGNALS.entrySet()) {
            int code = ErrorKind.exitCodeOfSignal(s.getValue());
            String name = "SIG" + s.getKey();
            SignalHandler handler = signal -> {
                ReentrantLock lock = writing;
                if (lock != null) {
                    lock.lock(); // let a checkpoint being written finish; none starts after this
                }
                err.println("interrupted (" + name + "): the " + command + " stopped after its last complete iteration; continue it"
                        + " with: saep " + command + " --resume " + resumeDir);
                err.flush();
                Runtime.getRuntime().halt(code);
            };
            try {
                Signal signal = new Signal(s.getKey());
                previous.put(signal, Signal.handle(signal, handler));
            } catch (IllegalArgumentException e) {
                // The JVM keeps this signal for itself (e.g. started with -Xrs): its default handling stays.
            }
        }
    }

    /** @param lock the lock held while the current run's checkpoint is written */
    public void guard(ReentrantLock lock) {
        this.writing = lock;
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
