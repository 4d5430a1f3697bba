package org.saepj.run;

import java.util.Locale;
import java.util.stream.Collectors;
import org.saepj.pruning.PruneDecision;
import org.saepj.search.IterationRecord;

/**
 * What one iteration did, in one line: who was pruned and on which numbers, what was selected, the members
 * after it, the test accuracy and the time. The same line goes to the terminal, to piped output and to
 * {@code search.log}; members are named by id ({@code #7}), positions in the criterion's numbers too.
 */
public final class IterationLine {
    private IterationLine() {}

    /**
     * @param r the finished iteration
     * @param names the members' names up to the iteration before; the caller adds {@code r} afterwards
     * @return "iteration 4: pie removed #3 dnn-depth-1 (alpha 0.5, …); selected dnn-depth-2 → 3 members #0 #2 #5; …"
     */
    public static String of(IterationRecord r, MemberNames names) {
        StringBuilder line = new StringBuilder(r.bag() == null ? "" : "bag " + r.bag() + ", ")
                .append("iteration ")
                .append(r.iteration())
                .append(": ");
        PruneDecision d = r.pruneDecision();
        if (!r.pruned().isEmpty()) {
            line.append(d.criterion())
                    .append(" removed ")
                    .append(r.pruned().stream().map(names::label).collect(Collectors.joining(", ")))
                    .append(" (")
                    .append(PruningHistory.details(d.details(), names.current()))
                    .append("); ");
        }
        line.append(
                r.selected().equals("keep")
                        ? "kept the ensemble (no candidate lowered the objective)"
                        : "selected " + r.selected());
        line.append(" → ")
                .append(r.ensembleSize())
                .append(r.ensembleSize() == 1 ? " member " : " members ")
                .append(r.memberIds().stream().map(id -> "#" + id).collect(Collectors.joining(" ")));
        if (r.regression() == null) {
            line.append(String.format(Locale.ROOT, "; test accuracy %.4f; %.2f s", r.testAccuracy(), r.seconds()));
        } else {
            line.append(String.format(
                    Locale.ROOT,
                    "; test RMSE %.4g, R² %.4f; %.2f s",
                    r.regression().rmse(),
                    r.regression().r2(),
                    r.seconds()));
        }
        return line.toString();
    }
}
