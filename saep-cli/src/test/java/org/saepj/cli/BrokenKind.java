package org.saepj.cli;

import java.nio.file.Path;
import org.saepj.data.SourceData;
import org.saepj.data.source.ReadSettings;
import org.saepj.data.source.SourceKind;

/**
 * A source kind with a bug ({@code broken:FILE}): reading throws an exception that is no user error, so
 * {@link ExitCodesTest} sees how the command line reports an internal error. Registered only by the services file
 * under {@code plugin-broken-kind/}, which that test brings in with a class loader of its own.
 */
public final class BrokenKind implements SourceKind {
    @Override
    public String id() {
        return "broken";
    }

    @Override
    public String location() {
        return "FILE";
    }

    @Override
    public String help() {
        return "test kind whose reader has a bug";
    }

    @Override
    public SourceData read(Path path, ReadSettings settings) {
        throw new IllegalStateException("a bug in the broken kind's reader");
    }
}
