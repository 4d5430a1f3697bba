package org.saepj.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.saepj.SaepException;
import org.saepj.UsageException;

/**
 * Bounds the two waits Spark itself does not: a standalone context's constructor blocks until the master answers
 * (three tries of 20 s), and jobs queue for an absent cluster without a word.
 */
final class ExecutorWait {
    private ExecutorWait() {}

    /**
     * @param conf the context's settings
     * @param master the master URL, for the message
     * @param seconds the longest wait for the context to start
     * @return the started context
     * @throws SaepException when it does not start in time or fails to start
     */
    static JavaSparkContext start(org.apache.spark.SparkConf conf, String master, int seconds) {
        java.util.concurrent.CompletableFuture<JavaSparkContext> started =
                new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(
                () -> {
                    try {
                        started.complete(new JavaSparkContext(conf));
                    } catch (RuntimeException | Error e) {
                        started.completeExceptionally(e);
                    }
                },
                "saep-spark-start");
        t.setDaemon(true); // a start that never returns must not keep the JVM alive
        t.start();
        try {
            return started.get(seconds, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new UsageException("--spark " + master + ": the master did not accept the application within "
                    + seconds + " s: is it running and reachable from here?");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new UsageException(
                    "--spark " + master + ": cannot start a Spark context: "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("--spark " + master + ": interrupted while starting", e);
        }
    }

    /**
     * @param spark a started context
     * @param seconds the longest wait
     * @return whether an executor (besides the driver) registered in time
     */
    static boolean untilRegistered(JavaSparkContext spark, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            // the status tracker lists the driver too
            if (spark.sc().statusTracker().getExecutorInfos().length > 1) {
                return true;
            }
            if (spark.sc().isStopped()) {
                return false;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
