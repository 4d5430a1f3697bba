package org.saepj.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.saepj.cli.display.Json;
import org.saepj.engine.Backends;
import org.saepj.run.Inspection;
import org.saepj.run.PruningHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code saep inspect DIR}: what a saved ensemble or a run holds, member by member and layer by layer. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = "Show what a saved ensemble or a run directory holds:"
                + " classes, preprocessing, every member layer by layer, and for a run each member's own test accuracy"
                + " (a regression's: RMSE) and its pruning history.")
public final class InspectCommand implements Runnable {
    @Parameters(paramLabel = "DIR", description = "A saved ensemble (OUT/ensemble) or a run directory (OUT).")
    Path dir;

    @Option(names = "--json", description = "Print exactly one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Inspection in = Inspection.of(dir, Backends.best());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(Json.pretty(Json.MAPPER.valueToTree(in)));
            return;
        }
        int[] s = in.inputShape();
        out.printf(
                "%s: %s (manifest format %d)%n",
                in.directory(), in.pruning() == null ? "saved ensemble" : "run directory", in.formatVersion());
        out.printf("classes        %d: %s%n", in.classes().size(), String.join(", ", in.classes()));
        out.printf(
                "input          %d×%d×%d, preprocessing %s%n",
                s[0],
                s[1],
                s[2],
                in.preprocessingSteps().isEmpty() ? "none" : String.join(", then ", in.preprocessingSteps()));
        out.printf(
                "members        %d, %d parameters, %s mixture%n", in.members().size(), in.parameters(), in.mixture());
        for (Inspection.MemberView m : in.members()) {
            out.printf(
                    "%n  member %d  %s, from iteration %d: weight %.4f, %d parameters%s%n",
                    m.id(), m.name(), m.iteration(), m.weight(), m.parameters(), ownFigure(m));
            for (Inspection.LayerView l : m.layers()) {
                out.printf("    %-28s %8d parameters  → %d values%n", l.layer(), l.parameters(), l.outputs());
            }
        }
        if (in.pruning() != null) {
            out.println();
            if (in.pruning().isEmpty()) {
                out.println("pruning        none: no member left during the search");
            }
            for (Inspection.PruningEvent e : in.pruning()) {
                out.println(PruningHistory.describe(e));
            }
        }
    }

    /** A member's own test accuracy or RMSE as the run recorded it, or nothing where it did not. */
    private static String ownFigure(Inspection.MemberView m) {
        if (m.testAccuracy() != null) {
            return String.format(Locale.ROOT, ", own test accuracy %.4f", m.testAccuracy());
        }
        if (m.testRmse() != null) {
            return String.format(Locale.ROOT, ", own test RMSE %.4g", m.testRmse());
        }
        return "";
    }
}
