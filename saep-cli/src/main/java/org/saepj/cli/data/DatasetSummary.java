package org.saepj.cli.data;

import java.io.PrintWriter;
import org.saepj.data.Dataset;
import org.saepj.data.SourceData;

/** Prints what a source holds: shape, partition sizes, and a per-class table. */
public final class DatasetSummary {
    private DatasetSummary() {
    }

    /**
     * @param names the class names in index order
     * @return "classes: 0 setosa, 1 versicolor, 2 virginica" (the first twelve), or an empty string when every class is
     *     named by its own index, so a search says how labels map to the indices that --pair and the files use
     */
    public static String classLine(java.util.List<String> names) {
        boolean plain = true;
        for (int c = 0; c < names.size(); c++) {
            plain &= names.get(c).equals(Integer.toString(c));
        }
        if (plain) {
            return "";
        }
        StringBuilder line = new StringBuilder("classes: ");
        for (int c = 0; c < Math.min(12, names.size()); c++) {
            line.append(c == 0 ? "" : ", ").append(c).append(' ').append(names.get(c));
        }
        return line.append(names.size() > 12 ? ", … (" + names.size() + " in all: saep datasets show)" : "").toString();
    }

    /**
     * @param out where to print
     * @param data the loaded source
     */
    public static void print(PrintWriter out, SourceData data) {
        Dataset train = data.train();
        out.println("dataset   " + data.name());
        out.println("source    " + data.source());
        out.println("shape     " + train.shape() + (train.shape().isImage() ? " (height×width×channels)" : " features"));
        out.println("train     " + train.size() + " samples");
        out.println("test      " + data.test().map(t -> t.size() + " samples").orElse("none (split off by a stratified holdout)"));
        out.println("sha256    " + data.sha256() + (data.verified() ? " (matches the pinned checksums)" : ""));
        int[] trainCounts = train.classCounts();
        int[] testCounts = data.test().map(Dataset::classCounts).orElse(null);
        out.printf("%-6s %-20s %8s %8s%n", "class", "name", "train", "test");
        for (int c = 0; c < train.classCount(); c++) {
            out.printf("%-6d %-20s %8d %8s%n", c, train.classNames().get(c), trainCounts[c],
                    testCounts == null ? "-" : Integer.toString(testCounts[c]));
        }
    }
}
