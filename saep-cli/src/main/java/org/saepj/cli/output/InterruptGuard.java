package org.saepj.cli.output;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.saepj.cli.ErrorKind;
import org.saepj.cli.display.StatusLine;
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

    /**
     * @param err where to say how to resume
     * @param resumeDir the directory to resume
     * @param command "search" or "compare"
     * @param statusLine the terminal a status line is drawn on (standard output), erased before the message so that
     *     the message stands on a line of its own; null when there is none
     */
    public InterruptGuard(PrintWriter err, Path resumeDir, String command, PrintWriter statusLine) {
        for (Map.Entry<String, Integer> s : SIGNALS.entrySet()) {
            int code = ErrorKind.exitCodeOfSignal(s.getValue());
            String name = "SIG" + s.getKey();
            SignalHandler handler = signal -> {
                ReentrantLock lock = writing;
                if (lock != null) {
                    lock.lock(); // let a checkpoint being written finish; none starts after this
                }
                if (statusLine != null) {
                    StatusLine.erase(statusLine);
                }
                err.println(
                        "interrupted (" + name + "): the " + command + " stopped after its last complete iteration and"
                                + " can be resumed with: " + ResumeCommand.of(command, resumeDir));
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
