package org.saepj.cli;

import org.saepj.BuildInfo;
import picocli.CommandLine;

/** {@code saep --version}: version, git commit and Java runtime. */
public final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"saep " + BuildInfo.version() + " (commit " + BuildInfo.gitCommit() + ")", "Java " + BuildInfo.java()};
    }
}
