package org.saepj.data.source;

import java.util.Map;
import java.util.Optional;
import org.saepj.Providers;

/**
 * Makes a way of reading {@link RemoteFiles} known: found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/org.saepj.data.source.RemoteFileSystems}, so the CLI reads {@code hdfs://} and {@code
 * s3a://} sources when the module that provides them (saep-spark) is on the class path.
 */
public interface RemoteFileSystems {
    /** @return the id the CLI's option names ("spark") */
    String id();

    /**
     * @param settings the provider's settings (for Spark: {@code spark.hadoop.*} keys among the configuration's)
     * @return the file systems, configured by the settings
     */
    RemoteFiles open(Map<String, String> settings);

    /**
     * @param id a provider's id ("spark")
     * @return its provider, when a jar on the class path declares one
     */
    static Optional<RemoteFileSystems> find(String id) {
        return Providers.find(RemoteFileSystems.class, RemoteFileSystems::id, id);
    }
}
