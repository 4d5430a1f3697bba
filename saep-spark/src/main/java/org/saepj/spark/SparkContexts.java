package org.saepj.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.saepj.SaepException;
import org.saepj.UsageException;
import org.saepj.engine.Backends;

/**
 * Starts the Spark context behind {@code --spark MASTER}, for a grid and for a search alike: the UI off; on a
 * machine-local master bound to 127.0.0.1 and with this JVM's class path for the executors; the executors started
 * with the Vector API when this JVM has it, so they compute with the same backend (the same numbers). Then waits until
 * an executor has registered, so a master that cannot be reached is one error within {@value #DEFAULT_WAIT_SECONDS} s
 * ({@code --spark-conf saep.registrationTimeout=SECONDS}), not a hang.
 */
final class SparkContexts {
    static final int DEFAULT_WAIT_SECONDS = 60;
    /** The one setting of ours among Spark's keys. */
    static final String WAIT_KEY = "saep.registrationTimeout";

    private static final String VECTOR = "--add-modules jdk.incubator.vector";
    private static final String EXECUTOR_OPTIONS = "spark.executor.extraJavaOptions";

    private SparkContexts() {}

    /**
     * @param master the master URL
     * @param appName the application's name in the cluster's lists
     * @param settings Spark settings, and {@value #WAIT_KEY}
     * @return a started context with at least one executor registered
     * @throws SaepException when the URL is malformed, the master cannot be reached or no executor registers in time
     */
    static JavaSparkContext start(String master, String appName, Map<String, String> settings) {
        if (!master.matches("(local(\\[.*\\])?|local-cluster\\[\\d+,\\d+,\\d+\\]|spark://.+|yarn|k8s://.+)")) {
            throw new UsageException("--spark " + master
                    + ": not a Spark master URL: expected local-cluster[N,CORES,MB], spark://HOST:PORT,"
                    + " yarn, k8s://… or local[N]");
        }
        SparkConf conf = new SparkConf().setMaster(master).setAppName(appName).set("spark.ui.enabled", "false");
        if (master.startsWith("local") || master.startsWith("spark://127.") || master.startsWith("spark://localhost")) {
            // executors on this machine: they find the classes where this JVM does
            conf.set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        }
        int wait = DEFAULT_WAIT_SECONDS;
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (e.getKey().equals(WAIT_KEY)) {
                try {
                    wait = Integer.parseInt(e.getValue());
                } catch (NumberFormatException ex) {
                    throw new UsageException(
                            "--spark-conf " + WAIT_KEY + "=" + e.getValue() + ": expected whole seconds");
                }
            } else {
                conf.set(e.getKey(), e.getValue());
            }
        }
        if (Backends.vectorAvailable()) {
            String options = conf.get(EXECUTOR_OPTIONS, "");
            if (!options.contains("jdk.incubator.vector")) {
                conf.set(EXECUTOR_OPTIONS, (options + " " + VECTOR).strip());
            }
        }
        if (master.startsWith("spark://")) {
            MasterProbe.requireReachable(master, Math.min(wait, 10));
        }
        JavaSparkContext spark = ExecutorWait.start(conf, master, wait);
        if (!master.startsWith("local[") && !master.equals("local") && !ExecutorWait.untilRegistered(spark, wait)) {
            spark.stop();
            throw new UsageException("--spark " + master + ": no executor registered within " + wait
                    + " s: is the master running, reachable" + " from here, and has it workers with free cores?");
        }
        return spark;
    }
}
