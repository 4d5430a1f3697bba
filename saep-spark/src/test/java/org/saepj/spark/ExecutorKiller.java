package org.saepj.spark;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Kills one executor JVM of this JVM's local cluster (SIGKILL, found by its main class among this JVM's child
 * processes) the first time a condition holds, within two minutes: the fault a test then shows Spark recovers from.
 */
final class ExecutorKiller extends Thread {
    private final BooleanSupplier when;
    private final long pollMillis;
    private volatile int killed;

    /**
     * @param when polled until it holds
     * @param pollMillis how often
     */
    ExecutorKiller(BooleanSupplier when, long pollMillis) {
        super("executor-killer");
        this.when = when;
        this.pollMillis = pollMillis;
        setDaemon(true);
    }

    @Override
    public void run() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && killed == 0) {
            if (when.getAsBoolean()) {
                Optional<ProcessHandle> victim =
                        CompareOnSparkTest.executors().stream().findFirst();
                if (victim.isPresent() && victim.get().destroyForcibly()) {
                    killed++;
                }
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** @return how many executors it killed (0 or 1) */
    int killed() {
        return killed;
    }
}
