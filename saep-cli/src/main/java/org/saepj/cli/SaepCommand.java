package org.saepj.cli;

import java.io.PrintWriter;
import org.saepj.SaepException;
import org.saepj.cli.command.CompareCommand;
import org.saepj.cli.command.DatasetsCommand;
import org.saepj.cli.command.DemoCommand;
import org.saepj.cli.command.EvaluateCommand;
import org.saepj.cli.command.ExportCommand;
import org.saepj.cli.command.InspectCommand;
import org.saepj.cli.command.PredictCommand;
import org.saepj.cli.command.PruneCommand;
import org.saepj.cli.command.SearchCommand;
import org.saepj.cli.display.RootLocaleWriter;
import org.saepj.cli.option.CriterionIds;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code saep} command: entry point of the command line and home of the error policy.
 *
 * <p>User errors print one line starting with {@code error:} on stderr and exit with their kind's code
 * ({@link ErrorKind}: 2 usage, 1 data, 3 file; 4 for an internal error); stack traces appear only with
 * {@code --debug}.
 */
@Command(
        name = "saep",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        description = "Ensemble neural architecture search (AdaNet) with sub-architecture ensemble pruning (SAEP).",
        subcommands = {
            SearchCommand.class,
            CompareCommand.class,
            EvaluateCommand.class,
            PredictCommand.class,
            PruneCommand.class,
            ExportCommand.class,
            InspectCommand.class,
            DatasetsCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class
        })
public final class SaepCommand implements Runnable {
    @Option(names = "--debug", description = "Show stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Builds the command line with the project's error handling.
     *
     * @param out standard output
     * @param err standard error
     * @return the configured command line
     */
    public static CommandLine create(PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new SaepCommand());
        // Numbers are printed the same in every JVM locale: every command writes through these two.
        cmd.setOut(RootLocaleWriter.of(out));
        cmd.setErr(RootLocaleWriter.of(err));
        String[] criteriaHelp = CriterionIds.helpFooter(); // the class path is read once, not per command
        for (String name : new String[] {"search", "compare", "prune"}) {
            cmd.getSubcommands().get(name).getCommandSpec().usageMessage().footer(criteriaHelp);
        }
        HelpExamples.install(cmd);
        cmd.setParameterExceptionHandler((ex, args) -> {
            String hint = "";
            if (ex instanceof CommandLine.UnmatchedArgumentException u
                    && !u.getSuggestions().isEmpty()) {
                hint = " (did you mean "
                        + String.join(
                                " or ",
                                u.getSuggestions()
                                        .subList(
                                                0,
                                                Math.min(2, u.getSuggestions().size()))) + "?)";
            }
            ex.getCommandLine()
                    .getErr()
                    .println("error: " + oneLine(ex.getMessage()).replaceFirst("^Error: ", "") + hint + " (see '"
                            + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return ErrorKind.USAGE.exitCode();
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = parseResult.hasMatchedOption("--debug")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
            ErrorKind kind = ErrorKind.of(ex);
            if (kind == ErrorKind.INTERNAL) {
                commandLine
                        .getErr()
                        .println("error: internal error: " + SaepException.printable(String.valueOf(ex))
                                + (debug ? "" : " (run with --debug for details)"));
            } else {
                commandLine.getErr().println("error: " + oneLine(ex.getMessage()));
            }
            if (debug && kind != ErrorKind.USAGE) {
                ex.printStackTrace(commandLine.getErr());
            }
            return kind.exitCode();
        });
        return cmd;
    }

    private static String oneLine(String s) {
        // Line breaks become spaces; any other control character read from a file (a NUL byte) is shown escaped.
        return s == null ? "" : SaepException.printable(s.strip().replaceAll("\\s*\\R\\s*", " "));
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        PrintWriter out = RootLocaleWriter.of(new PrintWriter(System.out, true));
        PrintWriter err = RootLocaleWriter.of(new PrintWriter(System.err, true));
        int code;
        try {
            code = create(out, err).execute(args);
        } catch (OutOfMemoryError e) {
            err.println(
                    "error: out of memory (Java heap of " + Runtime.getRuntime().maxMemory() / (1 << 20)
                            + " MB): give it more with SAEP_JAVA_OPTS=-Xmx8g (or java -Xmx8g)");
            code = ErrorKind.of(e).exitCode();
        }
        out.flush();
        err.flush();
        System.exit(code);
    }
}
