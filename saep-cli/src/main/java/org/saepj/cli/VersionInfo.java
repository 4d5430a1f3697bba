package org.saepj.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version and git commit, for {@code --version} and for the provenance of every result. */
public final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"saep " + version() + " (commit " + gitCommit() + ")",
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }

    /** @return the project version built into the jar */
    public static String version() {
        Properties props = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream("version.properties")) {
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
}
