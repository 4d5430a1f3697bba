package org.saepj.cli;

import org.saepj.BuildInfo;
import org.saepj.engine.Backends;
import picocli.CommandLine;

/** {@code saep --version}: version, git commit, Java runtime and the numeric backend in use. */
public final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "saep " + BuildInfo.version() + " (commit " + BuildInfo.gitCommit() + ")",
            "Java " + BuildInfo.java(),
            "engine " + Backends.best().name()
                    + (Backends.vectorAvailable()
                            ? ""
                            : " (start Java with --add-modules jdk.incubator.vector for the faster backend;"
                                    + " ./saep does)")
        };
    }
}
