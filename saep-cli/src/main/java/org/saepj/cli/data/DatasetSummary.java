package org.saepj.cli.data;

import java.io.PrintWriter;
import java.util.List;
import org.saepj.data.Dataset;
import org.saepj.data.SourceData;
import org.saepj.data.table.TableSummary;

/**
 * Prints what a source holds: shape, partition sizes, a table's columns, and a per-class table (or a regression
 * target's range).
 */
public final class DatasetSummary {
    private DatasetSummary() {}

    /** A table's columns: type, gaps, and a categorical column's levels with their rows (the first eight). */
    private static void columns(PrintWriter out, TableSummary t) {
        if (t.target() != null) {
            out.println("task      " + t.target().reason());
        }
        out.println("columns   " + TableLines.columns(t));
        // indented, so a column named like a class number never reads as a row of the class table below
        out.printf("  %-22s %-12s %8s  %s%n", "column", "type", "missing", "levels (rows)");
        for (int j = 0; j < t.columns().names().size(); j++) {
            List<String> levels = t.columns().levels().get(j);
            int[] counts = t.levelCounts().get(j);
            StringBuilder l = new StringBuilder();
            for (int k = 0; k < Math.min(8, levels.size()); k++) {
                int rows = k < counts.length ? counts[k] : 0;
                l.append(k == 0 ? "" : ", ")
                        .append(levels.get(k))
                        .append(" (")
                        .append(rows)
                        .append(')');
            }
            if (levels.size() > 8) {
                l.append(", … ").append(levels.size()).append(" levels in all");
            }
            out.printf(
                    "  %-22s %-12s %8d  %s%n",
                    t.columns().names().get(j), t.columns().types().get(j).id(), t.missing()[j], l);
        }
        t.warnings().forEach(w -> out.println("warning: " + w));
    }

    /**
     * @param out where to print
     * @param data the loaded source
     */
    public static void print(PrintWriter out, SourceData data) {
        Dataset train = data.train();
        out.println("dataset   " + data.name());
        out.println("source    " + data.source());
        out.println(
                "shape     " + train.shape() + (train.shape().isImage() ? " (height×width×channels)" : " features"));
        out.println("train     " + train.size() + " samples");
        out.println("test      "
                + data.test()
                        .map(t -> t.size() + " samples")
                        .orElse("none (split off by a " + train.targets().task().holdoutKind() + " holdout)"));
        out.println("sha256    " + data.sha256() + (data.verified() ? " (matches the pinned checksums)" : ""));
        data.table().ifPresent(t -> columns(out, t));
        if (!train.targets().task().predictsClasses()) {
            out.println(train.targets().describe());
            data.test().ifPresent(t -> out.println("test " + t.targets().describe()));
            return;
        }
        int[] trainCounts = train.classCounts();
        int[] testCounts = data.test().map(Dataset::classCounts).orElse(null);
        out.printf("%-6s %-20s %8s %8s%n", "class", "name", "train", "test");
        for (int c = 0; c < train.classCount(); c++) {
            out.printf(
                    "%-6d %-20s %8d %8s%n",
                    c,
                    train.classNames().get(c),
                    trainCounts[c],
                    testCounts == null ? "-" : Integer.toString(testCounts[c]));
        }
    }
}
