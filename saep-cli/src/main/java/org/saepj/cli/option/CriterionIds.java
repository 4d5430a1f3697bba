package org.saepj.cli.option;

import java.util.Iterator;
import java.util.Locale;
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
            wrap(lines, String.format(Locale.ROOT, "  %-8s ", p.id()), p.summary());
            for (org.saepj.pruning.CriterionParameter param : p.parameters()) {
                lines.add(String.format(
                        Locale.ROOT,
                        "  %-8s   --param %s=V (%s to %s, default %s)",
                        "",
                        param.name(),
                        number(param.min()),
                        number(param.max()),
                        number(param.defaultValue())));
                wrap(lines, String.format(Locale.ROOT, "  %-8s     ", ""), param.description());
            }
        }
        return lines.toArray(String[]::new);
    }

    /** Help width: picocli wraps longer lines at 80 columns without their indent, so they are wrapped here first. */
    private static final int WIDTH = 79;

    /** Adds text after a first-line prefix, continuation lines indented as far as the prefix. */
    static void wrap(java.util.List<String> lines, String prefix, String text) {
        StringBuilder line = new StringBuilder(prefix);
        String indent = " ".repeat(prefix.length());
        for (String word : text.split(" ")) {
            if (line.length() > prefix.length() && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
            }
            line.append(line.charAt(line.length() - 1) == ' ' ? "" : " ").append(word);
        }
        lines.add(line.toString());
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public Iterator<String> iterator() {
        return Criteria.discover().providers().stream()
                .map(CriterionProvider::id)
                .iterator();
    }
}
