package org.saepj.cli.output;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The command line that continues an interrupted run, as a person types it into a shell: {@code saep search
 * --resume DIR}, the folder quoted when it holds anything a shell would split or expand.
 */
public final class ResumeCommand {
    /** Characters a POSIX shell passes through unquoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private ResumeCommand() {}

    /**
     * @param command the subcommand that wrote the run ({@code search} or {@code compare})
     * @param dir the run's folder
     * @return {@code saep COMMAND --resume DIR}
     */
    public static String of(String command, Path dir) {
        return "saep " + command + " --resume " + quoted(dir.toString());
    }

    /** @return the word as one shell word: as it is when plain, otherwise in single quotes */
    static String quoted(String word) {
        if (!word.isEmpty() && PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
