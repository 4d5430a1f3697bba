package org.saepj.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.saepj.DataException;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.UsageException;
import org.saepj.search.InvalidSettingException;
import picocli.CommandLine;

/**
 * How a command failed, and the exit code each kind gives: the one place where errors become exit codes.
 *
 * <table>
 * <caption>exit codes</caption>
 * <tr><td>0</td><td>success</td></tr>
 * <tr><td>1</td><td>{@link #DATA}: the input's content cannot be used</td></tr>
 * <tr><td>2</td><td>{@link #USAGE}: a bad option, argument or name</td></tr>
 * <tr><td>3</td><td>{@link #FILE}: a file cannot be read or written, is corrupt or of another format</td></tr>
 * <tr><td>4</td><td>{@link #INTERNAL}: a bug in SAEP-J</td></tr>
 * <tr><td>128 + n</td><td>{@link #INTERRUPTED}: stopped by signal n (130 for Ctrl-C)</td></tr>
 * </table>
 */
public enum ErrorKind {
    /** A bad option, argument or name ({@link UsageException}, a parse error, an {@link InvalidSettingException}). */
    USAGE(2, "usage: a bad option, argument or name"),
    /** The input's content is wrong ({@link DataException}), or the work does not fit the heap. */
    DATA(1, "data: what the input holds cannot be used (a value, column, class)"),
    /** A file cannot be used ({@link FileException}). */
    FILE(3, "file: missing, unreadable, unwritable, locked, corrupt or newer"),
    /** Anything else: a bug. */
    INTERNAL(4, "internal error: a bug in SAEP-J (--debug shows where)"),
    /** Stopped by Ctrl-C: 128 + SIGINT's number, as a shell expects. */
    INTERRUPTED(128 + 2, "Ctrl-C (SIGTERM 143, SIGHUP 129): saep search --resume DIR");

    /** Exit code of success. */
    public static final int SUCCESS = 0;

    private final int exitCode;
    private final String meaning;

    ErrorKind(int exitCode, String meaning) {
        this.exitCode = exitCode;
        this.meaning = meaning;
    }

    /**
     * @return the top-level help's table of exit codes, in the order of the codes
     */
    public static List<String> helpLines() {
        List<String> lines = new ArrayList<>(
                List.of("", "Exit codes:", String.format(Locale.ROOT, "  %-4d %s", SUCCESS, "success")));
        Arrays.stream(values())
                .sorted(Comparator.comparingInt(ErrorKind::exitCode))
                .forEach(k -> lines.add(String.format(Locale.ROOT, "  %-4d %s", k.exitCode, k.meaning)));
        return lines;
    }

    /** @return the exit code of an error of this kind */
    public int exitCode() {
        return exitCode;
    }

    /**
     * @param error what a command threw
     * @return its kind
     */
    public static ErrorKind of(Throwable error) {
        if (error instanceof UsageException
                || error instanceof CommandLine.ParameterException
                || error instanceof InvalidSettingException) {
            return USAGE;
        }
        if (error instanceof FileException) {
            return FILE;
        }
        // A plug-in's own subclass of SaepException (neither of the kinds above) is still a user error.
        if (error instanceof DataException || error instanceof SaepException || error instanceof OutOfMemoryError) {
            return DATA;
        }
        return INTERNAL;
    }

    /**
     * @param signal a signal's number (2 for SIGINT, 15 for SIGTERM, 1 for SIGHUP)
     * @return the exit code of a command that signal stopped: 128 + its number
     */
    public static int exitCodeOfSignal(int signal) {
        return 128 + signal;
    }
}
