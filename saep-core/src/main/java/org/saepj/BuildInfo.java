package org.saepj;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version and git commit of this build, recorded in the provenance of every result. */
public final class BuildInfo {
    private BuildInfo() {}

    /** @return the project version built into saep-core */
    public static String version() {
        Properties props = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("saep-version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return props.getProperty("version", "unknown");
    }

    /**
     * The launcher passes the commit it was built from in {@code SAEP_GIT_COMMIT}; elsewhere it is unknown.
     *
     * @return the git commit, or "unknown"
     */
    public static String gitCommit() {
        String commit = System.getenv("SAEP_GIT_COMMIT");
        return commit == null || commit.isBlank() ? "unknown" : commit.strip();
    }

    /** @return the Java runtime, e.g. "17.0.15 (OpenJDK 64-Bit Server VM)" */
    public static String java() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }
}
