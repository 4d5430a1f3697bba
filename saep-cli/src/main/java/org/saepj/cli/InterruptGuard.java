package org.saepj.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns Ctrl-C (SIGINT) into a clean stop: the shutdown hook waits for a checkpoint being written to
 * finish, says how to resume, and exits with 130. Registered for the duration of a search only.
 */
final class InterruptGuard implements AutoCloseable {
    /** The exit code of a search stopped by SIGINT (128 + 2). */
    static final int EXIT_INTERRUPTED = 130;
    private final Thread hook;
    private volatile ReentrantLock writing;

    InterruptGuard(PrintWriter err, Path resumeDir) {
        this(err, resumeDir, "search");
    }

    /**
     * @param err where to say how to resume
     * @param resumeDir the directory to resume
     * @param command "search" or "compare"
     */
    InterruptGuard(PrintWriter err, Path resumeDir, String command) {
        this.hook = new Thread(() -> {
            ReentrantLock lock = writing;
            if (lock != null) {
                lock.lock(); // let a checkpoint being written finish; none starts after this
            }
            err.println("interrupted: the " + command + " stopped after its last complete iteration; continue it with: saep "
                    + command + " --resume " + resumeDir);
            err.flush();
            Runtime.getRuntime().halt(EXIT_INTERRUPTED);
        }, "saep-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** @param lock the lock held while the current run's checkpoint is written */
    void guard(ReentrantLock lock) {
        this.writing = lock;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running and will end the process.
        }
    }
}
