package org.saepj.cli;

import org.saepj.BuildInfo;
import org.saepj.engine.kernel.KernelsProvider;
import picocli.CommandLine;

/** {@code saep --version}: version, git commit, Java runtime and the numeric kernels in use. */
public final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"saep " + BuildInfo.version() + " (commit " + BuildInfo.gitCommit() + ")", "Java " + BuildInfo.java(),
            "engine " + KernelsProvider.best().name() + (KernelsProvider.vectorAvailable() ? ""
                    : " (start Java with --add-modules jdk.incubator.vector for the faster kernels; ./saep does)")};
    }
}
