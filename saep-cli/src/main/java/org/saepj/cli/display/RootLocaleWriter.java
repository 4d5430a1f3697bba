package org.saepj.cli.display;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The command line's standard output and error: a {@link PrintWriter} whose {@code printf} and {@code format} use
 * {@link Locale#ROOT}, whatever the JVM's locale, so every number a command prints reads the same on every machine
 * ({@code 0.5177}, never {@code 0,5177}) and parses back as a number. {@link org.saepj.cli.SaepCommand} hands these
 * to picocli, so every command's {@code getOut()} and {@code getErr()} is one.
 */
public final class RootLocaleWriter extends PrintWriter {
    private RootLocaleWriter(PrintWriter target) {
        // No buffer of its own: each write goes straight to the target, which flushes as it was set up to.
        super(target, true);
    }

    /**
     * @param target where the text goes
     * @return a writer formatting with {@link Locale#ROOT} into {@code target} ({@code target} itself when it already
     *     is one)
     */
    public static PrintWriter of(PrintWriter target) {
        return target instanceof RootLocaleWriter ? target : new RootLocaleWriter(target);
    }

    @Override
    public PrintWriter format(String format, Object... args) {
        return format(Locale.ROOT, format, args);
    }

    @Override
    public PrintWriter printf(String format, Object... args) {
        return format(Locale.ROOT, format, args);
    }
}
