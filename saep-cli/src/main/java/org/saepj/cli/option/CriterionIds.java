package org.saepj.cli.option;

import java.util.Iterator;
import org.saepj.pruning.Criteria;
import org.saepj.pruning.CriterionProvider;

/**
 * The ids of the known pruning criteria, plug-ins included, for picocli's {@code ${COMPLETION-CANDIDATES}}:
 * the help of {@code --method} lists what the class path holds, not a fixed list.
 */
public final class CriterionIds implements Iterable<String> {
    /** @return help lines: each criterion, its summary and its parameters with defaults and ranges */
    public static String[] helpFooter() {
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of("", "Pruning criteria (--method):"));
        for (CriterionProvider p : Criteria.discover().providers()) {
            lines.add(String.format("  %-8s %s", p.id(), p.summary()));
            for (org.saepj.pruning.CriterionParameter param : p.parameters()) {
                lines.add(String.format("  %-8s   --param %s=V (%s to %s, default %s)", "", param.name(), number(param.min()),
                        number(param.max()), number(param.defaultValue())));
                lines.add(String.format("  %-8s     %s", "", param.description()));
            }
        }
        return lines.toArray(String[]::new);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public Iterator<String> iterator() {
        return Criteria.discover().providers().stream().map(CriterionProvider::id).iterator();
    }
}
