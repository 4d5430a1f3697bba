package org.saepj.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.saepj.cli.display.Json;

/**
 * Several commands in one child JVM, each run as {@link CliRun} runs it: for tests where the JVM's settings are under
 * test (its locale) but not its start, which costs seconds a command on a loaded machine. The child prints each
 * command's exit code and output as JSON; what a command prints is captured, as in-process.
 */
final class CliBatch {
    /** Separates the commands on the child's command line (no command takes it as an argument). */
    static final String NEXT = "--next-command--";

    private CliBatch() {}

    /**
     * @param jvmOptions options for the child JVM (for example {@code -Duser.language=de})
     * @param commands the commands, in the order they run
     * @return what each command did, in the same order
     */
    static List<CliRun> run(List<String> jvmOptions, List<String[]> commands) {
        List<String> args = new ArrayList<>();
        for (String[] command : commands) {
            if (!args.isEmpty()) {
                args.add(NEXT);
            }
            args.addAll(List.of(command));
        }
        CliProcess child = CliProcess.main(CliBatch.class, jvmOptions, Map.of(), args.toArray(String[]::new));
        if (child.exitCode() != 0) {
            throw new AssertionError("the batch's JVM failed (" + child.exitCode() + "): " + child.errLines());
        }
        try {
            List<CliRun> runs = Json.MAPPER.readValue(child.out(), new TypeReference<List<CliRun>>() {});
            if (runs.size() != commands.size()) {
                throw new AssertionError(runs.size() + " results for " + commands.size() + " commands");
            }
            return runs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs in the child JVM.
     *
     * @param args the commands, separated by {@link #NEXT}
     * @throws IOException when standard output cannot be written
     */
    public static void main(String[] args) throws IOException {
        List<CliRun> runs = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= args.length; i++) {
            if (i == args.length || args[i].equals(NEXT)) {
                runs.add(CliRun.of(Arrays.copyOfRange(args, from, i)));
                from = i + 1;
            }
        }
        System.out.write(Json.MAPPER.writeValueAsString(runs).getBytes(StandardCharsets.UTF_8));
        System.out.flush();
    }
}
