package org.saepj.cli.data;

import java.io.PrintWriter;
import org.saepj.data.Dataset;
import org.saepj.data.SourceData;

/** Prints what a source holds: shape, partition sizes, and a per-class table. */
public final class DatasetSummary {
    private DatasetSummary() {
    }

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
